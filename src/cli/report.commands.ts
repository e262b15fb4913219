import { writeFile } from 'node:fs/promises';
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { z } from 'zod';
import { type ReportFormat, reportFormats } from '../contracts/report.contracts';
import { reportCliError, withBaton } from './cli-context';

export function registerReportCommands(program: Command) {
  program
    .command('report')
    .description(
      "Export an absence's report for the manager (final once finalised, else the current draft); the export's SHA-256 is audited",
    )
    .argument('<absence-id>', 'the absence (see `baton absences list`)')
    .option('--format <format>', `${reportFormats.join(', ')}`, 'pdf')
    .option('--output <file>', 'write to this file (a PDF needs one; Markdown and HTML go to standard output without it)')
    .action((absenceId: string, options: { format: string; output?: string }) => {
      const format = options.format as ReportFormat;
      if (!reportFormats.includes(format)) {
        console.error(`--format must be one of ${reportFormats.join(', ')}`);
        process.exitCode = 2;
        return;
      }
      if (!z.uuid().safeParse(absenceId).success) {
        console.error(`${absenceId} is not an absence id (a UUID)`);
        process.exitCode = 2;
        return;
      }
      if (format === 'pdf' && !options.output) {
        console.error('A PDF is binary: say where to write it with --output FILE');
        process.exitCode = 2;
        return;
      }
      return withBaton(async ({ deps }) => {
        // The bar goes to standard error, so a Markdown or HTML export can still be piped from standard output.
        const bar = new cliProgress.SingleBar(
          {
            format: `Exporting ${format.toUpperCase()} [{bar}] {percentage}% | {value}/{total} rows`,
            stream: process.stderr,
            noTTYOutput: !process.stderr.isTTY,
            notTTYSchedule: 1000,
          },
          cliProgress.Presets.shades_classic,
        );
        let started = false;
        try {
          const result = await deps.reports.exportForCli(absenceId, format, (done, total) => {
            if (!started) bar.start(total, done);
            started = true;
            bar.update(done);
          });
          bar.update(result.rows);
          bar.stop();
          if (options.output) {
            await writeFile(options.output, result.bytes);
            console.error(`Wrote ${options.output} (${result.bytes.length} bytes, sha256 ${result.sha256}).`);
          } else {
            process.stdout.write(result.bytes);
            console.error(`sha256 ${result.sha256}`);
          }
        } finally {
          if (started) bar.stop();
        }
      }).catch(reportCliError);
    });
}

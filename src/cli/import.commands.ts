import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { type HeaderMapping, headerMappingSchema } from '../contracts/clients.contracts';
import { reportCliError, withBaton } from './cli-context';

/** `--mapping` is inline JSON or the path of a JSON file: `{"Company": "name", "Fax": null}`. */
async function readMapping(option: string | undefined): Promise<HeaderMapping | undefined> {
  if (!option) return undefined;
  const text = option.trim().startsWith('{') ? option : await readFile(option, 'utf8');
  const parsed = headerMappingSchema.safeParse(JSON.parse(text));
  if (!parsed.success)
    throw new Error(`--mapping: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
  return parsed.data;
}

export function registerImportCommands(program: Command) {
  const importCommand = program.command('import').description('Import data from files');
  importCommand
    .command('clients')
    .description('Import clients, contacts and domains from a CSV file (HubSpot, Salesforce or Baton columns); all or nothing')
    .argument('<file>', 'the CSV file')
    .option('--workspace <slug>', 'the workspace (needed when there is more than one)')
    .option('--dry-run', 'check every row and show what would change, without writing anything')
    .option('--mapping <json>', 'column mapping as JSON (or a JSON file) over the suggested one, e.g. {"Company":"name","Fax":null}')
    .action((file: string, options: { workspace?: string; dryRun?: boolean; mapping?: string }) =>
      withBaton(async ({ deps }) => {
        if (!existsSync(file)) {
          console.error(`No such file: ${file}`);
          process.exitCode = 2;
          return;
        }
        const mapping = await readMapping(options.mapping).catch((error: Error) => {
          console.error(error.message);
          process.exitCode = 2;
          return null;
        });
        if (mapping === null) return;
        const workspaces = await deps.workspacesRepository.listWorkspaces();
        const workspace = options.workspace ? workspaces.find((candidate) => candidate.slug === options.workspace) : workspaces[0];
        if (!workspace || (!options.workspace && workspaces.length > 1)) {
          console.error(
            options.workspace
              ? `No workspace with slug ${options.workspace}`
              : `Say which workspace with --workspace (${workspaces.map((candidate) => candidate.slug).join(', ') || 'none exists yet'})`,
          );
          process.exitCode = 2;
          return;
        }
        const csv = await readFile(file, 'utf8');
        const prepared = await deps.clientImports.prepare({ workspaceId: workspace.id, csv, mapping, actor: null });

        console.log(`Columns of ${path.basename(file)}:`);
        for (const header of prepared.headers) console.log(`  ${header} → ${prepared.mapping[header] ?? '(ignored)'}`);
        if (prepared.errors.length) {
          console.error(`\n${prepared.errors.length} problem(s) in ${prepared.total} rows; nothing was written:`);
          for (const error of prepared.errors)
            console.error(`  line ${error.line}${error.field ? ` (${error.field})` : ''}: ${error.message}`);
          process.exitCode = 1;
          return;
        }
        const { summary } = prepared;
        const described = `${summary.rows} rows → ${summary.clients} clients: ${summary.create} new, ${summary.update} updated, ${summary.unchanged} unchanged; ${summary.contactsAdded} contacts and ${summary.domainsAdded} domains added`;
        if (options.dryRun) {
          console.log(`\nDry run, nothing written: ${described}.`);
          return;
        }
        const bar = new cliProgress.SingleBar(
          { format: 'Importing [{bar}] {percentage}% | {value}/{total} rows', noTTYOutput: !process.stderr.isTTY, notTTYSchedule: 1000 },
          cliProgress.Presets.shades_classic,
        );
        bar.start(prepared.total, 0);
        try {
          await deps.clientImports.importPrepared(
            { workspaceId: workspace.id, actorId: null, prepared, fileName: path.basename(file) },
            (processed) => bar.update(processed),
          );
          bar.update(prepared.total);
        } finally {
          bar.stop();
        }
        console.log(`Imported into ${workspace.slug}: ${described}.`);
      }).catch(reportCliError),
    );
}

import type { Command } from 'commander';
import { reportCliError, selectWorkspaces, withBaton } from './cli-context';

export function registerAuditCommands(program: Command) {
  const audit = program.command('audit').description('The hash-chained audit log');
  audit
    .command('verify')
    .description('Check every workspace’s audit chain; exits 1 and names the first bad event if any was edited, deleted or reordered')
    .option('--workspace <slug>', 'only this workspace')
    .option('--json', 'print one JSON line per workspace')
    .action((options: { workspace?: string; json?: boolean }) =>
      withBaton(async ({ deps }) => {
        const selected = await selectWorkspaces(deps.workspacesRepository, options.workspace);
        if (!selected) return;
        let broken = 0;
        for (const workspace of selected) {
          const result = await deps.audit.verifyWorkspace(workspace.id);
          if (!result.ok) broken += 1;
          if (options.json) console.log(JSON.stringify({ workspace: workspace.slug, ...result }));
          else if (result.ok) console.log(`${workspace.slug}: ok, ${result.checked} events`);
          else
            console.log(
              `${workspace.slug}: BROKEN at event #${result.firstBad?.seq}: ${result.firstBad?.reason} (${result.checked} events verified before it)`,
            );
        }
        if (broken > 0) process.exitCode = 1;
      }).catch(reportCliError),
    );
}

import type { Command } from 'commander';
import { instantToLocal } from '../platform/clock/zoned-time';
import { reportCliError, selectWorkspaces, withBaton } from './cli-context';

export function registerAbsencesCommands(program: Command) {
  const absences = program.command('absences').description('Absences: who is away, who covers, how ready the handover is');
  absences
    .command('list')
    .description('List absences with id, owner, dates (workspace time zone), state and readiness')
    .option('--workspace <slug>', 'only this workspace')
    .option('--json', 'print one JSON line per absence')
    .action((options: { workspace?: string; json?: boolean }) =>
      withBaton(async ({ deps }) => {
        const selected = await selectWorkspaces(deps.workspacesRepository, options.workspace);
        if (!selected) return;
        for (const workspace of selected) {
          const names = new Map((await deps.workspacesRepository.listUsers(workspace.id)).map((user) => [user.id, user]));
          for (const absence of await deps.absencesRepository.list(workspace.id)) {
            const readiness = await deps.handoverGate.readiness(workspace.id, absence.id);
            const owner = names.get(absence.ownerId);
            const row = {
              workspace: workspace.slug,
              id: absence.id,
              owner: owner?.name ?? absence.ownerId,
              ownerEmail: owner?.email ?? null,
              startsAt: absence.startsAt.toISOString(),
              endsAt: absence.endsAt.toISOString(),
              state: absence.state,
              readiness: readiness.score,
              gateOpen: readiness.gate.open || readiness.gate.overridden || absence.gateOverride !== null,
            };
            if (options.json) console.log(JSON.stringify(row));
            else
              console.log(
                [
                  row.id,
                  row.owner,
                  `${instantToLocal(absence.startsAt, workspace.timezone).replace('T', ' ')} → ${instantToLocal(absence.endsAt, workspace.timezone).replace('T', ' ')} ${workspace.timezone}`,
                  row.state,
                  `readiness ${Math.round(row.readiness * 100)}%${row.gateOpen ? '' : ' (gate closed)'}`,
                ].join('  '),
              );
          }
        }
      }).catch(reportCliError),
    );
}

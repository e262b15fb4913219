import type { Command } from 'commander';
import { reportCliError, withBaton } from './cli-context';

export function registerDatabaseCommands(program: Command) {
  program
    .command('migrate')
    .description('Bring the database schema up to date (also done by start)')
    .action(() =>
      withBaton(async (baton) => {
        console.log(`Database (${baton.deps.database.kind}) is up to date.`);
      }).catch(reportCliError),
    );

  program
    .command('demo')
    .description('Load the demo workspace (Ferri & Bellini Consulting) into an empty database')
    .action(() =>
      withBaton(async (baton) => {
        if ((await baton.deps.workspacesRepository.listWorkspaces()).length > 0) {
          console.error('The database already has a workspace: the demo loads only into an empty database.');
          process.exitCode = 1;
          return;
        }
        await baton.loadDemo();
        console.log('Demo workspace loaded. Its logins work when Baton runs in demo mode (BATON_DEMO=true).');
      }).catch(reportCliError),
    );
}

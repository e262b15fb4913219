import 'dotenv/config';
import type { Command } from 'commander';
import { DEMO_PASSWORD, demoPeople } from '../domains/demo/demo.seed';
import { type BatonOptions, createBaton } from '../main';
import { loadConfig } from '../platform/config/config';
import { createLogger } from '../platform/logger/logger';
import { reportCliError } from './cli-context';

/** `testTimings`: tests that run Baton as a process (killed and restarted) shorten the IMAP watchers' lease. */
export async function startServer(testTimings: Pick<BatonOptions, 'imapIdleTiming'> = {}) {
  const config = loadConfig(process.env);
  const logger = createLogger(config.LOG_LEVEL);
  const baton = await createBaton({ config, logger, ...testTimings });
  const loadedDemo = await baton.loadDemoIfEmpty();
  await baton.listen();
  const lines = [
    '',
    `  Baton ${config.database.kind === 'pglite' ? `(embedded database in ${config.database.dataDir})` : '(PostgreSQL)'} is running at ${config.baseUrl}`,
  ];
  if (config.demo) {
    lines.push(loadedDemo ? '  Demo workspace "Ferri & Bellini Consulting" loaded. Sign in as:' : '  Demo mode. Demo logins:');
    for (const person of demoPeople)
      lines.push(`    ${person.email.padEnd(30)} ${DEMO_PASSWORD}   ${person.name} (${person.role}, ${person.note})`);
  }
  console.log(`${lines.join('\n')}\n`);
  const shutdown = async (signal: string) => {
    logger.info({ signal }, 'shutting down');
    await baton.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

export function registerStartCommand(program: Command) {
  program
    .command('start')
    .description('Run the Baton server (migrates the database first; loads the demo workspace on first start in demo mode)')
    .action(() => startServer().catch(reportCliError));
}

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDependencies } from './app/dependencies';
import { createHttpApp } from './app/http';
import type { HandoverGate } from './domains/absences/handover-gate';
import { loadDemoWorkspace } from './domains/demo/demo.seed';
import type { ImapIdleTiming } from './domains/mail/imap-idle.usecases';
import type { IngestionFaults } from './domains/mail/ingestion.usecases';
import { createSmtpIntake } from './domains/mail/smtp-intake';
import { type Clock, systemClock } from './platform/clock/clock';
import type { Config } from './platform/config/config';
import { type Database, openDatabase } from './platform/db/database';
import { createJobRunner, expireJobLeases } from './platform/jobs/jobs';
import type { Logger } from './platform/logger/logger';
import type { MailTransport } from './platform/mail/mail-transport';

/** The built web UI: dist/web beside the bundle, or under the repository when run from source. */
export function defaultWebDir(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  return here.endsWith(`${path.sep}dist`) ? path.join(here, 'web') : path.resolve(here, '..', 'dist', 'web');
}

export type BatonOptions = {
  config: Config;
  logger: Logger;
  clock?: Clock;
  /** An already open database (tests); otherwise opened from the configuration. */
  database?: Database;
  transport?: MailTransport;
  webDir?: string | null;
  /** Tests replace the briefs side's readiness gate with a fake. */
  handoverGate?: HandoverGate;
  /** Tests drive the job runner by hand with `runDue()`; the IMAP IDLE watchers start with the runner. */
  startJobs?: boolean;
  /** Tests make ingestion fail for chosen messages. */
  ingestionFaults?: IngestionFaults;
  /** Tests shorten the IMAP watchers' backoff and rescans. */
  imapIdleTiming?: Partial<ImapIdleTiming>;
};

type HttpApp = Awaited<ReturnType<typeof createHttpApp>>;

/** Composition root: configuration → database (migrated) → dependencies → HTTP app and job runner. */
export async function createBaton<Http extends boolean = true>(
  options: BatonOptions & {
    /** False for CLI commands, which serve nothing: the HTTP app (every route and schema) is not built, saving a second. */
    http?: Http;
  },
) {
  const { config, logger } = options;
  const clock = options.clock ?? systemClock;
  const database =
    options.database ??
    (await openDatabase(config.database.kind === 'pglite' ? { kind: 'pglite', dataDir: config.database.dataDir } : config.database));
  try {
    await database.migrate();
    const deps = createDependencies({
      config,
      clock,
      logger,
      database,
      ...(options.transport ? { transport: options.transport } : {}),
      ...(options.handoverGate ? { handoverGate: options.handoverGate } : {}),
      ...(options.ingestionFaults ? { ingestionFaults: options.ingestionFaults } : {}),
      ...(options.imapIdleTiming ? { imapIdleTiming: options.imapIdleTiming } : {}),
    });
    const app =
      options.http === false
        ? null
        : await createHttpApp(deps, { logger, webDir: options.webDir === undefined ? defaultWebDir() : options.webDir });
    // The app's type follows `http`: callers that asked for HTTP need not check for null.
    const appOfCaller = app as Http extends false ? null : HttpApp;
    const jobRunner = createJobRunner({ db: deps.db, clock, logger, definitions: deps.jobDefinitions, pollMs: config.JOB_POLL_MS });
    const smtpIntake =
      config.SMTP_INBOUND_PORT === undefined
        ? null
        : createSmtpIntake(
            { mailRepository: deps.mail.mailRepository, ingestion: deps.mail.ingestion, clock, logger },
            { host: config.SMTP_INBOUND_HOST, port: config.SMTP_INBOUND_PORT, maxBytes: config.SMTP_INBOUND_MAX_BYTES },
          );
    let demoLoaded = false;
    /** The demo workspace of DEMO.md; its story's later parts run through the use cases, on a clock of their own. */
    const loadDemo = () =>
      loadDemoWorkspace({
        db: deps.db,
        clock,
        members: deps.members,
        clientsRepository: deps.clientsRepository,
        absencesRepository: deps.absencesRepository,
        briefsRepository: deps.briefsRepository,
        stage: (storyClock) => {
          const story = createDependencies({
            config,
            clock: storyClock,
            logger,
            database,
            ...(options.transport ? { transport: options.transport } : {}),
          });
          return {
            welcomeBack: story.welcomeBack,
            recoveryTasks: story.recoveryTasks,
            winBack: story.winBack,
            escalations: story.coverage.escalations,
            debriefs: story.debriefs,
            reports: story.reports,
            workspacesRepository: story.workspacesRepository,
          };
        },
      });
    return {
      app: appOfCaller,
      deps,
      jobRunner,
      /** The inbound SMTP listener when SMTP_INBOUND_PORT is set (started by `listen()`), else null. */
      smtpIntake,
      loadDemo,
      /** Loads the demo workspace when demo mode is on and the database has no workspace yet. */
      async loadDemoIfEmpty() {
        if (!config.demo || (await deps.workspacesRepository.listWorkspaces()).length > 0) return false;
        await loadDemo();
        demoLoaded = true;
        return true;
      },
      get demoLoaded() {
        return demoLoaded;
      },
      async listen() {
        if (!app) throw new Error('this Baton was created without HTTP (http: false)');
        const address = await app.listen({ port: config.PORT, host: config.HOST });
        if (smtpIntake) {
          const smtp = await smtpIntake.listen();
          logger.info({ host: smtp.host, port: smtp.port }, 'SMTP intake listening');
        }
        if (options.startJobs !== false) {
          // An embedded database this Baton opened is locked to this process: job claims and IMAP watcher leases
          // still held are a dead process's (kill -9, a crash). Taken over now; otherwise its claimed jobs (a
          // client's auto-reply and routing, a mail being sent) would wait 5 minutes, and the mailbox a minute unread.
          if (database.kind === 'pglite' && !options.database) {
            await expireJobLeases(deps.db, clock);
            await deps.mail.imapRepository.releaseAllLeases();
          }
          // Every IMAP mailbox gets its polling job back (after a restart, or one given up); upkeep runs now and on.
          await deps.mail.imap.ensurePolling();
          await deps.maintenance.ensureScheduled();
          jobRunner.start();
          // One IDLE connection per IMAP mailbox (across instances); polling stays the fallback.
          if (config.IMAP_IDLE) deps.mail.idle.start();
        }
        return address;
      },
      async close() {
        // First: the watchers' syncs and lease release still need the database.
        await deps.mail.idle.stop();
        await smtpIntake?.close();
        await jobRunner.stop();
        await app?.close();
        await deps.mail.parsePool.close();
        deps.mailTransport.close();
        if (!options.database) await database.close();
      },
    };
  } catch (error) {
    if (!options.database) await database.close();
    throw error;
  }
}
export type Baton = Awaited<ReturnType<typeof createBaton<true>>>;

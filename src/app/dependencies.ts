import os from 'node:os';
import { absenceReturnedJob } from '../domains/absences/absences.jobs';
import { createAbsencesRepository } from '../domains/absences/absences.repository';
import { createAbsencesUseCases } from '../domains/absences/absences.usecases';
import { createAcknowledgementsUseCases } from '../domains/absences/acknowledgements.usecases';
import { createBriefsAccess } from '../domains/absences/briefs.access';
import { createBriefLookup } from '../domains/absences/briefs.lookup';
import { createBriefsRepository } from '../domains/absences/briefs.repository';
import { createBriefsUseCases } from '../domains/absences/briefs.usecases';
import { createCalendarFeedsRepository } from '../domains/absences/calendar-feeds.repository';
import type { HandoverGate } from '../domains/absences/handover-gate';
import { createReadinessRepository } from '../domains/absences/readiness.repository';
import { createReadiness } from '../domains/absences/readiness.usecases';
import { createStatusLinksRepository } from '../domains/absences/status-links.repository';
import { createStatusLinksUseCases } from '../domains/absences/status-links.usecases';
import { createAuditLookup } from '../domains/audit/audit.lookup';
import { createAuditLog, createAuditRepository } from '../domains/audit/audit.repository';
import { createAuditUseCases } from '../domains/audit/audit.usecases';
import { createClientImportUseCases } from '../domains/clients/clients.import.usecases';
import { createClientDirectory } from '../domains/clients/clients.lookup';
import { createClientsRepository } from '../domains/clients/clients.repository';
import { createClientsUseCases } from '../domains/clients/clients.usecases';
import { createCoverageDependencies } from '../domains/coverage/coverage.dependencies';
import { createInsightsRepository } from '../domains/insights/insights.repository';
import { createInsights } from '../domains/insights/insights.usecases';
import type { ImapIdleTiming } from '../domains/mail/imap-idle.usecases';
import type { IngestionFaults } from '../domains/mail/ingestion.usecases';
import { createMailDependencies } from '../domains/mail/mail.dependencies';
import { mailRouteJob } from '../domains/mail/mail.jobs';
import { createNotificationsRepository, createNotifier } from '../domains/notifications/notifications.usecases';
import { createOutbox, createOutboxRepository } from '../domains/outbox/outbox.usecases';
import { createRecoveryRepository } from '../domains/recovery/recovery.repository';
import { createRecoveryTasksRepository } from '../domains/recovery/recovery-tasks.repository';
import { createRecoveryTasks } from '../domains/recovery/recovery-tasks.usecases';
import { createReturnBriefing } from '../domains/recovery/return-briefing.usecases';
import { createWinBackRepository } from '../domains/recovery/win-back.repository';
import { createWinBack } from '../domains/recovery/win-back.usecases';
import { createDebriefRepository } from '../domains/reports/debrief.repository';
import { createDebriefs } from '../domains/reports/debrief.usecases';
import { checkNeutralLanguage } from '../domains/reports/neutral-language.models';
import { createReportRepository } from '../domains/reports/report.repository';
import { createReportUseCases } from '../domains/reports/report.usecases';
import { createWebhookEvents } from '../domains/webhooks/webhooks.events';
import { createWebhooksRepository } from '../domains/webhooks/webhooks.repository';
import { createWebhooks } from '../domains/webhooks/webhooks.usecases';
import { createAuthUseCases } from '../domains/workspaces/auth.usecases';
import { createMembersUseCases } from '../domains/workspaces/members.usecases';
import { createPeopleLookup } from '../domains/workspaces/people.lookup';
import { createPrincipalCache } from '../domains/workspaces/principal-cache';
import { createWorkspacesRepository } from '../domains/workspaces/workspaces.repository';
import type { Clock } from '../platform/clock/clock';
import type { Config } from '../platform/config/config';
import type { Database } from '../platform/db/database';
import { createDatabaseMaintenance } from '../platform/db/maintenance';
import { defineJob } from '../platform/jobs/jobs';
import type { Logger } from '../platform/logger/logger';
import { createMailTransport, type MailTransport } from '../platform/mail/mail-transport';

/** Wires every repository and use case once; routes, jobs and the CLI receive what they need from here. */
export function createDependencies({
  config,
  clock,
  logger,
  database,
  transport,
  handoverGate: handoverGateOverride,
  ingestionFaults,
  imapIdleTiming,
}: {
  config: Config;
  clock: Clock;
  logger: Logger;
  database: Database;
  transport?: MailTransport;
  /** Tests pass a fake gate; otherwise the briefs side's. */
  handoverGate?: HandoverGate;
  /** Tests make ingestion fail for chosen messages. */
  ingestionFaults?: IngestionFaults;
  /** Tests shorten the IMAP watchers' backoff and rescans. */
  imapIdleTiming?: Partial<ImapIdleTiming>;
}) {
  const { db } = database;
  const mailTransport = transport ?? createMailTransport(config.SMTP_URL);
  const auditLog = createAuditLog({ clock });
  const auditRepository = createAuditRepository({ db });
  const workspacesRepository = createWorkspacesRepository({ db });
  const clientsRepository = createClientsRepository({ db });
  const absencesRepository = createAbsencesRepository({ db });
  const outboxRepository = createOutboxRepository({ db });
  const outbox = createOutbox({
    db,
    clock,
    transport: mailTransport,
    defaultFrom: config.MAIL_FROM,
    hostname: new URL(config.baseUrl).hostname || os.hostname(),
  });
  const notifier = createNotifier({ clock, outbox, baseUrl: config.baseUrl });
  const notificationsRepository = createNotificationsRepository({ db });
  const principalCache = createPrincipalCache({ clock });
  const auth = createAuthUseCases({
    db,
    clock,
    auditLog,
    workspacesRepository,
    principalCache,
    sessionTtlHours: config.SESSION_TTL_HOURS,
    demoMode: config.demo,
  });
  const members = createMembersUseCases({
    db,
    clock,
    auditLog,
    outbox,
    workspacesRepository,
    principalCache,
    baseUrl: config.baseUrl,
    invitationTtlHours: config.INVITATION_TTL_HOURS,
  });
  const audit = createAuditUseCases({ auditRepository });
  const recoveryRepository = createRecoveryRepository({ db });
  /** A client marked lost starts a win-back cadence; leaving `lost` ends it (in the status change's transaction). */
  const winBack = createWinBack({
    db,
    clock,
    auditLog,
    notifier,
    winBackRepository: createWinBackRepository({ db }),
    recoveryRepository,
    workspacesRepository,
  });
  const clients = createClientsUseCases({
    db,
    clock,
    auditLog,
    clientsRepository,
    workspacesRepository,
    onStatusChanged: winBack.onClientStatusChanged,
  });
  const clientImports = createClientImportUseCases({
    db,
    clock,
    auditLog,
    clientsRepository,
    workspacesRepository,
    onStatusChanged: winBack.onClientStatusChanged,
  });
  const briefsRepository = createBriefsRepository({ db });
  const briefsAccess = createBriefsAccess({ briefsRepository, workspacesRepository });
  const readiness = createReadiness({ db, auditLog, notifier, readinessRepository: createReadinessRepository({ db }) });
  /** Asked by the absence lifecycle before an absence becomes active. */
  const handoverGate: HandoverGate = handoverGateOverride ?? readiness.gate;
  const absences = createAbsencesUseCases({
    db,
    clock,
    auditLog,
    notifier,
    absencesRepository,
    calendarFeedsRepository: createCalendarFeedsRepository({ db }),
    workspacesRepository,
    handoverGate,
    baseUrl: config.baseUrl,
  });
  const statusLinksRepository = createStatusLinksRepository({ db });
  const statusLinks = createStatusLinksUseCases({
    db,
    clock,
    auditLog,
    absencesRepository,
    statusLinksRepository,
    workspacesRepository,
    clientDirectory: createClientDirectory({ db }),
    actingDelegateAt: absences.actingDelegateAt,
    baseUrl: config.baseUrl,
  });
  const briefs = createBriefsUseCases({
    db,
    clock,
    auditLog,
    notifier,
    access: briefsAccess,
    markShared: absences.markShared,
    briefsRepository,
  });
  const acknowledgements = createAcknowledgementsUseCases({
    db,
    clock,
    auditLog,
    notifier,
    access: briefsAccess,
    briefsRepository,
    readiness,
  });
  const maintenance = createDatabaseMaintenance({ db, kind: database.kind, clock, logger });
  const mail = createMailDependencies({
    db,
    clock,
    logger,
    ...(ingestionFaults ? { faults: ingestionFaults } : {}),
    ...(imapIdleTiming ? { imapIdleTiming } : {}),
    auditLog,
    outbox,
    workspacesRepository,
    actingDelegateAt: absences.actingDelegateAt,
    mintStatusLink: statusLinks.mint,
    dbKind: database.kind,
    secretKey: config.secretKey,
    imapPollSeconds: config.IMAP_POLL_SECONDS,
    parseThreads: config.MAIL_PARSE_THREADS,
  });
  const coverage = createCoverageDependencies({
    db,
    clock,
    auditLog,
    notifier,
    outbox,
    workspacesRepository,
    mailRepository: mail.mailRepository,
    attachSenderOf: mail.mail.attachSenderOf,
    clientDirectory: mail.clientDirectory,
    absenceLookup: mail.absenceLookup,
    coverAt: absences.coverAt,
  });
  /** An ingested message is auto-replied to, then routed to the acting delegate; each step is idempotent. */
  const mailRoute = defineJob({
    ...mailRouteJob,
    handler: async ({ workspaceId, messageId }) => {
      await mail.autoReplies.autoReplyTo(workspaceId, messageId);
      await coverage.routing.route(workspaceId, messageId);
    },
  });
  const returnBriefing = createReturnBriefing({
    db,
    clock,
    notifier,
    absenceLookup: mail.absenceLookup,
    coverageLookup: coverage.lookup,
    recoveryRepository,
    statusLinksRepository,
    workspacesRepository,
  });
  const recoveryTasksRepository = createRecoveryTasksRepository({ db });
  const recoveryTasks = createRecoveryTasks({
    db,
    clock,
    auditLog,
    notifier,
    outbox,
    absenceLookup: mail.absenceLookup,
    clientDirectory: mail.clientDirectory,
    mailRepository: mail.mailRepository,
    workspacesRepository,
    recoveryRepository,
    recoveryTasksRepository,
    returnBriefing,
    setClientStatus: clients.setStatus,
  });
  const debriefs = createDebriefs({
    db,
    clock,
    auditLog,
    notifier,
    absenceLookup: mail.absenceLookup,
    coverageLookup: coverage.lookup,
    returnBriefing,
    workspacesRepository,
    debriefRepository: createDebriefRepository({ db }),
    // The same loaded-wording rules as the report's narrative; the page shows the phrases, so the language of the
    // suggestions does not matter here.
    checkWording: (text) => checkNeutralLanguage(text, 'en').map(({ phrase, start, end, kind }) => ({ text: phrase, start, end, kind })),
  });
  const reports = createReportUseCases({
    db,
    clock,
    auditLog,
    notifier,
    absenceLookup: mail.absenceLookup,
    briefLookup: createBriefLookup({ db }),
    coverageLookup: coverage.lookup,
    recoveryRepository,
    recoveryTasksRepository,
    auditLookup: createAuditLookup({ db }),
    mailRepository: mail.mailRepository,
    workspacesRepository,
    reportRepository: createReportRepository({ db }),
    baseUrl: config.baseUrl,
  });
  /**
   * Outgoing webhooks listen to the audit log: every fact they announce is already audited in the transaction that
   * makes it, so each delivery is queued exactly when the change commits. Payloads read the other domains' lookups.
   */
  const people = createPeopleLookup();
  const webhooks = createWebhooks({
    db,
    clock,
    auditLog,
    webhooksRepository: createWebhooksRepository({ db }),
    events: createWebhookEvents({
      baseUrl: config.baseUrl,
      facts: {
        workspace: people.workspace,
        people: people.people,
        absence: (tx, workspaceId, absenceId) => mail.absenceLookup.byId(workspaceId, absenceId, tx),
        client: (tx, workspaceId, clientId) => mail.clientDirectory.client(workspaceId, clientId, tx),
      },
    }),
    secretKey: config.secretKey,
    allowPrivate: config.WEBHOOKS_ALLOW_PRIVATE,
  });
  auditLog.onAppend(webhooks.onAuditEvent);
  /**
   * The owner is back: the open contacts return to her, a recovery task is created per client who got in touch,
   * then her return briefing is mailed. Each step is idempotent, so a retry redoes only what did not commit.
   */
  async function welcomeBack(workspaceId: string, absenceId: string) {
    await coverage.handBack(workspaceId, absenceId);
    await recoveryTasks.createForAbsence(workspaceId, absenceId);
    await returnBriefing.sendToOwner(workspaceId, absenceId);
  }
  const absenceReturned = defineJob({
    ...absenceReturnedJob,
    handler: ({ workspaceId, absenceId }) => welcomeBack(workspaceId, absenceId),
  });
  /** Read-only counts for managers; business minutes in the workspace's calendar of today. */
  const insights = createInsights({
    clock,
    insightsRepository: createInsightsRepository({ db }),
    workspacesRepository,
    calendarOf: (workspace) => coverage.coverageSettings.calendarOf(workspace),
  });
  return {
    config,
    welcomeBack,
    clock,
    database,
    db,
    mailTransport,
    auditLog,
    audit,
    workspacesRepository,
    clientsRepository,
    absencesRepository,
    briefsRepository,
    briefsAccess,
    briefs,
    acknowledgements,
    readiness,
    outboxRepository,
    outbox,
    notifier,
    notificationsRepository,
    auth,
    members,
    clients,
    clientImports,
    handoverGate,
    absences,
    statusLinks,
    mail,
    coverage,
    returnBriefing,
    recoveryTasks,
    winBack,
    debriefs,
    webhooks,
    insights,
    reports,
    maintenance,
    jobDefinitions: [
      outbox.deliveryJob,
      clientImports.importJob,
      ...absences.jobDefinitions,
      mailRoute,
      absenceReturned,
      ...mail.jobDefinitions,
      ...coverage.jobDefinitions,
      recoveryTasks.retryReminder,
      winBack.reminderJob,
      webhooks.deliverJob,
      ...reports.jobDefinitions,
      maintenance.job,
    ],
  };
}
export type Dependencies = ReturnType<typeof createDependencies>;

import os from 'node:os';
import { createAbsencesRepository } from '../domains/absences/absences.repository';
import { createAuditLog, createAuditRepository } from '../domains/audit/audit.repository';
import { createAuditUseCases } from '../domains/audit/audit.usecases';
import { createClientsRepository } from '../domains/clients/clients.repository';
import { createMailDependencies } from '../domains/mail/mail.dependencies';
import { createNotificationsRepository, createNotifier } from '../domains/notifications/notifications.usecases';
import { createOutbox, createOutboxRepository } from '../domains/outbox/outbox.usecases';
import { createAuthUseCases } from '../domains/workspaces/auth.usecases';
import { createMembersUseCases } from '../domains/workspaces/members.usecases';
import { createWorkspacesRepository } from '../domains/workspaces/workspaces.repository';
import type { Clock } from '../platform/clock/clock';
import type { Config } from '../platform/config/config';
import type { Database } from '../platform/db/database';
import { createMailTransport, type MailTransport } from '../platform/mail/mail-transport';

/** Wires every repository and use case once; routes, jobs and the CLI receive what they need from here. */
export function createDependencies({
  config,
  clock,
  database,
  transport,
}: {
  config: Config;
  clock: Clock;
  database: Database;
  transport?: MailTransport;
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
  const auth = createAuthUseCases({
    db,
    clock,
    auditLog,
    workspacesRepository,
    sessionTtlHours: config.SESSION_TTL_HOURS,
    demoMode: config.demo,
  });
  const members = createMembersUseCases({
    db,
    clock,
    auditLog,
    outbox,
    workspacesRepository,
    baseUrl: config.baseUrl,
    invitationTtlHours: config.INVITATION_TTL_HOURS,
  });
  const audit = createAuditUseCases({ auditRepository });
  const mail = createMailDependencies({ db, clock, auditLog, outbox, workspacesRepository });
  return {
    config,
    clock,
    database,
    db,
    mailTransport,
    auditLog,
    audit,
    workspacesRepository,
    clientsRepository,
    absencesRepository,
    outboxRepository,
    outbox,
    notifier,
    notificationsRepository,
    auth,
    members,
    mail,
    jobDefinitions: [outbox.deliveryJob, ...mail.jobDefinitions],
  };
}
export type Dependencies = ReturnType<typeof createDependencies>;

import type { Clock } from '../../platform/clock/clock';
import type { Db } from '../../platform/db/database';
import type { AbsenceLookup } from '../absences/absences.lookup';
import type { AbsencesUseCases } from '../absences/absences.usecases';
import { createBriefLookup } from '../absences/briefs.lookup';
import type { AuditLog } from '../audit/audit.repository';
import type { ClientDirectory } from '../clients/clients.lookup';
import type { MailRepository } from '../mail/mail.repository';
import type { MailUseCases } from '../mail/mail.usecases';
import type { Notifier } from '../notifications/notifications.usecases';
import type { Outbox } from '../outbox/outbox.usecases';
import type { WorkspacesRepository } from '../workspaces/workspaces.repository';
import { createContacts } from './contacts.usecases';
import { createCoverageLookup } from './coverage.lookup';
import { createCoverageRepository } from './coverage.repository';
import { createCoverageSettings } from './coverage-settings.usecases';
import { createTeamReader } from './coverage-team';
import { createEscalations } from './escalations.usecases';
import { createHandBack } from './hand-back.usecases';
import { createRouting } from './routing.usecases';
import { createSlaTimers } from './sla-timers.usecases';

/** The coverage domain wired once (called by app/dependencies.ts): routing, SLA timers, escalations, the console. */
export function createCoverageDependencies(input: {
  db: Db;
  clock: Clock;
  auditLog: AuditLog;
  notifier: Notifier;
  outbox: Outbox;
  workspacesRepository: WorkspacesRepository;
  mailRepository: MailRepository;
  attachSenderOf: MailUseCases['attachSenderOf'];
  clientDirectory: ClientDirectory;
  absenceLookup: AbsenceLookup;
  coverAt: AbsencesUseCases['coverAt'];
}) {
  const coverageRepository = createCoverageRepository({ db: input.db });
  const briefLookup = createBriefLookup({ db: input.db });
  const teamAt = createTeamReader(input);
  const shared = { ...input, coverageRepository, briefLookup, teamAt };
  const coverageSettings = createCoverageSettings(shared);
  const escalations = createEscalations(shared);
  const slaTimers = createSlaTimers({ ...shared, escalations });
  const routing = createRouting({ ...shared, coverageSettings, escalations, slaTimers });
  const contacts = createContacts({ ...shared, coverageSettings, escalations });
  const handBack = createHandBack(shared);
  return {
    coverageRepository,
    coverageSettings,
    escalations,
    routing,
    contacts,
    handBack,
    lookup: createCoverageLookup({ coverageRepository }),
    jobDefinitions: [slaTimers.job, contacts.followUpReminder],
  };
}
export type CoverageDependencies = ReturnType<typeof createCoverageDependencies>;

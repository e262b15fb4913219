import type { Clock } from '../../platform/clock/clock';
import type { Db } from '../../platform/db/database';
import { createAbsenceLookup } from '../absences/absences.lookup';
import type { AbsencesUseCases } from '../absences/absences.usecases';
import type { AuditLog } from '../audit/audit.repository';
import { createClientDirectory } from '../clients/clients.lookup';
import type { Outbox } from '../outbox/outbox.usecases';
import type { WorkspacesRepository } from '../workspaces/workspaces.repository';
import { createAutoReplySender } from './autoreply.usecases';
import { createIngestion, type IngestionFaults } from './ingestion.usecases';
import { createMailRepository } from './mail.repository';
import { createMailUseCases } from './mail.usecases';

/** The mail domain wired once (called by app/dependencies.ts): ingestion, the auto-reply step and the use cases. */
export function createMailDependencies(input: {
  db: Db;
  clock: Clock;
  auditLog: AuditLog;
  outbox: Outbox;
  workspacesRepository: WorkspacesRepository;
  /** The absence lifecycle's answer to "who covers now" (primary, backup while the primary is away, manager). */
  actingDelegateAt: AbsencesUseCases['actingDelegateAt'];
  faults?: IngestionFaults;
}) {
  const { db } = input;
  const mailRepository = createMailRepository({ db });
  const clientDirectory = createClientDirectory({ db });
  const absenceLookup = createAbsenceLookup({ db });
  const shared = { ...input, mailRepository, clientDirectory, absenceLookup };
  const ingestion = createIngestion(shared);
  const autoReplies = createAutoReplySender(shared);
  const mail = createMailUseCases({ ...shared, ingestion });
  return { mailRepository, clientDirectory, absenceLookup, ingestion, autoReplies, mail, jobDefinitions: [autoReplies.routeJob] };
}
export type MailDependencies = ReturnType<typeof createMailDependencies>;

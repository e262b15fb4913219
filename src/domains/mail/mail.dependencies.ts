import type { Clock } from '../../platform/clock/clock';
import type { DatabaseKind, Db } from '../../platform/db/database';
import type { ImapReader } from '../../platform/mail/imap-reader';
import { createAbsenceLookup } from '../absences/absences.lookup';
import type { AbsencesUseCases } from '../absences/absences.usecases';
import type { StatusLinksUseCases } from '../absences/status-links.usecases';
import type { AuditLog } from '../audit/audit.repository';
import { createClientDirectory } from '../clients/clients.lookup';
import type { Outbox } from '../outbox/outbox.usecases';
import type { WorkspacesRepository } from '../workspaces/workspaces.repository';
import { createAutoReplySender } from './autoreply.usecases';
import { createImapSync } from './imap.usecases';
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
  /** The absences domain mints a client status link (null when the absence has it switched off). */
  mintStatusLink: StatusLinksUseCases['mint'];
  faults?: IngestionFaults;
  dbKind: DatabaseKind;
  /** BATON_SECRET_KEY: encrypts IMAP passwords; without it IMAP mailboxes cannot be configured. */
  secretKey: Buffer | null;
  imapPollSeconds: number;
  imapReader?: ImapReader;
}) {
  const { db } = input;
  const mailRepository = createMailRepository({ db });
  const clientDirectory = createClientDirectory({ db });
  const absenceLookup = createAbsenceLookup({ db });
  const shared = { ...input, mailRepository, clientDirectory, absenceLookup };
  const ingestion = createIngestion(shared);
  const autoReplies = createAutoReplySender(shared);
  const mail = createMailUseCases({ ...shared, ingestion });
  const imap = createImapSync({
    ...shared,
    ingestion,
    pollSeconds: input.imapPollSeconds,
    ...(input.imapReader ? { imapReader: input.imapReader } : {}),
  });
  return {
    mailRepository,
    clientDirectory,
    absenceLookup,
    ingestion,
    autoReplies,
    mail,
    imap,
    /** `mail.route` is defined by app/dependencies.ts: the auto-reply step, then coverage routing. */
    jobDefinitions: [imap.job],
  };
}
export type MailDependencies = ReturnType<typeof createMailDependencies>;

import type { Clock } from '../../platform/clock/clock';
import type { DatabaseKind, Db } from '../../platform/db/database';
import type { Logger } from '../../platform/logger/logger';
import type { ImapReader } from '../../platform/mail/imap-reader';
import { createAbsenceLookup } from '../absences/absences.lookup';
import type { AbsencesUseCases } from '../absences/absences.usecases';
import type { StatusLinksUseCases } from '../absences/status-links.usecases';
import type { AuditLog } from '../audit/audit.repository';
import { createClientDirectory } from '../clients/clients.lookup';
import type { Outbox } from '../outbox/outbox.usecases';
import type { WorkspacesRepository } from '../workspaces/workspaces.repository';
import { createAutoReplySender } from './autoreply.usecases';
import { createImapRepository } from './imap.repository';
import { createImapSync } from './imap.usecases';
import { createImapIdle, type ImapIdleTiming } from './imap-idle.usecases';
import { createParsePool } from './ingestion.parse-pool';
import { createIngestion, type IngestionFaults } from './ingestion.usecases';
import { createMailRepository } from './mail.repository';
import { createMailUseCases } from './mail.usecases';
import { createMailboxesUseCases } from './mailboxes.usecases';

/** The mail domain wired once (called by app/dependencies.ts): ingestion, the auto-reply step, IMAP and the use cases. */
export function createMailDependencies(input: {
  db: Db;
  clock: Clock;
  logger: Logger;
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
  /** Worker threads of the parse pool (MAIL_PARSE_THREADS). */
  parseThreads?: number;
  imapReader?: ImapReader;
  /** Tests shorten the IDLE watchers' backoff and rescans. */
  imapIdleTiming?: Partial<ImapIdleTiming>;
}) {
  const { db } = input;
  const mailRepository = createMailRepository({ db });
  const imapRepository = createImapRepository({ db });
  const clientDirectory = createClientDirectory({ db });
  const absenceLookup = createAbsenceLookup({ db });
  const parsePool = createParsePool({ logger: input.logger, threads: input.parseThreads });
  const shared = { ...input, mailRepository, clientDirectory, absenceLookup, parsePool };
  const ingestion = createIngestion(shared);
  const autoReplies = createAutoReplySender(shared);
  const mail = createMailUseCases({ ...shared, ingestion });
  const imap = createImapSync({
    ...shared,
    imapRepository,
    ingestion,
    pollSeconds: input.imapPollSeconds,
    ...(input.imapReader ? { imapReader: input.imapReader } : {}),
  });
  const idle = createImapIdle({
    clock: input.clock,
    logger: input.logger,
    imapRepository,
    imapSync: imap,
    ...(input.imapIdleTiming ? { timing: input.imapIdleTiming } : {}),
  });
  const mailboxes = createMailboxesUseCases({
    ...shared,
    imapRepository,
    imapSync: imap,
    onImapChanged: () => void idle.refresh(),
  });
  return {
    mailRepository,
    imapRepository,
    clientDirectory,
    absenceLookup,
    ingestion,
    parsePool,
    autoReplies,
    mail,
    mailboxes,
    imap,
    /** `mail.route` is defined by app/dependencies.ts: the auto-reply step, then coverage routing. */
    jobDefinitions: [imap.job],
    /** The IDLE watchers: started with the job runner by main.ts (tests start them explicitly). */
    idle,
  };
}
export type MailDependencies = ReturnType<typeof createMailDependencies>;

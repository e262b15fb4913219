// The SMTP inbound endpoint wired to ingestion: a mail server or a forwarding rule delivers to Baton's port,
// each recipient address names mailboxes (own address or alias, in any workspace — an address may repeat
// across workspaces, and then every matching mailbox gets the message), and each mailbox ingests it once.
// The 250 reply is given only after every ingestion committed, so a crash before makes the sender retry;
// the retry is then de-duplicated by Message-ID (at-least-once delivery, stored once).
import type { Clock } from '../../platform/clock/clock';
import type { Logger } from '../../platform/logger/logger';
import { createSmtpListener, type SmtpDelivery, type SmtpListener } from '../../platform/mail/smtp-listener';
import type { Ingestion, IngestResult } from './ingestion.usecases';
import type { MailboxRow } from './mail.repository';

type Deps = {
  mailRepository: { mailboxesByAddress: (address: string) => PromiseLike<MailboxRow[]> };
  ingestion: Pick<Ingestion, 'ingestRawMessage'>;
  clock: Clock;
  logger: Logger;
};

export function createSmtpIntakeHandlers(deps: Deps) {
  const { mailRepository, ingestion, clock } = deps;

  async function isKnownRecipient(address: string) {
    return (await mailRepository.mailboxesByAddress(address.trim().toLowerCase())).length > 0;
  }

  /** Ingests the message once into every mailbox its recipients name; throws (→ 451) when any ingestion failed. */
  async function deliver({ envelopeFrom, recipients, raw }: SmtpDelivery): Promise<IngestResult[]> {
    const mailboxes = new Map<string, MailboxRow>();
    for (const recipient of recipients) {
      for (const mailbox of await mailRepository.mailboxesByAddress(recipient.trim().toLowerCase())) mailboxes.set(mailbox.id, mailbox);
    }
    const receivedAt = clock.now();
    const results: IngestResult[] = [];
    // One after another: a failure stops here, and the sender's retry finds the earlier ones duplicates.
    for (const mailbox of mailboxes.values()) {
      const result = await ingestion.ingestRawMessage({
        workspaceId: mailbox.workspaceId,
        mailboxId: mailbox.id,
        raw,
        envelopeFrom,
        receivedAt,
      });
      deps.logger.info(
        {
          workspaceId: mailbox.workspaceId,
          mailboxId: mailbox.id,
          messageId: result.messageId,
          outcome: result.outcome,
          bytes: raw.length,
        },
        'smtp intake: message received',
      );
      results.push(result);
    }
    return results;
  }

  return { isKnownRecipient, deliver };
}

export type SmtpIntakeConfig = { host: string; port: number; maxBytes: number };

/** The listener (platform driver) with the mail domain's callbacks. */
export function createSmtpIntake(deps: Deps, config: SmtpIntakeConfig): SmtpListener {
  const handlers = createSmtpIntakeHandlers(deps);
  return createSmtpListener({
    ...config,
    banner: 'Baton',
    isKnownRecipient: handlers.isKnownRecipient,
    deliver: async (delivery) => {
      await handlers.deliver(delivery);
    },
    // The error's kind only: a database error's message can quote the statement's parameters (the message).
    onError: (error, stage) => {
      const { name, code } = (error ?? {}) as { name?: string; code?: string };
      deps.logger.error({ stage, error: { name, code } }, 'smtp intake: internal error, answered 451');
    },
  });
}

import { randomUUID } from 'node:crypto';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { OutboxMessage } from '../../contracts/outbox.contracts';
import type { Clock } from '../../platform/clock/clock';
import type { Db } from '../../platform/db/database';
import { defineErrors } from '../../platform/http/errors';
import { defineJob, enqueueJob } from '../../platform/jobs/jobs';
import type { MailTransport } from '../../platform/mail/mail-transport';
import { outboxMessages } from './outbox.schema';

export const outboxErrors = defineErrors({
  notFound: ['outbox.not_found', 404, 'No such message in the outbox'],
});

export type QueuedMail = {
  workspaceId: string;
  kind: string;
  to: string;
  subject: string;
  text: string;
  language: string;
  from?: string;
  headers?: Record<string, string>;
  envelopeFrom?: string | null;
};

const deliverPayload = z.object({ outboxId: z.uuid() });
const DELIVER_ATTEMPTS = 8;

export function createOutbox({
  db,
  clock,
  transport,
  defaultFrom,
  hostname,
}: {
  db: Db;
  clock: Clock;
  transport: MailTransport;
  defaultFrom: string;
  hostname: string;
}) {
  /**
   * Mail must never go out twice: the row moves queued → sending before the transport is called;
   * a row found in `sending` means a worker died mid-send, so its fate is unknown and it is marked
   * `uncertain` for an admin instead of being sent again.
   */
  const deliveryJob = defineJob({
    name: 'outbox.deliver',
    payload: deliverPayload,
    maxAttempts: DELIVER_ATTEMPTS,
    // Workers died on every attempt: a row still queued failed; one caught mid-send is uncertain.
    onGiveUp: async ({ outboxId }) => {
      await db
        .update(outboxMessages)
        .set({
          status: sql`CASE WHEN ${outboxMessages.status} = 'sending' THEN 'uncertain' ELSE 'failed' END`,
          lastError: 'delivery workers kept stopping',
        })
        .where(and(eq(outboxMessages.id, outboxId), inArray(outboxMessages.status, ['queued', 'sending'])));
    },
    handler: async ({ outboxId }, { attempt }) => {
      const [claimed] = await db
        .update(outboxMessages)
        .set({ status: 'sending', attempts: sql`${outboxMessages.attempts} + 1` })
        .where(and(eq(outboxMessages.id, outboxId), eq(outboxMessages.status, 'queued')))
        .returning();
      if (!claimed) {
        await db
          .update(outboxMessages)
          .set({ status: 'uncertain', lastError: 'delivery was interrupted; not sent again to avoid a duplicate' })
          .where(and(eq(outboxMessages.id, outboxId), eq(outboxMessages.status, 'sending')));
        return;
      }
      try {
        const outcome = await transport.deliver({
          from: claimed.fromAddress,
          to: claimed.toAddress,
          subject: claimed.subject,
          text: claimed.textBody,
          headers: claimed.headers,
          messageId: claimed.messageId,
          envelopeFrom: claimed.envelopeFrom,
        });
        await db
          .update(outboxMessages)
          .set({ status: outcome, sentAt: clock.now(), lastError: null })
          .where(eq(outboxMessages.id, outboxId));
      } catch (error) {
        const final = attempt >= DELIVER_ATTEMPTS;
        await db
          .update(outboxMessages)
          .set({ status: final ? 'failed' : 'queued', lastError: error instanceof Error ? error.message : String(error) })
          .where(eq(outboxMessages.id, outboxId));
        throw error;
      }
    },
  });

  return {
    deliveryJob,
    /** Queues a message and its delivery job in the caller's transaction. */
    async queue(tx: Db, mail: QueuedMail): Promise<string> {
      const messageId = `<${randomUUID()}@${hostname}>`;
      const [row] = await tx
        .insert(outboxMessages)
        .values({
          workspaceId: mail.workspaceId,
          kind: mail.kind,
          fromAddress: mail.from ?? defaultFrom,
          toAddress: mail.to,
          subject: mail.subject,
          textBody: mail.text,
          headers: mail.headers ?? {},
          envelopeFrom: mail.envelopeFrom ?? null,
          language: mail.language,
          messageId,
          transport: transport.kind,
          createdAt: clock.now(),
        })
        .returning({ id: outboxMessages.id });
      if (!row) throw new Error('outbox insert returned nothing');
      await enqueueJob(tx, clock, deliveryJob, { outboxId: row.id });
      return row.id;
    },
  };
}
export type Outbox = ReturnType<typeof createOutbox>;

export function presentOutboxMessage(row: typeof outboxMessages.$inferSelect): OutboxMessage {
  return {
    id: row.id,
    kind: row.kind,
    from: row.fromAddress,
    to: row.toAddress,
    subject: row.subject,
    text: row.textBody,
    headers: row.headers,
    language: row.language,
    messageId: row.messageId,
    status: row.status,
    transport: row.transport,
    attempts: row.attempts,
    lastError: row.lastError,
    createdAt: row.createdAt.toISOString(),
    sentAt: row.sentAt?.toISOString() ?? null,
  };
}

export function createOutboxRepository({ db }: { db: Db }) {
  return {
    list: (workspaceId: string, limit: number) =>
      db
        .select()
        .from(outboxMessages)
        .where(eq(outboxMessages.workspaceId, workspaceId))
        .orderBy(desc(outboxMessages.createdAt))
        .limit(limit),
    async get(workspaceId: string, id: string) {
      const [row] = await db
        .select()
        .from(outboxMessages)
        .where(and(eq(outboxMessages.workspaceId, workspaceId), eq(outboxMessages.id, id)));
      if (!row) throw outboxErrors.notFound();
      return row;
    },
  };
}

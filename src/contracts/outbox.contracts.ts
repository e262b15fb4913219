import { z } from 'zod';
import { isoDateTime } from './common.contracts';

export const outboxStatuses = ['queued', 'sending', 'sent', 'stored', 'failed', 'uncertain'] as const;
export type OutboxStatus = (typeof outboxStatuses)[number];

export const outboxMessageSchema = z.object({
  id: z.uuid(),
  kind: z.string(),
  from: z.string(),
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  headers: z.record(z.string(), z.string()),
  language: z.string(),
  messageId: z.string(),
  status: z.enum(outboxStatuses),
  transport: z.string(),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  createdAt: isoDateTime,
  sentAt: isoDateTime.nullable(),
});
export type OutboxMessage = z.infer<typeof outboxMessageSchema>;

import { z } from 'zod';

/**
 * Hands an ingested message on. For now it runs the auto-reply step; the coverage issue adds routing to
 * the delegate. Declared apart from its handler so ingestion can enqueue it without depending on the handler.
 */
export const mailRouteJob = {
  name: 'mail.route',
  payload: z.object({ workspaceId: z.uuid(), messageId: z.uuid() }),
  maxAttempts: 8,
};
export type MailRoutePayload = z.infer<typeof mailRouteJob.payload>;

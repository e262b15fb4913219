import { z } from 'zod';

/**
 * Hands an ingested message on: the auto-reply step, then routing to the acting delegate (coverage). Declared
 * apart from its handler, which app/dependencies.ts composes, so ingestion enqueues it without depending on coverage.
 */
export const mailRouteJob = {
  name: 'mail.route',
  payload: z.object({ workspaceId: z.uuid(), messageId: z.uuid() }),
  maxAttempts: 8,
};
export type MailRoutePayload = z.infer<typeof mailRouteJob.payload>;

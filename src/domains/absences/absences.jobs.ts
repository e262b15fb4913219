import { z } from 'zod';

/**
 * Queued in the transaction that moves an absence to `returned` (its end, or "I'm back"). Declared apart from its
 * handler, which app/dependencies.ts composes (hand the open contacts back, brief the owner), so the absences
 * domain does not depend on the domains that react to a return.
 */
export const absenceReturnedJob = {
  name: 'absence.returned',
  payload: z.object({ workspaceId: z.uuid(), absenceId: z.uuid() }),
  maxAttempts: 8,
};

import { z } from 'zod';

/** The one error shape every API failure has. `code` is stable and translated by the web UI. */
export const errorResponseSchema = z.object({
  error: z.object({ code: z.string(), message: z.string() }),
});
export type ErrorResponse = z.infer<typeof errorResponseSchema>;

export const idParam = (name: string) => z.object({ [name]: z.uuid({ message: `${name} must be a UUID` }) });

export const isoDateTime = z.string().describe('ISO 8601 date and time');

export const okResponseSchema = z.object({ ok: z.literal(true) });

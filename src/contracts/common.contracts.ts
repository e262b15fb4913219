import { z } from 'zod';

/** The one error shape every API failure has. `code` is stable and translated by the web UI. */
export const errorResponseSchema = z.object({
  error: z.object({ code: z.string(), message: z.string() }),
});
export type ErrorResponse = z.infer<typeof errorResponseSchema>;

/** Path parameters holding one id, typed by name (`idParam('contactId')` → `{ contactId: string }`). */
export const idParam = <const Name extends string>(name: Name) =>
  z.object({ [name]: z.uuid({ message: `${name} must be a UUID` }) } as Record<Name, z.ZodUUID>);

export const isoDateTime = z.string().describe('ISO 8601 date and time');

export const okResponseSchema = z.object({ ok: z.literal(true) });

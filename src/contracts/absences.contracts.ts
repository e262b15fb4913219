import { z } from 'zod';
import { briefContentSchema } from './briefs.contracts';
import { isoDateTime } from './common.contracts';

export const absenceStates = ['draft', 'handover', 'active', 'returned', 'closed'] as const;
export const absenceStateSchema = z.enum(absenceStates);
export type AbsenceStateName = z.infer<typeof absenceStateSchema>;

const autoReplyText = z.object({ subject: z.string().trim().min(1).max(256), body: z.string().trim().min(1).max(10_000) }).strict();
export const autoReplyTextsSchema = z.object({ en: autoReplyText, it: autoReplyText }).strict();
export type AutoReplyTextsInput = z.infer<typeof autoReplyTextsSchema>;

/** Placeholders the auto-reply composer offers; unknown ones are refused so a typo never reaches a client. */
export const autoReplyPlaceholders = ['delegate_name', 'delegate_email', 'delegate_phone', 'return_date', 'status_link'] as const;

export const coverageItemSchema = z.object({ clientId: z.uuid(), projectId: z.uuid().nullable().default(null) }).strict();

/** Dates are local wall-clock times in the workspace time zone (`2026-12-22T18:00`), converted by the server. */
const localDateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, { message: 'must be a local date and time such as 2026-12-22T18:00' });

export const createAbsenceSchema = z
  .object({
    startsAt: localDateTime,
    endsAt: localDateTime,
    primaryDelegateId: z.uuid(),
    backupDelegateId: z.uuid().nullable().default(null),
    managerId: z.uuid(),
    /** Omitted: every active client the owner owns. */
    coverage: z.array(coverageItemSchema).max(5000).optional(),
    autoReply: autoReplyTextsSchema.optional(),
  })
  .strict();
export type CreateAbsence = z.infer<typeof createAbsenceSchema>;

export const updateAbsenceSchema = createAbsenceSchema.partial().strict();

export const actingDelegateSchema = z.object({ userId: z.uuid(), role: z.enum(['primary', 'backup', 'manager']) });

export const coverWarningSchema = z.object({
  kind: z.enum(['primary_away', 'backup_away', 'manager_away']),
  userId: z.uuid(),
  from: isoDateTime,
  to: isoDateTime,
  coveredBy: actingDelegateSchema.nullable(),
});

export const absenceSchema = z.object({
  id: z.uuid(),
  ownerId: z.uuid(),
  startsAt: isoDateTime,
  endsAt: isoDateTime,
  primaryDelegateId: z.uuid(),
  backupDelegateId: z.uuid().nullable(),
  managerId: z.uuid(),
  state: absenceStateSchema,
  autoReply: autoReplyTextsSchema,
  coverage: z.array(z.object({ clientId: z.uuid(), projectId: z.uuid().nullable() })),
  gateOverride: z.object({ by: z.uuid(), reason: z.string(), at: isoDateTime }).nullable(),
  startedWithGapAt: isoDateTime.nullable(),
  warnings: z.array(coverWarningSchema),
  createdAt: isoDateTime,
});
export type Absence = z.infer<typeof absenceSchema>;

export const readinessSchema = z.object({
  /** 0..1: acknowledged briefs over all briefs, key accounts weighted three times. */
  score: z.number().min(0).max(1),
  briefs: z.array(
    z.object({
      briefId: z.uuid(),
      clientId: z.uuid(),
      clientName: z.string(),
      keyAccount: z.boolean(),
      currentVersion: z.number().int(),
      acknowledged: z.boolean(),
      readBackMissing: z.boolean(),
      openQuestions: z.number().int(),
    }),
  ),
  gate: z.object({
    open: z.boolean(),
    blockers: z.array(
      z.object({ briefId: z.uuid(), clientName: z.string(), reason: z.enum(['not_acknowledged', 'read_back_missing', 'open_question']) }),
    ),
    overridden: z.boolean(),
  }),
});
export type Readiness = z.infer<typeof readinessSchema>;

export { briefContentSchema };

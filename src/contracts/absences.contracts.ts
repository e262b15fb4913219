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

/** The texts a new absence starts with, in English and Italian. */
export const defaultAutoReplyTexts: AutoReplyTextsInput = {
  en: {
    subject: 'Out of office until {{return_date}}',
    body: 'Thank you for your message. I am away until {{return_date}}.\n\nDuring my absence {{delegate_name}} is looking after you and has everything needed to help: {{delegate_email}}.',
  },
  it: {
    subject: 'Fuori ufficio fino al {{return_date}}',
    body: 'Grazie per il suo messaggio. Sono assente fino al {{return_date}}.\n\nIn mia assenza la seguirà {{delegate_name}}, che ha tutte le informazioni per aiutarla: {{delegate_email}}.',
  },
};

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

/** Only what is sent changes (no defaults here: a PATCH without `backupDelegateId` keeps the backup). */
export const updateAbsenceSchema = z
  .object({
    startsAt: localDateTime,
    endsAt: localDateTime,
    primaryDelegateId: z.uuid(),
    backupDelegateId: z.uuid().nullable(),
    managerId: z.uuid(),
    coverage: z.array(coverageItemSchema).max(5000),
    autoReply: autoReplyTextsSchema,
  })
  .partial()
  .strict();

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
  /** Whether auto-replies carry a client status link. */
  statusLinkEnabled: z.boolean(),
  coverage: z.array(z.object({ clientId: z.uuid(), projectId: z.uuid().nullable() })),
  gateOverride: z.object({ by: z.uuid(), reason: z.string(), at: isoDateTime }).nullable(),
  startedWithGapAt: isoDateTime.nullable(),
  startedAt: isoDateTime.nullable(),
  returnedAt: isoDateTime.nullable(),
  closedAt: isoDateTime.nullable(),
  /** The same start and end as wall-clock times of the workspace time zone, as the plan form edits them. */
  startsAtLocal: z.string(),
  endsAtLocal: z.string(),
  warnings: z.array(coverWarningSchema),
  /** What the caller may do with this absence now (the server enforces the same rules). */
  actions: z.object({
    edit: z.boolean(),
    imBack: z.boolean(),
    close: z.boolean(),
    override: z.boolean(),
    /** Switch the client status link, see its views, revoke links: the owner, the absence's manager, admins. */
    statusLink: z.boolean(),
  }),
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

export const absenceListScopes = ['mine', 'covering', 'all'] as const;
export const listAbsencesQuerySchema = z.object({ scope: z.enum(absenceListScopes).default('mine') }).strict();

export const gateOverrideSchema = z
  .object({ reason: z.string().trim().min(10, { message: 'give a reason of at least 10 characters' }).max(2000) })
  .strict();

/** Renders auto-reply texts as a client would read them; for a saved absence or a plan being written. */
export const autoReplyPreviewRequestSchema = z
  .object({
    autoReply: autoReplyTextsSchema,
    absenceId: z.uuid().optional(),
    delegateId: z.uuid().optional(),
    endsAt: localDateTime.optional(),
  })
  .strict();
export const autoReplyPreviewSchema = z.object({
  delegate: z.object({ userId: z.uuid(), name: z.string(), role: z.enum(['primary', 'backup', 'manager']) }).nullable(),
  texts: autoReplyTextsSchema,
});
export type AutoReplyPreview = z.infer<typeof autoReplyPreviewSchema>;

export const calendarFeedSchema = z.object({
  id: z.uuid(),
  createdBy: z.uuid(),
  createdAt: isoDateTime,
  revokedAt: isoDateTime.nullable(),
});
export type CalendarFeed = z.infer<typeof calendarFeedSchema>;
/** Returned once, at creation: the token is never shown again (only its hash is stored). */
export const createdCalendarFeedSchema = calendarFeedSchema.extend({ url: z.string() });

export const statusLinkSettingSchema = z.object({ enabled: z.boolean() }).strict();
export const revokeStatusLinksSchema = z.object({ clientId: z.uuid().optional() }).strict();

/** The status links of an absence per client: tokens are never shown (only their hashes are stored). */
export const statusLinksOverviewSchema = z.object({
  absenceId: z.uuid(),
  enabled: z.boolean(),
  /** Links stop working 7 days after the owner is back (the planned end, or the early return). */
  expiresAt: isoDateTime,
  clients: z.array(
    z.object({
      clientId: z.uuid(),
      clientName: z.string(),
      links: z.number().int(),
      activeLinks: z.number().int(),
      views: z.number().int(),
      lastViewedAt: isoDateTime.nullable(),
    }),
  ),
});
export type StatusLinksOverview = z.infer<typeof statusLinksOverviewSchema>;
export const revokedStatusLinksSchema = statusLinksOverviewSchema.extend({ revoked: z.number().int() });
export type RevokedStatusLinks = z.infer<typeof revokedStatusLinksSchema>;

export { briefContentSchema };

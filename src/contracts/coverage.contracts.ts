import { z } from 'zod';
import { briefContentSchema } from './briefs.contracts';
import { clientStatuses, clientTiers } from './clients.contracts';
import { isoDateTime } from './common.contracts';

// ── Business hours and first-response SLA targets ───────────────────────────────────────────────
// The time zone is the workspace's, so it is not part of these settings.

/** `HH:mm`, 00:00–23:59. */
export const localTimePattern = /^([01]\d|2[0-3]):[0-5]\d$/;
/** `YYYY-MM-DD`; whether the day exists is checked separately (see `isRealDate`). */
export const localDatePattern = /^\d{4}-\d{2}-\d{2}$/;

/** `2026-02-30` matches the pattern but names no day. */
export function isRealDate(value: string): boolean {
  if (!localDatePattern.test(value)) return false;
  const [year, month, day] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const localTime = z.string().regex(localTimePattern, { message: 'must be a time such as 09:00 (HH:mm, 24-hour)' });
const localDate = z.string().refine(isRealDate, { message: 'must be a date such as 2026-12-25 (YYYY-MM-DD)' });
const noRepeats = (values: readonly unknown[]) => new Set(values).size === values.length;

/** Without refinements, so it can be extended (zod refuses `.extend` on a refined object). */
export const businessCalendarShape = {
  /** ISO weekdays: 1 = Monday … 7 = Sunday. */
  workingDays: z
    .array(z.number().int().min(1).max(7))
    .min(1, { message: 'choose at least one working day' })
    .max(7)
    .refine(noRepeats, { message: 'each working day may appear only once' }),
  opensAt: localTime,
  closesAt: localTime,
  holidays: z.array(localDate).max(366).refine(noRepeats, { message: 'each holiday may appear only once' }),
};

/** `HH:mm` strings of the same width compare in time order. */
export const closesAfterOpens = (hours: { opensAt: string; closesAt: string }) => hours.closesAt > hours.opensAt;
const closesAfterOpensMessage = { message: 'closing time must be later than opening time', path: ['closesAt'] };

export const businessCalendarSchema = z.object(businessCalendarShape).strict().refine(closesAfterOpens, closesAfterOpensMessage);
export type BusinessCalendarSettings = z.infer<typeof businessCalendarSchema>;

/** In business time: one day is one working day's length (closesAt − opensAt). */
export const slaTargetSchema = z.union([
  z.object({ hours: z.number().positive().max(1000) }).strict(),
  z.object({ days: z.number().positive().max(100) }).strict(),
]);
export type SlaTargetSettings = z.infer<typeof slaTargetSchema>;

export const coverageSettingsSchema = z
  .object({
    calendar: businessCalendarSchema,
    /** First-response targets: key accounts, everyone else. */
    sla: z.object({ key: slaTargetSchema, standard: slaTargetSchema }).strict(),
  })
  .strict();
export type CoverageSettings = z.infer<typeof coverageSettingsSchema>;

export const defaultCoverageSettings: CoverageSettings = {
  calendar: { workingDays: [1, 2, 3, 4, 5], opensAt: '09:00', closesAt: '18:00', holidays: [] },
  sla: { key: { hours: 4 }, standard: { days: 1 } },
};

// ---------------------------------------------------------------------------------------------
// Contacts: every client email or logged call during an absence, assigned to the acting delegate.

export const contactKinds = ['email', 'call', 'meeting'] as const;
export type ContactKind = (typeof contactKinds)[number];
export const contactStates = ['open', 'closed'] as const;
export type ContactState = (typeof contactStates)[number];
/** How a delegate closes a contact; `handed_to_backup` passes it on and keeps it open. */
export const contactOutcomes = ['answered', 'follow_up', 'handed_to_backup', 'waiting_for_owner', 'no_information'] as const;
export type ContactOutcome = (typeof contactOutcomes)[number];
/** `owner`: handed back when the absence ended. */
export const assigneeRoles = ['primary', 'backup', 'manager', 'owner'] as const;
export type AssigneeRole = (typeof assigneeRoles)[number];

export const escalationRules = ['sla_breach', 'no_information', 'anger_key_account', 'repeat_contact', 'at_risk_client'] as const;
export type EscalationRule = (typeof escalationRules)[number];
export const escalationTargets = ['backup', 'manager'] as const;
export type EscalationTarget = (typeof escalationTargets)[number];
export const escalationStates = ['open', 'acknowledged', 'resolved'] as const;
export type EscalationState = (typeof escalationStates)[number];

export const signalScoreSchema = z.object({
  score: z.number(),
  angry: z.boolean(),
  cancellationIntent: z.boolean(),
  urgent: z.boolean(),
  signals: z.array(z.object({ id: z.string(), weight: z.number(), evidence: z.string() })),
});
export type SignalScoreView = z.infer<typeof signalScoreSchema>;

export const contactSummarySchema = z.object({
  id: z.uuid(),
  absenceId: z.uuid(),
  ownerId: z.uuid(),
  ownerName: z.string(),
  clientId: z.uuid().nullable(),
  clientName: z.string().nullable(),
  tier: z.enum(clientTiers).nullable(),
  clientStatus: z.enum(clientStatuses).nullable(),
  kind: z.enum(contactKinds),
  state: z.enum(contactStates),
  subject: z.string(),
  excerpt: z.string(),
  fromAddress: z.string().nullable(),
  fromName: z.string(),
  language: z.enum(['en', 'it', 'other']),
  receivedAt: isoDateTime,
  assigneeId: z.uuid(),
  assigneeName: z.string(),
  assigneeRole: z.enum(assigneeRoles),
  warnAt: isoDateTime.nullable(),
  dueAt: isoDateTime.nullable(),
  firstResponseAt: isoDateTime.nullable(),
  outcome: z.enum(contactOutcomes).nullable(),
  outcomeNote: z.string().nullable(),
  followUpOn: z.string().nullable(),
  closedAt: isoDateTime.nullable(),
  escalated: z.boolean(),
  messageCount: z.number().int(),
  signals: signalScoreSchema.nullable(),
});
export type ContactSummary = z.infer<typeof contactSummarySchema>;

export const queueQuerySchema = z
  .object({
    state: z.enum(['open', 'closed', 'all']).default('open'),
    /** `mine`: assigned or escalated to me; `all`: every contact of the absences I cover or manage (all for admins). */
    scope: z.enum(['mine', 'all']).default('mine'),
    clientId: z.uuid().optional(),
    /** `triage`: messages from unknown senders, not yet attached to a client. */
    tier: z.enum([...clientTiers, 'triage']).optional(),
    /** The console shows the most urgent first and asks for more on demand. */
    limit: z.coerce.number().int().min(1).max(500).default(50),
  })
  .strict();
export type QueueQuery = z.input<typeof queueQuerySchema>;
/** `hasMore`: further contacts match beyond `limit`. */
export const queueResponseSchema = z.object({ contacts: z.array(contactSummarySchema), hasMore: z.boolean(), now: isoDateTime });
export type QueueResponse = z.infer<typeof queueResponseSchema>;

export const contactMessageSchema = z.object({
  id: z.uuid(),
  fromAddress: z.string().nullable(),
  fromName: z.string(),
  subject: z.string(),
  receivedAt: isoDateTime,
  textBody: z.string(),
  safeHtml: z.string().nullable(),
});

export const activityKinds = ['message', 'reply', 'call', 'meeting', 'outcome', 'reassigned', 'escalated', 'client_attached'] as const;
export const contactActivitySchema = z.object({
  id: z.uuid(),
  kind: z.enum(activityKinds),
  actorId: z.uuid().nullable(),
  actorName: z.string().nullable(),
  at: isoDateTime,
  data: z.record(z.string(), z.unknown()),
});
export type ContactActivity = z.infer<typeof contactActivitySchema>;

export const acknowledgementReceiptSchema = z.object({
  delegateId: z.uuid(),
  delegateName: z.string(),
  delegateRole: z.enum(['primary', 'backup']),
  version: z.number().int(),
  contentHash: z.string(),
  acknowledgedAt: isoDateTime,
  readBack: z.string().nullable(),
  superseded: z.boolean(),
});
export type AcknowledgementReceipt = z.infer<typeof acknowledgementReceiptSchema>;

export const contactBriefSchema = z.object({
  briefId: z.uuid(),
  version: z.number().int(),
  contentHash: z.string().nullable(),
  content: briefContentSchema,
  acknowledgements: z.array(acknowledgementReceiptSchema),
});
export type ContactBrief = z.infer<typeof contactBriefSchema>;

export const faqMatchSchema = z.object({
  index: z.number().int(),
  question: z.string(),
  answer: z.string(),
  score: z.number(),
  matchedTerms: z.array(z.string()),
});

export const escalationSchema = z.object({
  id: z.uuid(),
  absenceId: z.uuid(),
  contactId: z.uuid(),
  clientId: z.uuid().nullable(),
  clientName: z.string().nullable(),
  ownerName: z.string(),
  delegateName: z.string(),
  rule: z.enum(escalationRules),
  target: z.enum(escalationTargets),
  recipientId: z.uuid(),
  recipientName: z.string(),
  state: z.enum(escalationStates),
  evidence: z.record(z.string(), z.unknown()),
  createdAt: isoDateTime,
  acknowledgedAt: isoDateTime.nullable(),
  acknowledgedByName: z.string().nullable(),
  resolvedAt: isoDateTime.nullable(),
  resolvedByName: z.string().nullable(),
  resolutionNote: z.string().nullable(),
});
export type Escalation = z.infer<typeof escalationSchema>;

export const contactDetailSchema = contactSummarySchema.extend({
  messages: z.array(contactMessageSchema),
  activities: z.array(contactActivitySchema),
  brief: contactBriefSchema.nullable(),
  faqMatches: z.array(faqMatchSchema),
  escalations: z.array(escalationSchema),
  /** Whether the caller may reply, log and close (the delegates and manager of the absence, admins). */
  canAct: z.boolean(),
  /** Who `handed_to_backup` would pass the contact to, if anyone. */
  handOffTo: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  replyTo: z.string().nullable(),
});
export type ContactDetail = z.infer<typeof contactDetailSchema>;

export const replySchema = z.object({ body: z.string().trim().min(1, { message: 'write the reply first' }).max(20_000) }).strict();
export type ReplyInput = z.infer<typeof replySchema>;

const note = z.string().trim().max(5000);
export const outcomeSchema = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('answered'), note: note.optional() }).strict(),
  z.object({ outcome: z.literal('follow_up'), followUpOn: localDate, note: note.optional() }).strict(),
  z.object({ outcome: z.literal('handed_to_backup'), note: note.optional() }).strict(),
  z.object({ outcome: z.literal('waiting_for_owner'), note: note.optional() }).strict(),
  z
    .object({
      outcome: z.literal('no_information'),
      note: note.min(10, { message: 'say what information was missing (at least 10 characters)' }),
      /** Required when the client's brief was acknowledged: the delegate saw the receipt and still confirms. */
      confirmAcknowledgedBrief: z.boolean().default(false),
    })
    .strict(),
]);
export type OutcomeInput = z.input<typeof outcomeSchema>;

export const logCallSchema = z
  .object({
    kind: z.enum(['call', 'meeting']),
    /** The client the call was with; the absence is the one covering that client now. */
    clientId: z.uuid(),
    /** Log it on an existing contact (e.g. the delegate phoned back about an email). */
    contactId: z.uuid().optional(),
    with: z.string().trim().min(1, { message: 'say who the call was with' }).max(200),
    occurredAt: z.iso.datetime({ offset: true, message: 'must be a date and time such as 2026-12-01T10:30:00Z' }),
    summary: z.string().trim().min(1, { message: 'summarise the call' }).max(5000),
  })
  .strict();
export type LogCallInput = z.infer<typeof logCallSchema>;

export const attachClientSchema = z.object({ clientId: z.uuid() }).strict();

export const escalationsQuerySchema = z.object({ state: z.enum([...escalationStates, 'all']).default('all') }).strict();
export const resolveEscalationSchema = z
  .object({ note: z.string().trim().min(1, { message: 'say how it was resolved' }).max(5000) })
  .strict();

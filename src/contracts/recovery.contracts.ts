import { z } from 'zod';
import { clientStatuses, clientTiers } from './clients.contracts';
import { isoDateTime } from './common.contracts';
import { contactSummarySchema, isRealDate } from './coverage.contracts';

export const riskReasons = [
  'key_account',
  'unanswered',
  'no_information',
  'cancellation_intent',
  'anger',
  'repeat_contacts',
  'sla_breaches',
  'waiting_for_owner',
  'long_wait',
  'at_risk',
  'lost',
] as const;

const counts = z.object({
  contacts: z.number().int(),
  emails: z.number().int(),
  calls: z.number().int(),
  messages: z.number().int(),
  answered: z.number().int(),
  open: z.number().int(),
  waitingForOwner: z.number().int(),
  noInformation: z.number().int(),
  escalations: z.number().int(),
  autoReplies: z.number().int(),
  statusLinkViews: z.number().int(),
});
export type BriefingCounts = z.infer<typeof counts>;

export const briefingClientSchema = z.object({
  clientId: z.uuid(),
  name: z.string(),
  tier: z.enum(clientTiers),
  status: z.enum(clientStatuses),
  language: z.enum(['en', 'it']),
  rank: z.number().int(),
  score: z.number(),
  reasons: z.array(z.object({ reason: z.enum(riskReasons), points: z.number(), count: z.number().int().optional() })),
  counts,
  /** Median minutes from a contact to its first response, over the answered ones (null: none answered). */
  medianFirstResponseMinutes: z.number().nullable(),
  longestWaitHours: z.number(),
  signals: z.object({ angry: z.boolean(), cancellationIntent: z.boolean(), urgent: z.boolean(), evidence: z.array(z.string()) }),
  handledBy: z.array(z.object({ id: z.uuid(), name: z.string() })),
  contacts: z.array(contactSummarySchema),
});
export type BriefingClient = z.infer<typeof briefingClientSchema>;

export const returnBriefingSchema = z.object({
  absenceId: z.uuid(),
  ownerId: z.uuid(),
  ownerName: z.string(),
  state: z.enum(['active', 'returned', 'closed']),
  startsAt: isoDateTime,
  endsAt: isoDateTime,
  returnedAt: isoDateTime.nullable(),
  totals: counts.extend({ medianFirstResponseMinutes: z.number().nullable(), clientsWithContacts: z.number().int() }),
  clients: z.array(briefingClientSchema),
});
export type ReturnBriefing = z.infer<typeof returnBriefingSchema>;

// ---------------------------------------------------------------------------------------------
// Recovery tasks: one call per affected client after the return, in the briefing's order.

export const recoveryTaskStates = ['open', 'done'] as const;
export type RecoveryTaskState = (typeof recoveryTaskStates)[number];
/** What a recovery call achieved; each but `no_answer` settles the client's status. */
export const callOutcomes = ['recovered', 'still_at_risk', 'lost', 'no_answer'] as const;
export type CallOutcome = (typeof callOutcomes)[number];

const riskReasonSchema = z.object({ reason: z.enum(riskReasons), points: z.number(), count: z.number().int().optional() });
const language = z.enum(['en', 'it']);

export const recoveryTaskSchema = z.object({
  id: z.uuid(),
  absenceId: z.uuid(),
  clientId: z.uuid(),
  clientName: z.string(),
  tier: z.enum(clientTiers),
  clientStatus: z.enum(clientStatuses),
  language,
  ownerId: z.uuid(),
  ownerName: z.string(),
  /** Position in the return briefing's order among the affected clients (1 = call first). */
  rank: z.number().int(),
  score: z.number(),
  /** The briefing's reasons when the task was created. */
  reasons: z.array(riskReasonSchema),
  state: z.enum(recoveryTaskStates),
  attempts: z.number().int(),
  lastOutcome: z.enum(callOutcomes).nullable(),
  lastCalledAt: isoDateTime.nullable(),
  /** After `no_answer`: the day to try again (YYYY-MM-DD, workspace time zone). */
  retryOn: z.string().nullable(),
  createdAt: isoDateTime,
  doneAt: isoDateTime.nullable(),
});
export type RecoveryTask = z.infer<typeof recoveryTaskSchema>;

export const recoveryTaskListSchema = z.object({ tasks: z.array(recoveryTaskSchema) });
export type RecoveryTaskList = z.infer<typeof recoveryTaskListSchema>;

export const recoveryTasksQuerySchema = z.object({ state: z.enum(recoveryTaskStates).optional() });

/** A script the owner reads on the phone, written in the client's language. */
export const callScriptSchema = z.object({
  language,
  steps: z.array(z.object({ key: z.enum(['apologise', 'ask', 'agree', 'close']), lines: z.array(z.string()) })),
});
export type CallScript = z.infer<typeof callScriptSchema>;

export const recoveryCallSchema = z.object({
  id: z.uuid(),
  outcome: z.enum(callOutcomes),
  notes: z.string(),
  nextStep: z.string(),
  retryOn: z.string().nullable(),
  lostReason: z.string().nullable(),
  calledAt: isoDateTime,
  calledById: z.uuid().nullable(),
  calledByName: z.string().nullable(),
});
export type RecoveryCall = z.infer<typeof recoveryCallSchema>;

export const blameKinds = ['colleague', 'not_my_fault', 'left_information', 'supposed_to'] as const;
export type BlameKind = (typeof blameKinds)[number];
/** A phrase that explains who was at fault: `[start, end)` in UTF-16 code units of the text checked. */
export const blameFindingSchema = z.object({ start: z.number().int(), end: z.number().int(), text: z.string(), kind: z.enum(blameKinds) });
export type BlameFinding = z.infer<typeof blameFindingSchema>;

export const blameCheckSchema = z.object({ text: z.string().max(20_000, { message: 'must be at most 20000 characters' }) }).strict();
export const blameCheckResultSchema = z.object({
  findings: z.array(blameFindingSchema),
  /** In the caller's language; null when nothing was flagged. */
  advice: z.string().nullable(),
});
export type BlameCheckResult = z.infer<typeof blameCheckResultSchema>;

export const recoveryMessageSchema = z.object({
  id: z.uuid(),
  outboxId: z.uuid(),
  to: z.string(),
  from: z.string().nullable(),
  subject: z.string(),
  body: z.string(),
  threaded: z.boolean(),
  /** What the blame check flagged when it was sent; non-empty means the owner chose to send anyway. */
  findings: z.array(blameFindingSchema),
  sentAt: isoDateTime,
  sentByName: z.string().nullable(),
});
export type RecoveryMessage = z.infer<typeof recoveryMessageSchema>;

export const recoveryTaskDetailSchema = recoveryTaskSchema.extend({
  /** The client's figures and contacts during the absence, as the return briefing shows them. */
  history: z.object({
    counts,
    signals: briefingClientSchema.shape.signals,
    contacts: z.array(contactSummarySchema),
  }),
  script: callScriptSchema,
  calls: z.array(recoveryCallSchema),
  messages: z.array(recoveryMessageSchema),
  /** Where a message to the client goes (null: no address known for the client). */
  compose: z.object({ to: z.string(), from: z.string().nullable(), subject: z.string(), threaded: z.boolean() }).nullable(),
  /** Only the owner calls and writes; her manager and admins read. */
  canAct: z.boolean(),
});
export type RecoveryTaskDetail = z.infer<typeof recoveryTaskDetailSchema>;

const trimmed = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { message: `must be at most ${max} characters` });
const retryDate = z.string().refine(isRealDate, { message: 'must be a date such as 2026-12-25 (YYYY-MM-DD)' });
const callCommon = { notes: trimmed(4000).default(''), nextStep: trimmed(1000).default('') };

export const logRecoveryCallSchema = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('recovered'), ...callCommon }).strict(),
  z.object({ outcome: z.literal('still_at_risk'), ...callCommon }).strict(),
  z
    .object({
      outcome: z.literal('lost'),
      lostReason: trimmed(1000).min(3, { message: 'say why the client was lost, in a few words' }),
      ...callCommon,
    })
    .strict(),
  z.object({ outcome: z.literal('no_answer'), retryOn: retryDate, ...callCommon }).strict(),
]);
export type LogRecoveryCallInput = z.input<typeof logRecoveryCallSchema>;

export const sendRecoveryMessageSchema = z
  .object({
    subject: trimmed(300).min(1, { message: 'write a subject' }),
    body: trimmed(20_000).min(1, { message: 'write the message first' }),
    /** The owner read what the blame check flagged and sends anyway. */
    confirmed: z.boolean().default(false),
  })
  .strict();
export type SendRecoveryMessageInput = z.input<typeof sendRecoveryMessageSchema>;

/** The 409 a flagged message gets until it is sent with `confirmed: true`. */
export const blameFlaggedResponseSchema = z.object({
  error: z.object({ code: z.literal('recovery.blame_flagged'), message: z.string(), findings: z.array(blameFindingSchema) }),
});

// ---------------------------------------------------------------------------------------------
// Win-back: a lost client gets reminder calls at 30, 60 and 90 days (per workspace), until won back.

export const winBackReminderStates = ['scheduled', 'due', 'done', 'cancelled'] as const;
export type WinBackReminderState = (typeof winBackReminderStates)[number];

export const winBackReminderSchema = z.object({
  id: z.uuid(),
  cadenceId: z.uuid(),
  clientId: z.uuid(),
  clientName: z.string(),
  language,
  ownerId: z.uuid().nullable(),
  /** Days after the client was marked lost. */
  day: z.number().int(),
  dueAt: isoDateTime,
  state: z.enum(winBackReminderStates),
  notifiedAt: isoDateTime.nullable(),
  doneAt: isoDateTime.nullable(),
  doneByName: z.string().nullable(),
  note: z.string().nullable(),
  lostReason: z.string(),
  lostAt: isoDateTime,
  /** Set when the cadence stopped: the status the client moved to (won_back, active…). */
  endedAt: isoDateTime.nullable(),
  endedStatus: z.enum(clientStatuses).nullable(),
  script: z.object({ language, lines: z.array(z.string()) }),
});
export type WinBackReminder = z.infer<typeof winBackReminderSchema>;
export const winBackListSchema = z.object({ reminders: z.array(winBackReminderSchema) });
export type WinBackList = z.infer<typeof winBackListSchema>;

export const logWinBackSchema = z.object({ note: trimmed(2000).default('') }).strict();
export type LogWinBackInput = z.input<typeof logWinBackSchema>;

export const DEFAULT_WIN_BACK_DAYS = [30, 60, 90];
export const recoverySettingsSchema = z
  .object({
    winBackDays: z
      .array(z.number().int().min(1, { message: 'days must be at least 1' }).max(730, { message: 'days must be at most 730' }))
      .min(1, { message: 'keep at least one reminder' })
      .max(6, { message: 'at most 6 reminders' })
      .refine((days) => days.every((day, index) => index === 0 || day > (days[index - 1] ?? 0)), {
        message: 'list the days in increasing order, each once',
      }),
  })
  .strict();
export type RecoverySettings = z.infer<typeof recoverySettingsSchema>;

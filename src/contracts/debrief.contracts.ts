import { z } from 'zod';
import { isoDateTime } from './common.contracts';

// The debrief after an absence: a fact-finding meeting with the delegates (what and how, not who). Kept apart from
// the manager's report: nothing here ever appears in it.

export const debriefStates = ['open', 'concluded'] as const;
export type DebriefState = (typeof debriefStates)[number];

/** What the owner and the manager conclude a gap came from. `deliberate`: what was handed over was not used, by choice. */
export const findingCategories = [
  'missing_information',
  'unclear_brief',
  'workload',
  'tooling',
  'communication',
  'deliberate',
  'other',
] as const;
export type FindingCategory = (typeof findingCategories)[number];

/** General questions of the guide, then two per client where something went wrong during the absence. */
export const questionTopics = [
  'opening',
  'client_information',
  'client_difficulty',
  'brief',
  'workload',
  'tools',
  'communication',
  'helped',
] as const;
export type QuestionTopic = (typeof questionTopics)[number];

/** Who sees the debrief, and so what: the owner and the absence's manager everything, a delegate the questions and their own answers. */
export const debriefRoles = ['owner', 'manager', 'delegate'] as const;
export type DebriefRole = (typeof debriefRoles)[number];
export const respondentRoles = ['primary', 'backup', 'owner', 'manager'] as const;
export type RespondentRole = (typeof respondentRoles)[number];

const bilingual = z.object({ en: z.string(), it: z.string() });

/** A phrase a wording check flagged in a text (`[start, end)`), shown to its author; nothing is blocked. */
export const wordingFlagSchema = z.object({ start: z.number().int(), end: z.number().int(), text: z.string(), kind: z.string() });
export type WordingFlag = z.infer<typeof wordingFlagSchema>;

export const debriefQuestionSchema = z.object({
  /** Stable within the debrief: `opening`, `brief`… or `client.<clientId>.information`. */
  id: z.string(),
  topic: z.enum(questionTopics),
  clientId: z.uuid().nullable(),
  clientName: z.string().nullable(),
  /** For client questions: what the record shows about that client during the absence. */
  facts: z.object({ noInformation: z.number().int(), escalated: z.number().int(), unanswered: z.number().int() }).nullable(),
  text: bilingual,
});
export type DebriefQuestion = z.infer<typeof debriefQuestionSchema>;

export const debriefAnswerSchema = z.object({
  questionId: z.string(),
  respondentId: z.uuid(),
  respondentName: z.string(),
  respondentRole: z.enum(respondentRoles),
  text: z.string(),
  updatedAt: isoDateTime,
  wordingFlags: z.array(wordingFlagSchema),
});
export type DebriefAnswer = z.infer<typeof debriefAnswerSchema>;

export const debriefFindingSchema = z.object({
  id: z.uuid(),
  category: z.enum(findingCategories),
  clientId: z.uuid().nullable(),
  clientName: z.string().nullable(),
  note: z.string(),
  /** Set for `deliberate` only: why the delegate chose not to use what was handed over, as learned in the meeting. */
  reasonLearned: z.string().nullable(),
  createdById: z.uuid().nullable(),
  createdByName: z.string().nullable(),
  createdAt: isoDateTime,
  wordingFlags: z.array(wordingFlagSchema),
});
export type DebriefFinding = z.infer<typeof debriefFindingSchema>;

export const debriefSchema = z.object({
  id: z.uuid(),
  absenceId: z.uuid(),
  state: z.enum(debriefStates),
  guideVersion: z.number().int(),
  createdAt: isoDateTime,
  createdByName: z.string().nullable(),
  concludedAt: isoDateTime.nullable(),
  concludedByName: z.string().nullable(),
  /** The delegates it concerns: the primary, and the backup when they handled contacts. */
  delegates: z.array(z.object({ id: z.uuid(), name: z.string(), role: z.enum(['primary', 'backup']) })),
  questions: z.array(debriefQuestionSchema),
  /** Everybody's for the owner and the manager; a delegate's own only, for a delegate. */
  answers: z.array(debriefAnswerSchema),
  /** Null for delegates: findings are the owner's and the manager's conclusion. */
  findings: z.array(debriefFindingSchema).nullable(),
  /** The clients the absence covered, which a finding may name. */
  clients: z.array(z.object({ id: z.uuid(), name: z.string() })),
});
export type Debrief = z.infer<typeof debriefSchema>;

export const debriefViewSchema = z.object({
  absence: z.object({
    id: z.uuid(),
    state: z.enum(['draft', 'handover', 'active', 'returned', 'closed']),
    ownerId: z.uuid(),
    ownerName: z.string(),
    managerId: z.uuid(),
    managerName: z.string(),
    startsAt: isoDateTime,
    endsAt: isoDateTime,
    returnedAt: isoDateTime.nullable(),
  }),
  viewer: z.object({
    role: z.enum(debriefRoles),
    /** Owner and manager: open the debrief, record findings, conclude. */
    organises: z.boolean(),
  }),
  /** Null until the owner or the manager opens it (after the return). */
  debrief: debriefSchema.nullable(),
});
export type DebriefView = z.infer<typeof debriefViewSchema>;

const trimmed = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { message: `must be at most ${max} characters` });

/** An empty text removes the answer. */
export const saveDebriefAnswerSchema = z
  .object({
    questionId: z.string().min(1).max(200),
    text: trimmed(10_000),
  })
  .strict();
export type SaveDebriefAnswerInput = z.input<typeof saveDebriefAnswerSchema>;
export const savedDebriefAnswerSchema = z.object({ answer: debriefAnswerSchema.nullable() });

/** `reasonLearned` is required for `deliberate` and refused for the other categories (checked by the server, with its own error codes). */
export const addDebriefFindingSchema = z
  .object({
    category: z.enum(findingCategories),
    clientId: z.uuid().nullable().default(null),
    note: trimmed(5000).default(''),
    reasonLearned: trimmed(2000).nullable().default(null),
  })
  .strict();
export type AddDebriefFindingInput = z.input<typeof addDebriefFindingSchema>;

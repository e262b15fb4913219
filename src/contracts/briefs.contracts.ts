import { z } from 'zod';

const line = z.string().trim().min(1).max(2000);
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date such as 2026-12-24' });

/**
 * What a delegate needs per client, after the I-PASS / SBAR handoff protocols: situation, facts,
 * actions with dates, what was promised, the answers to give, who to ask, and what not to do.
 */
export const briefContentSchema = z
  .object({
    situation: z.string().max(10_000).default(''),
    keyFacts: z.array(line).max(100).default([]),
    nextSteps: z
      .array(z.object({ text: line, due: date.nullable().default(null) }).strict())
      .max(100)
      .default([]),
    commitments: z.array(line).max(100).default([]),
    faq: z
      .array(z.object({ question: line, answer: z.string().trim().min(1).max(5000) }).strict())
      .max(200)
      .default([]),
    contacts: z
      .array(
        z
          .object({
            name: line,
            side: z.enum(['client', 'internal']),
            reachFor: z.string().max(500).default(''),
            email: z.string().max(254).default(''),
            phone: z.string().max(50).default(''),
          })
          .strict(),
      )
      .max(100)
      .default([]),
    dos: z.array(line).max(100).default([]),
    donts: z.array(line).max(100).default([]),
    contingencies: z
      .array(z.object({ when: line, action: line }).strict())
      .max(100)
      .default([]),
    links: z
      .array(z.object({ label: line, url: z.url({ message: 'must be a full URL such as https://…' }) }).strict())
      .max(100)
      .default([]),
    clientSummary: z.string().max(5000).default(''),
  })
  .strict();
export type BriefContent = z.infer<typeof briefContentSchema>;

export const emptyBriefContent = (): BriefContent => briefContentSchema.parse({});

// ---------------------------------------------------------------------------------------------
// Requests and responses of the briefs API (server, web UI and CLI share them).

const isoDateTime = z.string().describe('ISO 8601 date and time');
const sha256 = z.string().regex(/^[0-9a-f]{64}$/, { message: 'must be the 64-character SHA-256 content hash of the version' });

export const createBriefSchema = z.object({ clientId: z.uuid(), projectId: z.uuid().nullable().default(null) }).strict();
export const saveBriefSchema = z.object({ content: briefContentSchema }).strict();

export const readBackStatuses = ['not_required', 'pending', 'accepted', 'asked_again'] as const;
/** `overseer`: a workspace admin or manager not named on the absence, who may read but not act. */
export const viewerRoles = ['owner', 'primary', 'backup', 'manager', 'overseer'] as const;

export const briefSummarySchema = z.object({
  id: z.uuid(),
  absenceId: z.uuid(),
  clientId: z.uuid(),
  clientName: z.string(),
  clientLanguage: z.enum(['en', 'it']),
  keyAccount: z.boolean(),
  projectId: z.uuid().nullable(),
  currentVersion: z.number().int(),
  currentHash: z.string().nullable(),
  updatedAt: isoDateTime,
});
export type BriefSummary = z.infer<typeof briefSummarySchema>;

export const briefVersionSchema = z.object({
  version: z.number().int(),
  contentHash: z.string(),
  createdAt: isoDateTime,
  createdBy: z.uuid(),
});
export type BriefVersion = z.infer<typeof briefVersionSchema>;

export const acknowledgementSchema = z.object({
  id: z.uuid(),
  briefId: z.uuid(),
  version: z.number().int(),
  contentHash: z.string(),
  delegateId: z.uuid(),
  delegateName: z.string(),
  delegateRole: z.enum(['primary', 'backup']),
  readBack: z.string().nullable(),
  readBackStatus: z.enum(readBackStatuses),
  ownerNote: z.string().nullable(),
  acknowledgedAt: isoDateTime,
  reviewedAt: isoDateTime.nullable(),
  supersededAt: isoDateTime.nullable(),
  /** Of the current version, not superseded, the delegate's latest. */
  current: z.boolean(),
});
export type Acknowledgement = z.infer<typeof acknowledgementSchema>;

export const questionSchema = z.object({
  id: z.uuid(),
  briefId: z.uuid(),
  askedBy: z.uuid(),
  askedByName: z.string(),
  question: z.string(),
  askedAt: isoDateTime,
  answer: z.string().nullable(),
  answeredBy: z.uuid().nullable(),
  answeredAt: isoDateTime.nullable(),
});
export type BriefQuestion = z.infer<typeof questionSchema>;

export const briefDetailSchema = z.object({
  brief: briefSummarySchema,
  viewerRole: z.enum(viewerRoles),
  absence: z.object({
    id: z.uuid(),
    state: z.enum(['draft', 'handover', 'active', 'returned', 'closed']),
    ownerId: z.uuid(),
    primaryDelegateId: z.uuid(),
    backupDelegateId: z.uuid().nullable(),
    managerId: z.uuid(),
  }),
  /** The owner's working copy; only the owner receives it. */
  draft: briefContentSchema.nullable(),
  current: z.object({ version: z.number().int(), contentHash: z.string(), content: briefContentSchema, createdAt: isoDateTime }).nullable(),
  acknowledgements: z.array(acknowledgementSchema),
  questions: z.array(questionSchema),
});
export type BriefDetail = z.infer<typeof briefDetailSchema>;

export const briefListSchema = z.object({
  viewerRole: z.enum(viewerRoles),
  absenceState: z.enum(['draft', 'handover', 'active', 'returned', 'closed']),
  briefs: z.array(briefSummarySchema),
  /** Covered clients without a brief yet. */
  missing: z.array(z.object({ clientId: z.uuid(), clientName: z.string(), keyAccount: z.boolean(), projectId: z.uuid().nullable() })),
});
export type BriefList = z.infer<typeof briefListSchema>;

const listChangeSchema = z.object({
  kind: z.enum(['same', 'added', 'removed', 'changed']),
  before: z.unknown().optional(),
  after: z.unknown().optional(),
});
export const fieldDiffSchema = z.object({
  field: z.string(),
  type: z.enum(['text', 'list']),
  changed: z.boolean(),
  before: z.string().optional(),
  after: z.string().optional(),
  items: z.array(listChangeSchema).optional(),
});
export type FieldDiffView = z.infer<typeof fieldDiffSchema>;

/** Omitted: the current version against the one before it. */
export const compareQuerySchema = z.object({
  from: z.coerce.number().int().min(1).optional(),
  to: z.coerce.number().int().min(1).optional(),
});
export const briefComparisonSchema = z.object({
  from: z.object({ version: z.number().int(), contentHash: z.string(), content: briefContentSchema, createdAt: isoDateTime }),
  to: z.object({ version: z.number().int(), contentHash: z.string(), content: briefContentSchema, createdAt: isoDateTime }),
  fields: z.array(fieldDiffSchema),
});
export type BriefComparison = z.infer<typeof briefComparisonSchema>;

export const acknowledgeBriefSchema = z
  .object({
    version: z.number().int().min(1),
    contentHash: sha256,
    /** Required for key accounts: the situation and the next step in the delegate's own words. */
    readBack: z.string().max(5000).nullable().default(null),
  })
  .strict();
export type AcknowledgeBrief = z.infer<typeof acknowledgeBriefSchema>;

export const reviewReadBackSchema = z
  .object({ decision: z.enum(['accept', 'ask_again']), note: z.string().trim().max(2000).nullable().default(null) })
  .strict()
  .refine((value) => value.decision === 'accept' || (value.note ?? '').length > 0, {
    message: 'say what is missing when asking again',
    path: ['note'],
  });
export type ReviewReadBack = z.infer<typeof reviewReadBackSchema>;

export const askQuestionSchema = z.object({ question: z.string().trim().min(1).max(4000) }).strict();
export const answerQuestionSchema = z.object({ answer: z.string().trim().min(1).max(10_000) }).strict();

export const briefTemplateInputSchema = z.object({ name: z.string().trim().min(1).max(200), content: briefContentSchema }).strict();
export const briefTemplateSchema = z.object({ id: z.uuid(), name: z.string(), content: briefContentSchema, createdAt: isoDateTime });
export type BriefTemplate = z.infer<typeof briefTemplateSchema>;

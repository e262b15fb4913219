import { z } from 'zod';
import { clientStatuses } from './clients.contracts';
import { isoDateTime } from './common.contracts';
import { assigneeRoles, contactKinds, contactOutcomes, escalationRules, escalationStates, escalationTargets } from './coverage.contracts';
import { callOutcomes } from './recovery.contracts';

// The report for the manager: a factual record of an absence, built from the audit log and the records, in the
// owner's language. The document is plain data; the HTML, Markdown and PDF exports and the web preview render it.

const language = z.enum(['en', 'it']);

/** Where a fact comes from: an audit event (its seq and hash), or the record itself when no event exists. */
export const reportSourceTypes = [
  'audit',
  'absence',
  'brief_version',
  'acknowledgement',
  'question',
  'contact',
  'message',
  'escalation',
  'auto_reply',
  'recovery_call',
] as const;
export const reportSourceSchema = z.object({
  type: z.enum(reportSourceTypes),
  id: z.string(),
  seq: z.number().int().optional(),
  hash: z.string().optional(),
});
export type ReportSource = z.infer<typeof reportSourceSchema>;

export const timelineKinds = [
  'absence',
  'brief',
  'acknowledgement',
  'question',
  'readiness',
  'contact',
  'response',
  'outcome',
  'hand_off',
  'escalation',
  'auto_reply',
  'return',
  'recovery',
  'client_status',
] as const;
export type TimelineKind = (typeof timelineKinds)[number];

/** One fact, stated without judgement, with the record that proves it. */
export const timelineEntrySchema = z.object({
  at: isoDateTime,
  kind: z.enum(timelineKinds),
  text: z.string(),
  source: reportSourceSchema,
});
export type TimelineEntry = z.infer<typeof timelineEntrySchema>;

const briefSchema = z.object({
  briefId: z.string(),
  clientName: z.string(),
  projectName: z.string().nullable(),
  keyAccount: z.boolean(),
  versions: z.array(z.object({ version: z.number().int(), contentHash: z.string(), createdAt: isoDateTime, createdBy: z.string() })),
  acknowledgements: z.array(
    z.object({
      delegate: z.string(),
      role: z.enum(['primary', 'backup']),
      version: z.number().int(),
      contentHash: z.string(),
      at: isoDateTime,
      readBack: z.string().nullable(),
      readBackStatus: z.enum(['not_required', 'pending', 'accepted', 'asked_again']),
      reviewedAt: isoDateTime.nullable(),
      ownerNote: z.string().nullable(),
      supersededAt: isoDateTime.nullable(),
    }),
  ),
  questions: z.array(
    z.object({
      askedBy: z.string(),
      question: z.string(),
      askedAt: isoDateTime,
      answer: z.string().nullable(),
      answeredBy: z.string().nullable(),
      answeredAt: isoDateTime.nullable(),
    }),
  ),
});
export type ReportBrief = z.infer<typeof briefSchema>;

const contactSchema = z.object({
  id: z.string(),
  receivedAt: isoDateTime,
  kind: z.enum(contactKinds),
  client: z.string().nullable(),
  from: z.string(),
  subject: z.string(),
  handledBy: z.string(),
  handledByRole: z.enum(assigneeRoles),
  firstResponseAt: isoDateTime.nullable(),
  firstResponseBy: z.string().nullable(),
  firstResponseMinutes: z.number().int().nullable(),
  dueAt: isoDateTime.nullable(),
  /** Null when the contact had no SLA deadline. */
  slaBreached: z.boolean().nullable(),
  outcome: z.enum(contactOutcomes).nullable(),
  note: z.string().nullable(),
  state: z.enum(['open', 'closed']),
  messages: z.number().int(),
  autoReplies: z.number().int(),
});
export type ReportContact = z.infer<typeof contactSchema>;

const escalationSchema = z.object({
  id: z.string(),
  at: isoDateTime,
  client: z.string().nullable(),
  contactSubject: z.string(),
  rule: z.enum(escalationRules),
  target: z.enum(escalationTargets),
  recipient: z.string(),
  state: z.enum(escalationStates),
  acknowledgedAt: isoDateTime.nullable(),
  acknowledgedBy: z.string().nullable(),
  resolvedAt: isoDateTime.nullable(),
  resolvedBy: z.string().nullable(),
  resolutionNote: z.string().nullable(),
});

/** A client email quoted as it arrived; the original is attached to the PDF as `filename` (and downloadable). */
const emailSchema = z.object({
  messageId: z.string(),
  client: z.string().nullable(),
  from: z.string(),
  subject: z.string(),
  receivedAt: isoDateTime,
  text: z.string(),
  /** The quote was shortened; the whole message is in the attachment. */
  truncated: z.boolean(),
  rawSha256: z.string(),
  filename: z.string(),
});
export type ReportEmail = z.infer<typeof emailSchema>;

const recoverySchema = z.object({
  calls: z.array(
    z.object({
      id: z.string(),
      at: isoDateTime,
      client: z.string(),
      outcome: z.enum(callOutcomes),
      by: z.string().nullable(),
      notes: z.string(),
      nextStep: z.string(),
      lostReason: z.string().nullable(),
      retryOn: z.string().nullable(),
    }),
  ),
  /** Covered clients whose status is lost or won back now, with the change that put them there. */
  clients: z.array(
    z.object({ client: z.string(), status: z.enum(clientStatuses), since: isoDateTime.nullable(), reason: z.string().nullable() }),
  ),
});

export const summaryFiguresSchema = z.object({
  readinessAtDeparture: z.number().nullable(),
  gateOverridden: z.boolean(),
  briefs: z.number().int(),
  briefsAcknowledged: z.number().int(),
  questionsAsked: z.number().int(),
  questionsAnswered: z.number().int(),
  contacts: z.number().int(),
  emails: z.number().int(),
  calls: z.number().int(),
  messages: z.number().int(),
  clientsWithContacts: z.number().int(),
  answered: z.number().int(),
  open: z.number().int(),
  noInformation: z.number().int(),
  waitingForOwner: z.number().int(),
  slaBreached: z.number().int(),
  medianFirstResponseMinutes: z.number().nullable(),
  escalations: z.number().int(),
  autoReplies: z.number().int(),
  recoveryCalls: z.number().int(),
  clientsLost: z.number().int(),
  clientsWonBack: z.number().int(),
});
export type SummaryFigures = z.infer<typeof summaryFiguresSchema>;

export const reportDocumentSchema = z.object({
  format: z.literal('baton.report/1'),
  language,
  timeZone: z.string(),
  generatedAt: isoDateTime,
  status: z.enum(['draft', 'final']),
  absence: z.object({
    id: z.string(),
    workspace: z.string(),
    owner: z.string(),
    manager: z.string(),
    primaryDelegate: z.string(),
    backupDelegate: z.string().nullable(),
    startsAt: isoDateTime,
    endsAt: isoDateTime,
    startedAt: isoDateTime.nullable(),
    returnedAt: isoDateTime.nullable(),
  }),
  handover: z.object({
    briefs: z.array(briefSchema),
    readinessAtDeparture: z.number().nullable(),
    gateOpenAtDeparture: z.boolean().nullable(),
    override: z.object({ by: z.string(), reason: z.string(), at: isoDateTime }).nullable(),
  }),
  summary: summaryFiguresSchema,
  coverage: z.array(contactSchema),
  escalations: z.array(escalationSchema),
  emails: z.array(emailSchema),
  recovery: recoverySchema,
  timeline: z.array(timelineEntrySchema),
  narrative: z.object({ text: z.string(), savedAt: isoDateTime }).nullable(),
});
export type ReportDocument = z.infer<typeof reportDocumentSchema>;

// ---------------------------------------------------------------------------------------------
// The owner's narrative and the neutral-language check.

export const neutralLanguageFindingSchema = z.object({
  phrase: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  suggestion: z.string(),
});
export type NeutralLanguageFindingView = z.infer<typeof neutralLanguageFindingSchema>;

const narrativeText = z.string().trim().max(20_000, { message: 'must be at most 20000 characters' });

export const saveNarrativeSchema = z
  .object({
    text: narrativeText,
    /** The owner read what the check flagged and keeps her wording. */
    confirmed: z.boolean().default(false),
  })
  .strict();
export type SaveNarrativeInput = z.input<typeof saveNarrativeSchema>;

export const checkNarrativeSchema = z.object({ text: z.string().max(20_000, { message: 'must be at most 20000 characters' }) }).strict();
export const checkNarrativeResultSchema = z.object({ findings: z.array(neutralLanguageFindingSchema) });
export type CheckNarrativeResult = z.infer<typeof checkNarrativeResultSchema>;

/** The 409 a flagged narrative gets until it is saved with `confirmed: true`. */
export const narrativeFlaggedResponseSchema = z.object({
  error: z.object({ code: z.literal('report.wording_flagged'), message: z.string(), findings: z.array(neutralLanguageFindingSchema) }),
});

// ---------------------------------------------------------------------------------------------
// The report as the app shows it, sending, exports.

export const reportFormats = ['pdf', 'md', 'html'] as const;
export type ReportFormat = (typeof reportFormats)[number];
export const exportStates = ['queued', 'running', 'done', 'failed'] as const;

export const reportExportSchema = z.object({
  id: z.uuid(),
  format: z.enum(reportFormats),
  state: z.enum(exportStates),
  rowsDone: z.number().int(),
  rowsTotal: z.number().int(),
  sha256: z.string().nullable(),
  size: z.number().int().nullable(),
  filename: z.string(),
  createdAt: isoDateTime,
  finishedAt: isoDateTime.nullable(),
  error: z.string().nullable(),
});
export type ReportExport = z.infer<typeof reportExportSchema>;

export const reportViewSchema = z.object({
  absenceId: z.uuid(),
  /** Who is looking: the owner edits and sends; the manager reads what she sent. */
  viewer: z.enum(['owner', 'manager']),
  status: z.enum(['draft', 'final']),
  absenceState: z.enum(['draft', 'handover', 'active', 'returned', 'closed']),
  ownerName: z.string(),
  managerName: z.string(),
  language,
  narrative: z.object({
    text: z.string(),
    savedAt: isoDateTime.nullable(),
    /** What the check flagged when it was saved; non-empty means the owner kept her wording. */
    keptFindings: z.array(neutralLanguageFindingSchema),
  }),
  finalisedAt: isoDateTime.nullable(),
  /** SHA-256 of the final content (canonical JSON), recorded in the audit log. */
  finalHash: z.string().nullable(),
  sentAt: isoDateTime.nullable(),
  sentStatus: z.enum(['draft', 'final']).nullable(),
  canEdit: z.boolean(),
  canSend: z.boolean(),
  summary: summaryFiguresSchema,
  /** The HTML export of what the viewer sees, for a sandboxed preview frame. */
  previewHtml: z.string(),
  exports: z.array(reportExportSchema),
});
export type ReportView = z.infer<typeof reportViewSchema>;

export const createExportSchema = z.object({ format: z.enum(reportFormats) }).strict();
export type CreateExportInput = z.input<typeof createExportSchema>;

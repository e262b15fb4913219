// The report for the manager, built from plain records: what was handed over, acknowledged and asked; every client
// contact, how fast it was answered and how it ended; escalations; what the clients wrote; the recovery. Every fact of
// the timeline names its source: the audit event (seq and hash) that recorded it, or the record itself when no event
// exists (data loaded by other means). Facts say who did what and when, with figures; never how well.
import type { ClientStatus } from '../../contracts/clients.contracts';
import type {
  AssigneeRole,
  ContactKind,
  ContactOutcome,
  EscalationRule,
  EscalationState,
  EscalationTarget,
} from '../../contracts/coverage.contracts';
import type { CallOutcome } from '../../contracts/recovery.contracts';
import type {
  ReportBrief,
  ReportContact,
  ReportDocument,
  ReportEmail,
  ReportSource,
  SummaryFigures,
  TimelineEntry,
  TimelineKind,
} from '../../contracts/report.contracts';
import { type ContactFact, summariseClient } from '../recovery/return-briefing.models';
import { formatDuration, formatPercent, formatReportTime, shortHash } from './report.format';
import { translateReport } from './report.texts';

export type ReportLanguage = 'en' | 'it';

export type AuditFact = {
  seq: number;
  hash: string;
  occurredAt: Date;
  actorId: string | null;
  action: string;
  subjectType: string;
  subjectId: string;
  data: Record<string, unknown>;
};

export type BriefRecord = {
  id: string;
  clientId: string;
  clientName: string;
  projectName: string | null;
  keyAccount: boolean;
  currentVersion: number;
  versions: { version: number; contentHash: string; createdAt: Date; createdBy: string }[];
  acknowledgements: {
    id: string;
    delegateId: string;
    delegateRole: 'primary' | 'backup';
    version: number;
    contentHash: string;
    acknowledgedAt: Date;
    readBack: string | null;
    readBackStatus: 'not_required' | 'pending' | 'accepted' | 'asked_again';
    reviewedAt: Date | null;
    ownerNote: string | null;
    supersededAt: Date | null;
  }[];
  questions: {
    id: string;
    askedBy: string;
    question: string;
    askedAt: Date;
    answer: string | null;
    answeredBy: string | null;
    answeredAt: Date | null;
  }[];
};

export type ContactRecord = {
  id: string;
  kind: ContactKind;
  clientId: string | null;
  fromName: string;
  fromAddress: string | null;
  subject: string;
  excerpt: string;
  receivedAt: Date;
  assigneeId: string;
  assigneeRole: AssigneeRole;
  firstResponseAt: Date | null;
  firstResponderId: string | null;
  dueAt: Date | null;
  outcome: ContactOutcome | null;
  outcomeNote: string | null;
  state: 'open' | 'closed';
  closedAt: Date | null;
  closedBy: string | null;
  createdBy: string | null;
  messageCount: number;
  signals: ContactFact['signals'];
};

export type MessageRecord = {
  id: string;
  contactId: string;
  fromName: string;
  fromAddress: string | null;
  subject: string;
  receivedAt: Date;
  textBody: string;
  rawSha256: string;
};

export type EscalationRecord = {
  id: string;
  contactId: string;
  rule: EscalationRule;
  target: EscalationTarget;
  recipientId: string;
  state: EscalationState;
  createdAt: Date;
  acknowledgedAt: Date | null;
  acknowledgedBy: string | null;
  resolvedAt: Date | null;
  resolvedBy: string | null;
  resolutionNote: string | null;
};

export type AutoReplyRecord = { messageId: string; clientId: string | null; sender: string; queuedAt: Date };

export type RecoveryCallRecord = {
  id: string;
  clientId: string;
  outcome: CallOutcome;
  notes: string;
  nextStep: string;
  lostReason: string | null;
  retryOn: string | null;
  calledAt: Date;
  calledBy: string | null;
};

export type ReportInput = {
  language: ReportLanguage;
  timeZone: string;
  generatedAt: Date;
  status: 'draft' | 'final';
  workspaceName: string;
  absence: {
    id: string;
    ownerId: string;
    managerId: string;
    primaryDelegateId: string;
    backupDelegateId: string | null;
    startsAt: Date;
    endsAt: Date;
    startedAt: Date | null;
    returnedAt: Date | null;
    createdAt: Date;
    gateOverride: { by: string; reason: string; at: string } | null;
  };
  /** Every person the records name, by user id. */
  people: Map<string, string>;
  /** The clients the absence covered, with their status now. */
  clients: { id: string; name: string; tier: 'key' | 'standard'; status: ClientStatus }[];
  briefs: BriefRecord[];
  contacts: ContactRecord[];
  messages: MessageRecord[];
  escalations: EscalationRecord[];
  autoReplies: AutoReplyRecord[];
  recoveryCalls: RecoveryCallRecord[];
  /** The audit events about this absence, its briefs, contacts, messages and covered clients. */
  audit: AuditFact[];
  narrative: { text: string; savedAt: Date } | null;
  /** When an unanswered contact stopped waiting: the return, or now while the absence runs. */
  until: Date;
};

/** Longer client emails are shortened in the quote; the whole message is the attached original. */
export const QUOTE_LIMIT = 4000;

/** Audit actions that report on this absence by themselves (the rest are matched to records, or left out). */
const auditOnlyActions = new Set([
  'briefs.shared',
  'absence.readiness_reached',
  'absence.started_with_gap',
  'coverage.handed_off',
  'coverage.replied',
  'coverage.call_logged',
  'coverage.handed_back',
  'absence.closed',
  'recovery.message_sent',
  'client.status_changed',
  'recovery.win_back_logged',
]);

const iso = (date: Date) => date.toISOString();

export function buildReportDocument(input: ReportInput): ReportDocument {
  const { language, timeZone, absence } = input;
  const t = (key: string, values?: Record<string, unknown>) => translateReport(language, key, values);
  const time = (date: Date) => formatReportTime(date, timeZone);
  const nameOf = (id: string | null | undefined) => (id ? (input.people.get(id) ?? '—') : t('fact.system'));
  const clients = new Map(input.clients.map((client) => [client.id, client]));
  const clientName = (id: string | null | undefined) => (id ? (clients.get(id)?.name ?? null) : null);
  const clientSuffix = (id: string | null | undefined) => {
    const name = clientName(id);
    return name ? t('fact.client_suffix', { client: name }) : '';
  };
  const roleOf = (userId: string | null, fallback: AssigneeRole): AssigneeRole =>
    userId === absence.primaryDelegateId
      ? 'primary'
      : userId === absence.backupDelegateId
        ? 'backup'
        : userId === absence.ownerId
          ? 'owner'
          : userId === absence.managerId
            ? 'manager'
            : fallback;

  // ---- audit events, indexed by action and subject; each is the source of at most one fact ----
  const events = [...input.audit].sort((a, b) => a.seq - b.seq);
  const byKey = new Map<string, AuditFact[]>();
  for (const event of events) {
    const key = `${event.action}|${event.subjectId}`;
    const list = byKey.get(key);
    if (list) list.push(event);
    else byKey.set(key, [event]);
  }
  const used = new Set<number>();
  const take = (action: string, subjectId: string, match: (event: AuditFact) => boolean = () => true) => {
    const found = byKey.get(`${action}|${subjectId}`)?.find((event) => !used.has(event.seq) && match(event)) ?? null;
    if (found) used.add(found.seq);
    return found;
  };
  const auditSource = (event: AuditFact): ReportSource => ({ type: 'audit', id: String(event.seq), seq: event.seq, hash: event.hash });
  const sourceOr = (event: AuditFact | null, fallback: ReportSource) => (event ? auditSource(event) : fallback);

  const timeline: (TimelineEntry & { order: number })[] = [];
  const add = (at: Date, kind: TimelineKind, text: string, source: ReportSource) =>
    timeline.push({ at: iso(at), kind, text, source, order: timeline.length });

  // ---- handover ----
  const planned = take('absence.created', absence.id);
  add(
    planned?.occurredAt ?? absence.createdAt,
    'absence',
    t(absence.backupDelegateId ? 'fact.absence_planned_backup' : 'fact.absence_planned', {
      owner: nameOf(absence.ownerId),
      start: time(absence.startsAt),
      end: time(absence.endsAt),
      primary: nameOf(absence.primaryDelegateId),
      backup: nameOf(absence.backupDelegateId),
      manager: nameOf(absence.managerId),
    }),
    sourceOr(planned, { type: 'absence', id: absence.id }),
  );

  const briefs: ReportBrief[] = [];
  for (const brief of input.briefs) {
    const client = brief.clientName;
    for (const version of brief.versions) {
      const event = take('brief.version_created', brief.id, (candidate) => candidate.data.version === version.version);
      add(
        event?.occurredAt ?? version.createdAt,
        'brief',
        t('fact.version_created', {
          actor: nameOf(version.createdBy),
          version: version.version,
          client,
          hash: shortHash(version.contentHash),
        }),
        sourceOr(event, { type: 'brief_version', id: `${brief.id}:${version.version}`, hash: version.contentHash }),
      );
    }
    for (const ack of brief.acknowledgements) {
      const event = take('brief.acknowledged', brief.id, (candidate) => candidate.data.acknowledgementId === ack.id);
      const values = {
        delegate: nameOf(ack.delegateId),
        role: t(`role.${ack.delegateRole}`),
        version: ack.version,
        client,
        hash: shortHash(ack.contentHash),
        readBack: ack.readBack ?? '',
      };
      add(
        event?.occurredAt ?? ack.acknowledgedAt,
        'acknowledgement',
        t(ack.readBack ? 'fact.acknowledged_read_back' : 'fact.acknowledged', values),
        sourceOr(event, { type: 'acknowledgement', id: ack.id, hash: ack.contentHash }),
      );
      if (ack.reviewedAt && (ack.readBackStatus === 'accepted' || ack.readBackStatus === 'asked_again')) {
        const accepted = ack.readBackStatus === 'accepted';
        const review = take(accepted ? 'brief.read_back_accepted' : 'brief.read_back_asked_again', brief.id, (candidate) => {
          return candidate.data.acknowledgementId === ack.id;
        });
        const key = accepted ? 'fact.read_back_accepted' : ack.ownerNote ? 'fact.read_back_asked_again_note' : 'fact.read_back_asked_again';
        add(
          review?.occurredAt ?? ack.reviewedAt,
          'acknowledgement',
          t(key, {
            owner: nameOf(review?.actorId ?? absence.ownerId),
            delegate: nameOf(ack.delegateId),
            client,
            note: ack.ownerNote ?? '',
          }),
          sourceOr(review, { type: 'acknowledgement', id: ack.id, hash: ack.contentHash }),
        );
      }
    }
    for (const question of brief.questions) {
      const asked = take('brief.question_asked', question.id);
      add(
        asked?.occurredAt ?? question.askedAt,
        'question',
        t('fact.question_asked', { asker: nameOf(question.askedBy), client, question: question.question }),
        sourceOr(asked, { type: 'question', id: question.id }),
      );
      if (question.answer !== null && question.answeredAt) {
        const answered = take('brief.question_answered', question.id);
        add(
          answered?.occurredAt ?? question.answeredAt,
          'question',
          t('fact.question_answered', {
            answerer: nameOf(question.answeredBy),
            asker: nameOf(question.askedBy),
            client,
            answer: question.answer,
          }),
          sourceOr(answered, { type: 'question', id: question.id }),
        );
      }
    }
    briefs.push({
      briefId: brief.id,
      clientName: client,
      projectName: brief.projectName,
      keyAccount: brief.keyAccount,
      versions: brief.versions.map((version) => ({
        version: version.version,
        contentHash: version.contentHash,
        createdAt: iso(version.createdAt),
        createdBy: nameOf(version.createdBy),
      })),
      acknowledgements: brief.acknowledgements.map((ack) => ({
        delegate: nameOf(ack.delegateId),
        role: ack.delegateRole,
        version: ack.version,
        contentHash: ack.contentHash,
        at: iso(ack.acknowledgedAt),
        readBack: ack.readBack,
        readBackStatus: ack.readBackStatus,
        reviewedAt: ack.reviewedAt ? iso(ack.reviewedAt) : null,
        ownerNote: ack.ownerNote,
        supersededAt: ack.supersededAt ? iso(ack.supersededAt) : null,
      })),
      questions: brief.questions.map((question) => ({
        askedBy: nameOf(question.askedBy),
        question: question.question,
        askedAt: iso(question.askedAt),
        answer: question.answer,
        answeredBy: question.answeredBy ? nameOf(question.answeredBy) : null,
        answeredAt: question.answeredAt ? iso(question.answeredAt) : null,
      })),
    });
  }

  const override = absence.gateOverride;
  const overridden = take('absence.gate_overridden', absence.id);
  if (override || overridden) {
    add(
      overridden?.occurredAt ?? new Date(override?.at ?? absence.createdAt),
      'readiness',
      t('fact.gate_overridden', {
        manager: nameOf(overridden?.actorId ?? override?.by),
        reason: override?.reason ?? String(overridden?.data.reason ?? ''),
      }),
      sourceOr(overridden, { type: 'absence', id: absence.id }),
    );
  }
  const started = take('absence.started', absence.id);
  const readinessAtDeparture = typeof started?.data.readiness === 'number' ? started.data.readiness : null;
  const gateOpenAtDeparture = typeof started?.data.gateOpen === 'boolean' ? started.data.gateOpen : null;
  const gateWasOverridden = Boolean(override) || started?.data.overridden === true;
  const gateState = gateWasOverridden
    ? 'fact.gate_overridden_state'
    : gateOpenAtDeparture === false
      ? 'fact.gate_closed'
      : 'fact.gate_open';
  if (started || absence.startedAt) {
    add(
      started?.occurredAt ?? absence.startedAt ?? absence.startsAt,
      'absence',
      readinessAtDeparture === null
        ? t('fact.started_unknown')
        : t('fact.started', {
            percent: formatPercent(readinessAtDeparture),
            gate: t(gateState),
          }),
      sourceOr(started, { type: 'absence', id: absence.id }),
    );
  }

  // ---- coverage ----
  const messagesOf = new Map<string, MessageRecord[]>();
  for (const message of [...input.messages].sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime())) {
    const list = messagesOf.get(message.contactId);
    if (list) list.push(message);
    else messagesOf.set(message.contactId, [message]);
  }
  const autoRepliedMessages = new Map(input.autoReplies.map((reply) => [reply.messageId, reply]));
  const contactsById = new Map(input.contacts.map((contact) => [contact.id, contact]));
  const fromOf = (contact: { fromName: string; fromAddress: string | null }) =>
    contact.fromName && contact.fromAddress
      ? `${contact.fromName} <${contact.fromAddress}>`
      : contact.fromName || contact.fromAddress || t('unknown_sender');
  const slaBreachedOf = (contact: ContactRecord) =>
    contact.dueAt ? (contact.firstResponseAt ?? input.until).getTime() > contact.dueAt.getTime() : null;

  const contacts = [...input.contacts].sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime());
  const coverage: ReportContact[] = [];
  for (const contact of contacts) {
    const client = clientSuffix(contact.clientId);
    const from = fromOf(contact);
    const own = messagesOf.get(contact.id) ?? [];
    // Who the contact went to when it arrived (the owner holds the open ones since her return).
    let routedTo = contact.assigneeId;
    if (contact.kind === 'email') {
      const routed = take('coverage.contact_routed', contact.id);
      const assignee = typeof routed?.data.delegateId === 'string' ? routed.data.delegateId : contact.assigneeId;
      const role = typeof routed?.data.role === 'string' ? (routed.data.role as AssigneeRole) : contact.assigneeRole;
      routedTo = assignee;
      const first = own[0];
      add(
        contact.receivedAt,
        'contact',
        t('fact.email_received', { from, client, subject: contact.subject, assignee: nameOf(assignee), role: t(`role.${role}`) }),
        sourceOr(routed, first ? { type: 'message', id: first.id, hash: first.rawSha256 } : { type: 'contact', id: contact.id }),
      );
      for (const message of own.slice(1)) {
        const joined = take('coverage.message_joined', contact.id, (event) => event.data.messageId === message.id);
        add(
          message.receivedAt,
          'contact',
          t('fact.email_joined', { from: fromOf(message), client, subject: message.subject }),
          sourceOr(joined, { type: 'message', id: message.id, hash: message.rawSha256 }),
        );
      }
      if (contact.firstResponseAt) {
        const response =
          take('coverage.replied', contact.id, (event) => event.occurredAt.getTime() === contact.firstResponseAt?.getTime()) ??
          take('coverage.call_logged', contact.id, (event) => event.occurredAt.getTime() === contact.firstResponseAt?.getTime());
        const breached = slaBreachedOf(contact);
        const minutes = (contact.firstResponseAt.getTime() - contact.receivedAt.getTime()) / 60_000;
        add(
          contact.firstResponseAt,
          'response',
          t('fact.first_response', {
            actor: nameOf(contact.firstResponderId),
            from,
            client,
            minutes: formatDuration(minutes, language),
            sla: contact.dueAt ? t(breached ? 'fact.sla_breached' : 'fact.sla_met', { due: time(contact.dueAt) }) : '',
          }),
          sourceOr(response, { type: 'contact', id: contact.id }),
        );
      }
    } else {
      const logged = take('coverage.call_logged', contact.id);
      add(
        contact.receivedAt,
        'contact',
        t('fact.call_logged', {
          actor: nameOf(contact.createdBy ?? contact.firstResponderId),
          kind: t(`fact.kind.${contact.kind}`),
          with: contact.fromName || t('unknown_sender'),
          client,
          summary: contact.excerpt,
        }),
        sourceOr(logged, { type: 'contact', id: contact.id }),
      );
    }
    if (contact.outcome) {
      const recorded = take('coverage.outcome_recorded', contact.id);
      add(
        recorded?.occurredAt ?? contact.closedAt ?? contact.receivedAt,
        'outcome',
        t(contact.outcomeNote ? 'fact.outcome_note' : 'fact.outcome', {
          actor: nameOf(recorded?.actorId ?? contact.closedBy),
          outcome: t(`outcome.${contact.outcome}`),
          from,
          client,
          note: contact.outcomeNote ?? '',
        }),
        sourceOr(recorded, { type: 'contact', id: contact.id }),
      );
    }
    for (const message of own) {
      const reply = autoRepliedMessages.get(message.id);
      if (!reply) continue;
      const event = take('mail.auto_replied', message.id);
      add(
        event?.occurredAt ?? reply.queuedAt,
        'auto_reply',
        t('fact.auto_reply', { to: reply.sender, client }),
        sourceOr(event, { type: 'auto_reply', id: message.id }),
      );
    }
    const handler = contact.firstResponderId ?? contact.closedBy ?? routedTo;
    coverage.push({
      id: contact.id,
      receivedAt: iso(contact.receivedAt),
      kind: contact.kind,
      client: clientName(contact.clientId),
      from,
      subject: contact.subject,
      handledBy: nameOf(handler),
      handledByRole: roleOf(handler, contact.assigneeRole),
      firstResponseAt: contact.firstResponseAt ? iso(contact.firstResponseAt) : null,
      firstResponseBy: contact.firstResponderId ? nameOf(contact.firstResponderId) : null,
      firstResponseMinutes:
        contact.kind === 'email' && contact.firstResponseAt
          ? Math.round((contact.firstResponseAt.getTime() - contact.receivedAt.getTime()) / 60_000)
          : null,
      dueAt: contact.dueAt ? iso(contact.dueAt) : null,
      slaBreached: slaBreachedOf(contact),
      outcome: contact.outcome,
      note: contact.outcomeNote,
      state: contact.state,
      messages: contact.messageCount,
      autoReplies: own.filter((message) => autoRepliedMessages.has(message.id)).length,
    });
  }
  // Auto-replies to messages that opened no contact (an unknown sender's only message, say) are facts too.
  const messageIds = new Set(input.messages.map((message) => message.id));
  for (const reply of input.autoReplies) {
    if (messageIds.has(reply.messageId)) continue;
    const event = take('mail.auto_replied', reply.messageId);
    add(
      event?.occurredAt ?? reply.queuedAt,
      'auto_reply',
      t('fact.auto_reply', { to: reply.sender, client: clientSuffix(reply.clientId) }),
      sourceOr(event, { type: 'auto_reply', id: reply.messageId }),
    );
  }

  const escalations = [...input.escalations]
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
    .map((escalation) => {
      const contact = contactsById.get(escalation.contactId);
      const from = contact ? fromOf(contact) : t('unknown_sender');
      const client = clientSuffix(contact?.clientId);
      const rule = t(`rule.${escalation.rule}`);
      const raised = take('coverage.escalated', escalation.contactId, (event) => event.data.escalationId === escalation.id);
      add(
        escalation.createdAt,
        'escalation',
        t('fact.escalated', { recipient: nameOf(escalation.recipientId), target: t(`target.${escalation.target}`), rule, from, client }),
        sourceOr(raised, { type: 'escalation', id: escalation.id }),
      );
      const acknowledged = take('coverage.escalation_acknowledged', escalation.id);
      // Resolving an escalation nobody acknowledged sets both times: one fact then, the resolution.
      const acknowledgedApart =
        escalation.acknowledgedAt !== null && escalation.acknowledgedAt.getTime() !== escalation.resolvedAt?.getTime();
      if (acknowledged || acknowledgedApart) {
        add(
          acknowledged?.occurredAt ?? escalation.acknowledgedAt ?? escalation.createdAt,
          'escalation',
          t('fact.escalation_acknowledged', { actor: nameOf(acknowledged?.actorId ?? escalation.acknowledgedBy), rule, from, client }),
          sourceOr(acknowledged, { type: 'escalation', id: escalation.id }),
        );
      }
      if (escalation.resolvedAt) {
        const resolved = take('coverage.escalation_resolved', escalation.id);
        add(
          resolved?.occurredAt ?? escalation.resolvedAt,
          'escalation',
          t(escalation.resolutionNote ? 'fact.escalation_resolved_note' : 'fact.escalation_resolved', {
            actor: nameOf(resolved?.actorId ?? escalation.resolvedBy),
            rule,
            from,
            client,
            note: escalation.resolutionNote ?? '',
          }),
          sourceOr(resolved, { type: 'escalation', id: escalation.id }),
        );
      }
      return {
        id: escalation.id,
        at: iso(escalation.createdAt),
        client: clientName(contact?.clientId),
        contactSubject: contact?.subject ?? '',
        rule: escalation.rule,
        target: escalation.target,
        recipient: nameOf(escalation.recipientId),
        state: escalation.state,
        acknowledgedAt: escalation.acknowledgedAt ? iso(escalation.acknowledgedAt) : null,
        acknowledgedBy: escalation.acknowledgedBy ? nameOf(escalation.acknowledgedBy) : null,
        resolvedAt: escalation.resolvedAt ? iso(escalation.resolvedAt) : null,
        resolvedBy: escalation.resolvedBy ? nameOf(escalation.resolvedBy) : null,
        resolutionNote: escalation.resolutionNote,
      };
    });

  // ---- return and recovery ----
  const returned = take('absence.returned', absence.id);
  if (returned || absence.returnedAt) {
    add(
      returned?.occurredAt ?? absence.returnedAt ?? absence.endsAt,
      'return',
      returned?.data.early === true ? t('fact.returned_early', { owner: nameOf(absence.ownerId) }) : t('fact.returned'),
      sourceOr(returned, { type: 'absence', id: absence.id }),
    );
  }
  const recoveryCalls = [...input.recoveryCalls].sort((a, b) => a.calledAt.getTime() - b.calledAt.getTime());
  const callEvents = new Map(
    events.filter((event) => event.action === 'recovery.call_logged').map((event) => [String(event.data.callId), event] as const),
  );
  for (const call of recoveryCalls) {
    const event = callEvents.get(call.id) ?? null;
    if (event) used.add(event.seq);
    const values = {
      actor: nameOf(call.calledBy),
      client: clientName(call.clientId) ?? t('unknown_client'),
      outcome: t(`call.${call.outcome}`),
      notes: call.notes,
      reason: call.lostReason ?? '',
    };
    add(
      call.calledAt,
      'recovery',
      t(call.lostReason ? 'fact.recovery_call_lost' : call.notes ? 'fact.recovery_call_notes' : 'fact.recovery_call', values),
      sourceOr(event, { type: 'recovery_call', id: call.id }),
    );
  }

  // ---- facts only the audit log holds ----
  const since = (absence.startedAt ?? absence.startsAt).getTime();
  for (const event of events) {
    if (used.has(event.seq) || !auditOnlyActions.has(event.action)) continue;
    const data = event.data;
    const text = (key: string, values: Record<string, unknown> = {}) => t(key, { actor: nameOf(event.actorId), ...values });
    const contact = contactsById.get(event.subjectId);
    const about = contact ? { from: fromOf(contact), client: clientSuffix(contact.clientId) } : null;
    const entry = ((): [TimelineKind, string] | null => {
      switch (event.action) {
        case 'briefs.shared':
          return ['brief', text('fact.briefs_shared', { count: data.versionHashes ? Object.keys(data.versionHashes).length : 0 })];
        case 'absence.readiness_reached':
          return ['readiness', t('fact.readiness_reached')];
        case 'absence.started_with_gap': {
          const blockers = Array.isArray(data.blockers) ? (data.blockers as { clientName?: string; reason?: string }[]) : [];
          const items = blockers.map((blocker) =>
            t(`blocker.${blocker.reason ?? 'not_acknowledged'}`, { client: blocker.clientName ?? '' }),
          );
          return ['readiness', t('fact.started_with_gap', { items: items.join('; ') })];
        }
        case 'coverage.handed_off':
          return about
            ? [
                'hand_off',
                text('fact.handed_off', {
                  ...about,
                  to: nameOf(typeof data.to === 'string' ? data.to : null),
                  role: t(`role.${typeof data.role === 'string' ? data.role : 'backup'}`),
                }),
              ]
            : null;
        case 'coverage.replied':
          return about ? ['response', text('fact.replied', { to: String(data.to ?? ''), client: about.client })] : null;
        case 'coverage.call_logged':
          return about
            ? [
                'contact',
                text('fact.call_logged_short', {
                  kind: t(`fact.kind.${data.kind === 'meeting' ? 'meeting' : 'call'}`),
                  with: String(data.with ?? ''),
                  client: about.client,
                }),
              ]
            : null;
        case 'coverage.handed_back': {
          const count = Array.isArray(data.contacts) ? data.contacts.length : 0;
          return ['return', t('fact.handed_back', { count, owner: nameOf(absence.ownerId) })];
        }
        case 'absence.closed':
          return ['return', text('fact.closed')];
        case 'recovery.message_sent':
          return data.absenceId === absence.id
            ? ['recovery', text('fact.recovery_message', { to: String(data.to ?? ''), client: clientName(String(data.clientId)) ?? '' })]
            : null;
        case 'client.status_changed': {
          const name = clientName(event.subjectId);
          if (!name || event.occurredAt.getTime() < since) return null;
          const values = {
            client: name,
            from: t(`client_status.${String(data.from)}`),
            to: t(`client_status.${String(data.to)}`),
            reason: typeof data.reason === 'string' ? data.reason : '',
          };
          return ['client_status', t(values.reason ? 'fact.status_changed_reason' : 'fact.status_changed', values)];
        }
        case 'recovery.win_back_logged': {
          const name = clientName(event.subjectId);
          if (!name || event.occurredAt.getTime() < since) return null;
          const note = typeof data.note === 'string' ? data.note : '';
          return ['recovery', text(note ? 'fact.win_back_logged_note' : 'fact.win_back_logged', { client: name, day: data.day, note })];
        }
        default:
          return null;
      }
    })();
    if (entry) add(event.occurredAt, entry[0], entry[1], auditSource(event));
  }

  // Same minute: audit events in chain order first, then facts known from records only.
  const seqOf = (entry: TimelineEntry) => entry.source.seq ?? Number.MAX_SAFE_INTEGER;
  timeline.sort((a, b) => a.at.localeCompare(b.at) || seqOf(a) - seqOf(b) || a.order - b.order);

  // ---- emails quoted, recovery lists, figures ----
  const emails: ReportEmail[] = [];
  const sortedMessages = [...input.messages].sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime() || a.id.localeCompare(b.id));
  sortedMessages.forEach((message, index) => {
    const text = message.textBody.trim();
    const contact = contactsById.get(message.contactId);
    emails.push({
      messageId: message.id,
      client: clientName(contact?.clientId),
      from: fromOf(message),
      subject: message.subject,
      receivedAt: iso(message.receivedAt),
      text: text.length > QUOTE_LIMIT ? `${text.slice(0, QUOTE_LIMIT)}…` : text,
      truncated: text.length > QUOTE_LIMIT,
      rawSha256: message.rawSha256,
      filename: `email-${String(index + 1).padStart(4, '0')}-${message.rawSha256.slice(0, 8)}.eml`,
    });
  });

  const lastStatusChange = new Map<string, AuditFact>();
  for (const event of events) if (event.action === 'client.status_changed') lastStatusChange.set(event.subjectId, event);
  const recoveryClients = input.clients
    .filter((client) => client.status === 'lost' || client.status === 'won_back')
    .map((client) => {
      const change = lastStatusChange.get(client.id);
      return {
        client: client.name,
        status: client.status,
        since: change ? iso(change.occurredAt) : null,
        reason: change && typeof change.data.reason === 'string' ? change.data.reason : null,
      };
    });

  const totals = summariseClient(
    input.contacts.map((contact) => ({ ...contact })),
    input.escalations,
    input.until,
    { autoReplies: input.autoReplies.length, statusLinkViews: 0 },
  );
  const summary: SummaryFigures = {
    readinessAtDeparture,
    gateOverridden: Boolean(override) || Boolean(overridden),
    briefs: input.briefs.length,
    briefsAcknowledged: input.briefs.filter((brief) =>
      brief.acknowledgements.some((ack) => ack.delegateRole === 'primary' && ack.version === brief.currentVersion && !ack.supersededAt),
    ).length,
    questionsAsked: input.briefs.reduce((sum, brief) => sum + brief.questions.length, 0),
    questionsAnswered: input.briefs.reduce((sum, brief) => sum + brief.questions.filter((question) => question.answer !== null).length, 0),
    contacts: totals.counts.contacts,
    emails: totals.counts.emails,
    calls: totals.counts.calls,
    messages: totals.counts.messages,
    clientsWithContacts: new Set(input.contacts.flatMap((contact) => (contact.clientId ? [contact.clientId] : []))).size,
    answered: totals.counts.answered,
    open: totals.counts.open,
    noInformation: totals.counts.noInformation,
    waitingForOwner: totals.counts.waitingForOwner,
    slaBreached: coverage.filter((contact) => contact.slaBreached === true).length,
    medianFirstResponseMinutes: totals.medianFirstResponseMinutes === null ? null : Math.round(totals.medianFirstResponseMinutes),
    escalations: totals.counts.escalations,
    autoReplies: input.autoReplies.length,
    recoveryCalls: input.recoveryCalls.length,
    clientsLost: input.clients.filter((client) => client.status === 'lost').length,
    clientsWonBack: input.clients.filter((client) => client.status === 'won_back').length,
  };

  return {
    format: 'baton.report/1',
    language,
    timeZone,
    generatedAt: iso(input.generatedAt),
    status: input.status,
    absence: {
      id: absence.id,
      workspace: input.workspaceName,
      owner: nameOf(absence.ownerId),
      manager: nameOf(absence.managerId),
      primaryDelegate: nameOf(absence.primaryDelegateId),
      backupDelegate: absence.backupDelegateId ? nameOf(absence.backupDelegateId) : null,
      startsAt: iso(absence.startsAt),
      endsAt: iso(absence.endsAt),
      startedAt: absence.startedAt ? iso(absence.startedAt) : null,
      returnedAt: absence.returnedAt ? iso(absence.returnedAt) : null,
    },
    handover: {
      briefs,
      readinessAtDeparture,
      gateOpenAtDeparture,
      override: override ? { by: nameOf(override.by), reason: override.reason, at: override.at } : null,
    },
    summary,
    coverage,
    escalations,
    emails,
    recovery: {
      calls: recoveryCalls.map((call) => ({
        id: call.id,
        at: iso(call.calledAt),
        client: clientName(call.clientId) ?? t('unknown_client'),
        outcome: call.outcome,
        by: call.calledBy ? nameOf(call.calledBy) : null,
        notes: call.notes,
        nextStep: call.nextStep,
        lostReason: call.lostReason,
        retryOn: call.retryOn,
      })),
      clients: recoveryClients,
    },
    timeline: timeline.map(({ order: _order, ...entry }) => entry),
    narrative: input.narrative ? { text: input.narrative.text, savedAt: iso(input.narrative.savedAt) } : null,
  };
}

type Viewer = { user: { id: string } };
type AbsencePeople = { ownerId: string; managerId: string };

/** The owner reads her report always; the manager of the absence once she has sent it to him; nobody else. */
export function reportViewer(principal: Viewer, absence: AbsencePeople, sent: boolean): 'owner' | 'manager' | null {
  if (principal.user.id === absence.ownerId) return 'owner';
  if (principal.user.id === absence.managerId && sent) return 'manager';
  return null;
}

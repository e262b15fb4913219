import { describe, expect, it } from 'vitest';
import { formatReportTime } from './report.format';
import { renderReportHtml } from './report.html';
import { renderReportMarkdown } from './report.markdown';
import { type AuditFact, buildReportDocument, type ReportInput, reportViewer } from './report.models';
import { pdfText } from './report.pdf';

const at = (iso: string) => new Date(iso);
const ids = {
  absence: '00000000-0000-4000-8000-00000000000a',
  anna: 'u-anna',
  peter: 'u-peter',
  sara: 'u-sara',
  marco: 'u-marco',
  orsini: 'c-orsini',
  vini: 'c-vini',
  brief: 'b-orsini',
  ack: 'ack-1',
  question: 'q-1',
  email: 'k-email',
  call: 'k-call',
  message1: 'm-1',
  message2: 'm-2',
  escalation: 'e-1',
};
const hashOf = (n: number) => n.toString(16).padStart(64, 'a');

let seq = 0;
const event = (
  action: string,
  subjectId: string,
  occurredAt: string,
  data: Record<string, unknown> = {},
  actorId: string | null = null,
): AuditFact => {
  seq += 1;
  return { seq, hash: hashOf(1000 + seq), occurredAt: at(occurredAt), actorId, action, subjectType: 'x', subjectId, data };
};

/** Anna's absence: Orsini's brief v3 acknowledged by Peter with a read-back; Giulia writes twice; a `no_information` call. */
function input(overrides: Partial<ReportInput> = {}): ReportInput {
  seq = 0;
  const audit = [
    event('brief.version_created', ids.brief, '2026-07-01T08:00:00Z', { version: 3 }, ids.anna),
    event('brief.acknowledged', ids.brief, '2026-07-01T07:12:00Z', { acknowledgementId: ids.ack }, ids.peter),
    event('brief.question_asked', ids.question, '2026-07-01T09:00:00Z', {}, ids.sara),
    event('brief.question_answered', ids.question, '2026-07-01T10:00:00Z', {}, ids.anna),
    event('absence.started', ids.absence, '2026-07-02T06:00:00Z', { readiness: 1, gateOpen: true, overridden: false }),
    event('coverage.contact_routed', ids.email, '2026-07-03T08:00:00Z', { delegateId: ids.peter, role: 'primary' }),
    event('mail.auto_replied', ids.message1, '2026-07-03T08:00:01Z'),
    event('coverage.message_joined', ids.email, '2026-07-03T12:00:00Z', { messageId: ids.message2 }),
    event('coverage.call_logged', ids.call, '2026-07-03T13:00:00Z', { kind: 'call', with: 'Giulia Orsini' }, ids.peter),
    event('coverage.outcome_recorded', ids.call, '2026-07-03T13:05:00Z', { outcome: 'no_information' }, ids.peter),
    event('coverage.escalated', ids.call, '2026-07-03T13:05:00Z', { escalationId: ids.escalation }),
    event('coverage.escalation_resolved', ids.escalation, '2026-07-03T15:00:00Z', { note: 'Called Giulia' }, ids.marco),
    event('debrief.answer_recorded', ids.absence, '2026-07-20T10:00:00Z', { answer: 'private' }, ids.anna),
    event('absence.returned', ids.absence, '2026-07-19T07:00:00Z', { early: false }),
    event(
      'client.status_changed',
      ids.orsini,
      '2026-07-20T09:00:00Z',
      { from: 'at_risk', to: 'lost', reason: 'Moved to a competitor' },
      ids.anna,
    ),
  ];
  return {
    language: 'en',
    timeZone: 'Europe/Rome',
    generatedAt: at('2026-07-21T08:00:00Z'),
    status: 'draft',
    workspaceName: 'Ferri & Bellini',
    absence: {
      id: ids.absence,
      ownerId: ids.anna,
      managerId: ids.marco,
      primaryDelegateId: ids.peter,
      backupDelegateId: ids.sara,
      startsAt: at('2026-07-02T06:00:00Z'),
      endsAt: at('2026-07-19T07:00:00Z'),
      startedAt: at('2026-07-02T06:00:00Z'),
      returnedAt: at('2026-07-19T07:00:00Z'),
      createdAt: at('2026-06-20T08:00:00Z'),
      gateOverride: null,
    },
    people: new Map([
      [ids.anna, 'Anna Ferri'],
      [ids.peter, 'Peter Marsh'],
      [ids.sara, 'Sara Colombo'],
      [ids.marco, 'Marco Bellini'],
    ]),
    clients: [
      { id: ids.orsini, name: 'Orsini Costruzioni', tier: 'key', status: 'lost' },
      { id: ids.vini, name: 'Vini Lucchesi', tier: 'standard', status: 'active' },
    ],
    briefs: [
      {
        id: ids.brief,
        clientId: ids.orsini,
        clientName: 'Orsini Costruzioni',
        projectName: 'Website relaunch',
        keyAccount: true,
        currentVersion: 3,
        versions: [{ version: 3, contentHash: hashOf(3), createdAt: at('2026-07-01T08:00:00Z'), createdBy: ids.anna }],
        acknowledgements: [
          {
            id: ids.ack,
            delegateId: ids.peter,
            delegateRole: 'primary',
            version: 3,
            contentHash: hashOf(3),
            acknowledgedAt: at('2026-07-01T07:12:00Z'),
            readBack: 'ok, no problem',
            readBackStatus: 'accepted',
            reviewedAt: null,
            ownerNote: null,
            supersededAt: null,
          },
        ],
        questions: [
          {
            id: ids.question,
            askedBy: ids.sara,
            question: 'Who approves the new date?',
            askedAt: at('2026-07-01T09:00:00Z'),
            answer: 'Giulia, the CFO.',
            answeredBy: ids.anna,
            answeredAt: at('2026-07-01T10:00:00Z'),
          },
        ],
      },
    ],
    contacts: [
      {
        id: ids.email,
        kind: 'email',
        clientId: ids.orsini,
        fromName: 'Giulia Orsini',
        fromAddress: 'giulia@orsini.example',
        subject: 'Go-live',
        excerpt: 'When is the go-live?',
        receivedAt: at('2026-07-03T08:00:00Z'),
        // Handed back to the owner on her return: the report still says whom it went to.
        assigneeId: ids.anna,
        assigneeRole: 'owner',
        firstResponseAt: null,
        firstResponderId: null,
        dueAt: at('2026-07-03T15:00:00Z'),
        outcome: null,
        outcomeNote: null,
        state: 'open',
        closedAt: null,
        closedBy: null,
        createdBy: null,
        messageCount: 2,
        signals: null,
      },
      {
        id: ids.call,
        kind: 'call',
        clientId: ids.orsini,
        fromName: 'Giulia Orsini',
        fromAddress: null,
        subject: 'Giulia Orsini',
        excerpt: 'She asked for the new go-live date.',
        receivedAt: at('2026-07-03T13:00:00Z'),
        assigneeId: ids.peter,
        assigneeRole: 'primary',
        firstResponseAt: at('2026-07-03T13:00:00Z'),
        firstResponderId: ids.peter,
        dueAt: null,
        outcome: 'no_information',
        outcomeNote: 'No details on the new date were left.',
        state: 'closed',
        closedAt: at('2026-07-03T13:05:00Z'),
        closedBy: ids.peter,
        createdBy: ids.peter,
        messageCount: 0,
        signals: null,
      },
    ],
    messages: [
      {
        id: ids.message1,
        contactId: ids.email,
        fromName: 'Giulia Orsini',
        fromAddress: 'giulia@orsini.example',
        subject: 'Go-live',
        receivedAt: at('2026-07-03T08:00:00Z'),
        textBody: 'When is the go-live now?',
        rawSha256: hashOf(11),
      },
      {
        id: ids.message2,
        contactId: ids.email,
        fromName: 'Giulia Orsini',
        fromAddress: 'giulia@orsini.example',
        subject: 'Re: Go-live',
        receivedAt: at('2026-07-03T12:00:00Z'),
        textBody: 'Still waiting for an answer.',
        rawSha256: hashOf(12),
      },
    ],
    escalations: [
      {
        id: ids.escalation,
        contactId: ids.call,
        rule: 'no_information',
        target: 'manager',
        recipientId: ids.marco,
        state: 'resolved',
        createdAt: at('2026-07-03T13:05:00Z'),
        // Resolved without a separate acknowledgement: both times are the resolution's.
        acknowledgedAt: at('2026-07-03T15:00:00Z'),
        acknowledgedBy: ids.marco,
        resolvedAt: at('2026-07-03T15:00:00Z'),
        resolvedBy: ids.marco,
        resolutionNote: 'Called Giulia',
      },
    ],
    autoReplies: [{ messageId: ids.message1, clientId: ids.orsini, sender: 'giulia@orsini.example', queuedAt: at('2026-07-03T08:00:01Z') }],
    recoveryCalls: [],
    audit,
    narrative: null,
    until: at('2026-07-19T07:00:00Z'),
    ...overrides,
  };
}

const texts = (document: ReturnType<typeof buildReportDocument>) => document.timeline.map((entry) => entry.text);

describe('the report document', () => {
  it('states the handover as facts with hash, time and read-back, each from its audit event', () => {
    const document = buildReportDocument(input());
    const ack = document.timeline.find((entry) => entry.kind === 'acknowledgement');
    expect(ack?.text).toBe(
      `Peter Marsh (primary delegate) acknowledged version 3 of the brief for Orsini Costruzioni (sha256 ${hashOf(3).slice(0, 12)}) with the read-back: “ok, no problem”`,
    );
    // 07:12 UTC is 09:12 in Rome in July; the renderers print the instant in the workspace's zone.
    expect(ack?.at).toBe('2026-07-01T07:12:00.000Z');
    expect(formatReportTime(ack?.at ?? '', 'Europe/Rome')).toBe('01/07/2026 09:12');
    expect(formatReportTime('2026-12-31T23:30:00Z', 'Europe/Rome')).toBe('01/01/2027 00:30');
    // Across the clock changes of the workspace's zone.
    expect(formatReportTime('2026-03-29T00:59:00Z', 'Europe/Rome')).toBe('29/03/2026 01:59');
    expect(formatReportTime('2026-03-29T01:00:00Z', 'Europe/Rome')).toBe('29/03/2026 03:00');
    expect(formatReportTime('2026-10-25T00:59:00Z', 'Europe/Rome')).toBe('25/10/2026 02:59');
    expect(formatReportTime('2026-10-25T01:00:00Z', 'Europe/Rome')).toBe('25/10/2026 02:00');
    expect(ack?.source).toEqual({ type: 'audit', id: '2', seq: 2, hash: hashOf(1002) });
    expect(texts(document)).toContain('Sara Colombo asked a question on the brief for Orsini Costruzioni: “Who approves the new date?”');
    expect(texts(document)).toContain(
      'Anna Ferri answered the question of Sara Colombo on the brief for Orsini Costruzioni: “Giulia, the CFO.”',
    );
    expect(texts(document)).toContain('The absence started; readiness at departure 100 %, handover gate open.');
    expect(document.handover).toMatchObject({ readinessAtDeparture: 1, gateOpenAtDeparture: true, override: null });
  });

  it('states every contact with its channel, who it went to, the outcome and its note; the SLA as passed or met', () => {
    const document = buildReportDocument(input());
    expect(texts(document)).toContain(
      'Email from Giulia Orsini <giulia@orsini.example> (Orsini Costruzioni), subject “Go-live”; assigned to Peter Marsh (primary delegate).',
    );
    expect(texts(document)).toContain(
      'Peter Marsh recorded the outcome “no information available” for the contact from Giulia Orsini (Orsini Costruzioni), with the note: “No details on the new date were left.”',
    );
    const [email, call] = document.coverage;
    expect(email).toMatchObject({
      kind: 'email',
      handledBy: 'Peter Marsh',
      handledByRole: 'primary',
      slaBreached: true,
      firstResponseAt: null,
    });
    expect(call).toMatchObject({
      kind: 'call',
      outcome: 'no_information',
      note: 'No details on the new date were left.',
      slaBreached: null,
    });
    expect(document.summary).toMatchObject({
      contacts: 2,
      emails: 1,
      calls: 1,
      messages: 2,
      noInformation: 1,
      slaBreached: 1,
      autoReplies: 1,
    });
    // Resolved without an acknowledgement of its own: raised, then resolved; no acknowledgement fact.
    expect(document.timeline.filter((entry) => entry.kind === 'escalation').map((entry) => entry.text)).toEqual([
      'Escalation to Marco Bellini (manager), rule “no information available”, for the contact from Giulia Orsini (Orsini Costruzioni).',
      'Marco Bellini resolved the escalation “no information available” for the contact from Giulia Orsini (Orsini Costruzioni), with the note: “Called Giulia”',
    ]);
    expect(document.emails.map((email) => email.text)).toEqual(['When is the go-live now?', 'Still waiting for an answer.']);
    expect(document.recovery.clients).toEqual([
      { client: 'Orsini Costruzioni', status: 'lost', since: '2026-07-20T09:00:00.000Z', reason: 'Moved to a competitor' },
    ]);
  });

  it('gives every entry a source, and leaves out what it does not know (the debrief among them)', () => {
    const document = buildReportDocument(input());
    for (const entry of document.timeline) {
      expect(entry.source.id).toBeTruthy();
      if (entry.source.type === 'audit') expect(entry.source.hash).toMatch(/^[0-9a-f]{64}$/);
    }
    expect(JSON.stringify(document)).not.toContain('private');
    expect(document.timeline.map((entry) => entry.at)).toEqual([...document.timeline.map((entry) => entry.at)].sort());
  });

  it('falls back to the records as sources when the audit log has no event for a fact', () => {
    const document = buildReportDocument(input({ audit: [] }));
    const received = document.timeline.find((entry) => entry.text.startsWith('Email from'));
    expect(received?.source).toEqual({ type: 'message', id: ids.message1, hash: hashOf(11) });
    expect(document.timeline.find((entry) => entry.kind === 'acknowledgement')?.source).toEqual({
      type: 'acknowledgement',
      id: ids.ack,
      hash: hashOf(3),
    });
  });

  it('writes every fact in Italian for an Italian owner', () => {
    const document = buildReportDocument(input({ language: 'it' }));
    expect(texts(document)).toContain(
      `Peter Marsh (sostituto principale) ha confermato la versione 3 del brief per Orsini Costruzioni (sha256 ${hashOf(3).slice(0, 12)}) con la sintesi: «ok, no problem»`,
    );
    expect(texts(document)).toContain(
      'Lo stato di Orsini Costruzioni è passato da «a rischio» a «perso»; motivo registrato: «Moved to a competitor»',
    );
    expect(texts(document).join(' ')).not.toMatch(/ acknowledged | recorded the outcome |Email from /);
  });

  it.each(['en', 'it'] as const)('states facts without judging anyone (%s)', (language) => {
    const loaded =
      language === 'en'
        ? /\b(late|failed|fail|ignored|neglect\w*|lazy|careless|unfortunately|poor|should have|blame|fault)\b/i
        : /\b(ritardo|fallit\w*|ignorat\w*|neglig\w*|pigr\w*|purtroppo|avrebbe dovuto|colpa|sbagliat\w*)\b/i;
    const document = buildReportDocument(input({ language }));
    for (const text of texts(document)) expect(text).not.toMatch(loaded);
  });
});

describe('who reads the report', () => {
  const absence = { ownerId: ids.anna, managerId: ids.marco };
  it.each([
    [ids.anna, false, 'owner'],
    [ids.anna, true, 'owner'],
    [ids.marco, false, null],
    [ids.marco, true, 'manager'],
    [ids.peter, true, null],
    [ids.sara, true, null],
  ] as const)('%s, sent %s → %s', (userId, sent, expected) => {
    expect(reportViewer({ user: { id: userId } }, absence, sent)).toBe(expected);
  });
});

describe('the exports of what clients wrote', () => {
  const hostile = () => {
    const base = input();
    return buildReportDocument({
      ...base,
      messages: base.messages.map((message) => ({
        ...message,
        subject: '<script>alert(1)</script> | **urgent**',
        textBody: '# Heading?\n- list?\n1. number?\n<img src=x onerror=alert(1)> [link](javascript:alert(1))',
      })),
    });
  };
  const links = { emailUrl: (id: string) => `https://baton.example/api/mail/messages/${id}/raw` };

  it('escapes every value in the HTML, which runs no script and loads nothing', () => {
    const html = renderReportHtml(hostile(), links);
    expect(html).not.toMatch(/<script|<img|<link/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('href="https://baton.example/api/mail/messages/m-1/raw"');
  });

  it('escapes Markdown syntax and HTML in the Markdown', () => {
    const markdown = renderReportMarkdown(hostile(), links);
    expect(markdown).not.toMatch(/(?<!\\)<(script|img)/);
    expect(markdown).toContain('> \\# Heading?');
    expect(markdown).toContain('> \\- list?');
    expect(markdown).toContain('> 1\\. number?');
    expect(markdown).toContain('\\[link\\](javascript:alert(1))');
    // A cell's pipe does not split the table.
    expect(markdown).toContain('\\<script\\>alert(1)\\</script\\> \\| \\*\\*urgent\\*\\*');
  });

  it('prints what the standard PDF fonts cannot draw as "?" instead of garbage', () => {
    expect(pdfText('Perché “sì” – 5 € ok')).toBe('Perché “sì” – 5 € ok');
    expect(pdfText('Привет 😀')).toBe('?????? ?');
  });
});

import { and, asc, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DebriefView } from '../../src/contracts/debrief.contracts';
import { auditEvents } from '../../src/domains/audit/audit.schema';
import { notifications } from '../../src/domains/notifications/notifications.schema';
import { outboxMessages } from '../../src/domains/outbox/outbox.schema';
import { createDebriefRepository } from '../../src/domains/reports/debrief.repository';
import { debriefFindings } from '../../src/domains/reports/debrief.schema';
import { createDebriefs } from '../../src/domains/reports/debrief.usecases';
import { absenceWithTroubledClients } from '../recovery/setup';
import { createTestBaton, TEST_PASSWORD, type TestBaton } from '../support/test-baton';

type Fixture = Awaited<ReturnType<typeof absenceWithTroubledClients>>;
type Session = Fixture['sessions']['owner'];

const PETER_ANSWER = 'The brief said the go-live moved, but not to which date; I looked in the shared folder too.';
const ANNA_NOTE = 'Check whether the new date was in my notes rather than in the brief.';
const FINDING_NOTE = 'Three key accounts in the same week as his own deadline.';
const REASON = 'He planned to call Orsini back after checking with the agency, and the week ran out.';

describe('the debrief with the delegate: neutral questions, answers, findings, seen only by those it concerns', () => {
  let t: TestBaton;
  let f: Fixture;
  let otherManager: Session;
  let otherWorkspace: Session;
  let debriefId: string;
  const debriefUrl = () => `/api/absences/${f.absence.id}/debrief`;
  const view = async (session: Session) => (await session.request('GET', debriefUrl())).json() as DebriefView;
  const debriefAudit = async () =>
    t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.workspaceId, f.workspace.id), like(auditEvents.action, 'debrief.%')))
      .orderBy(asc(auditEvents.seq));

  beforeAll(async () => {
    t = await createTestBaton({ PUBLIC_URL: 'https://baton.example.test' });
    f = await absenceWithTroubledClients(t);
    const manager = await t.deps.members.createUser({
      workspaceId: f.workspace.id,
      email: `other-manager-${f.workspace.slug}@example.test`,
      name: 'Other Manager',
      role: 'manager',
      language: 'en',
      password: TEST_PASSWORD,
    });
    otherManager = await t.signIn(manager.email);
    const other = await t.createWorkspaceWithUsers(['admin']);
    otherWorkspace = await t.signIn(other.users[0]?.email ?? '');
  });
  afterAll(() => t.close());

  it('cannot be opened before the owner is back', async () => {
    const early = await f.sessions.owner.request('POST', debriefUrl(), {});
    expect([early.statusCode, early.json().error.code]).toEqual([409, 'debrief.not_returned']);
    const before = await f.sessions.owner.request('GET', debriefUrl());
    expect(before.statusCode).toBe(200);
    expect(before.json()).toMatchObject({ viewer: { role: 'owner', organises: true }, debrief: null });
    // Nobody else learns whether there is (or will be) a debrief.
    expect((await f.sessions.primary.request('GET', debriefUrl())).statusCode).toBe(404);
    expect(await debriefAudit()).toEqual([]);
  });

  it('is opened once, after the return, by the owner or the manager, with questions about the clients in trouble', async () => {
    await f.sessions.owner.request('POST', `/api/absences/${f.absence.id}/return`, {});
    await t.runJobs();

    const byDelegate = await f.sessions.primary.request('POST', debriefUrl(), {});
    expect([byDelegate.statusCode, byDelegate.json().error.code]).toEqual([403, 'debrief.not_organiser']);
    for (const session of [f.sessions.outsider, f.sessions.admin, otherManager, otherWorkspace]) {
      expect((await session.request('POST', debriefUrl(), {})).statusCode).toBe(404);
    }

    const opened = await f.sessions.owner.request('POST', debriefUrl(), {});
    expect(opened.statusCode).toBe(201);
    const { debrief } = opened.json() as DebriefView;
    if (!debrief) throw new Error('no debrief');
    debriefId = debrief.id;
    expect(debrief).toMatchObject({ state: 'open', guideVersion: 1, answers: [], findings: [] });
    // The backup is concerned too: Orsini's unanswered thread was escalated to her.
    expect(debrief.delegates.map((delegate) => [delegate.id, delegate.role])).toEqual([
      [f.people.primary.id, 'primary'],
      [f.people.backup.id, 'backup'],
    ]);

    // Orsini (a “no information” call, an unanswered email) gets its own questions; Vini Lucchesi, answered in 40
    // minutes, does not.
    const clientQuestions = debrief.questions.filter((question) => question.clientId !== null);
    expect(clientQuestions.map((question) => [question.topic, question.clientName])).toEqual([
      ['client_information', 'Orsini Costruzioni'],
      ['client_difficulty', 'Orsini Costruzioni'],
    ]);
    expect(clientQuestions[0]?.text).toEqual({
      en: 'What information did you have when Orsini Costruzioni called on 23 March?',
      it: 'Quali informazioni avevi quando Orsini Costruzioni ha chiamato il 23 marzo?',
    });
    // The call was escalated for “no information”, the email thread for writing again unanswered.
    expect(clientQuestions[0]?.facts).toEqual({ noInformation: 1, escalated: 2, unanswered: 1 });
    expect(debrief.questions.map((question) => question.topic)).toEqual(
      expect.arrayContaining(['opening', 'brief', 'workload', 'tools', 'communication', 'helped']),
    );

    const again = await f.sessions.manager.request('POST', debriefUrl(), {});
    expect([again.statusCode, again.json().error.code]).toEqual([409, 'debrief.exists']);
  });

  it('tells the delegates, in their language, that they can write their answers beforehand', async () => {
    const kinds = await t.db.select().from(notifications).where(eq(notifications.userId, f.people.primary.id));
    expect(kinds.filter((row) => row.kind === 'debrief.opened').map((row) => row.link)).toEqual([`/absences/${f.absence.id}/debrief`]);
    const [mail] = await t.db
      .select()
      .from(outboxMessages)
      .where(and(eq(outboxMessages.kind, 'notification.debrief.opened'), eq(outboxMessages.toAddress, f.people.primary.email)));
    expect(mail?.subject).toBe(`Debrief on ${f.people.owner.name}’s absence: you can prepare your answers`);
    expect(mail?.textBody).toContain('what happened and how, not about who');
    expect(mail?.textBody).toContain(`https://baton.example.test/absences/${f.absence.id}/debrief`);
    const toOwner = await t.db.select().from(notifications).where(eq(notifications.userId, f.people.owner.id));
    expect(toOwner.filter((row) => row.kind === 'debrief.opened')).toEqual([]);
  });

  it('records each person’s own answers: the delegate’s, and the owner’s notes for the meeting', async () => {
    const peter = await f.sessions.primary.request('PUT', `/api/debriefs/${debriefId}/answers`, {
      questionId: 'brief',
      text: `  ${PETER_ANSWER}  `,
    });
    expect(peter.statusCode).toBe(200);
    expect(peter.json().answer).toMatchObject({
      questionId: 'brief',
      respondentId: f.people.primary.id,
      respondentRole: 'primary',
      text: PETER_ANSWER,
    });
    const anna = await f.sessions.owner.request('PUT', `/api/debriefs/${debriefId}/answers`, { questionId: 'brief', text: ANNA_NOTE });
    expect(anna.json().answer).toMatchObject({ respondentRole: 'owner', text: ANNA_NOTE });

    // Saving again replaces; an empty text removes.
    await f.sessions.primary.request('PUT', `/api/debriefs/${debriefId}/answers`, { questionId: 'workload', text: 'A first draft' });
    await f.sessions.primary.request('PUT', `/api/debriefs/${debriefId}/answers`, {
      questionId: 'workload',
      text: 'Heavy: my own launch.',
    });
    expect((await view(f.sessions.primary)).debrief?.answers.map((answer) => [answer.questionId, answer.text])).toEqual([
      ['brief', PETER_ANSWER],
      ['workload', 'Heavy: my own launch.'],
    ]);
    const removed = await f.sessions.primary.request('PUT', `/api/debriefs/${debriefId}/answers`, { questionId: 'workload', text: '' });
    expect(removed.json()).toEqual({ answer: null });

    const unknown = await f.sessions.primary.request('PUT', `/api/debriefs/${debriefId}/answers`, { questionId: 'who', text: 'x' });
    expect([unknown.statusCode, unknown.json().error.code]).toEqual([400, 'debrief.unknown_question']);
    const tooLong = await f.sessions.primary.request('PUT', `/api/debriefs/${debriefId}/answers`, {
      questionId: 'brief',
      text: 'x'.repeat(10_001),
    });
    expect(tooLong.statusCode).toBe(400);
    expect((await view(f.sessions.primary)).debrief?.answers.map((answer) => answer.text)).toEqual([PETER_ANSWER]);
  });

  it('cannot be concluded without a finding', async () => {
    const early = await f.sessions.manager.request('POST', `/api/debriefs/${debriefId}/conclude`, {});
    expect([early.statusCode, early.json().error.code]).toEqual([409, 'debrief.no_findings']);
  });

  it('takes findings from the owner and the manager only; `deliberate` needs the reason learned, and nothing is stored without it', async () => {
    const findingsUrl = `/api/debriefs/${debriefId}/findings`;
    const byDelegate = await f.sessions.primary.request('POST', findingsUrl, { category: 'workload' });
    expect([byDelegate.statusCode, byDelegate.json().error.code]).toEqual([403, 'debrief.not_organiser']);

    const noReason = await f.sessions.owner.request('POST', findingsUrl, { category: 'deliberate', note: 'He did not use the FAQ.' });
    expect([noReason.statusCode, noReason.json().error.code]).toEqual([400, 'debrief.reason_required']);
    const blankReason = await f.sessions.owner.request('POST', findingsUrl, { category: 'deliberate', reasonLearned: '   ' });
    expect([blankReason.statusCode, blankReason.json().error.code]).toEqual([400, 'debrief.reason_required']);
    const misplaced = await f.sessions.owner.request('POST', findingsUrl, { category: 'workload', reasonLearned: 'because' });
    expect([misplaced.statusCode, misplaced.json().error.code]).toEqual([400, 'debrief.reason_not_applicable']);
    const strange = await f.sessions.owner.request('POST', findingsUrl, { category: 'laziness' });
    expect(strange.statusCode).toBe(400);
    const otherClient = await f.sessions.owner.request('POST', findingsUrl, { category: 'workload', clientId: f.absence.id });
    expect([otherClient.statusCode, otherClient.json().error.code]).toEqual([400, 'debrief.unknown_client']);
    expect(await t.db.select().from(debriefFindings).where(eq(debriefFindings.debriefId, debriefId))).toEqual([]);
    expect((await debriefAudit()).filter((event) => event.action === 'debrief.finding_added')).toEqual([]);

    const workload = await f.sessions.manager.request('POST', findingsUrl, { category: 'workload', note: FINDING_NOTE });
    expect(workload.statusCode).toBe(201);
    expect(workload.json()).toMatchObject({ category: 'workload', note: FINDING_NOTE, reasonLearned: null, clientId: null });
    const deliberate = await f.sessions.owner.request('POST', findingsUrl, {
      category: 'deliberate',
      clientId: f.keyClient.id,
      reasonLearned: REASON,
    });
    expect(deliberate.statusCode).toBe(201);
    expect(deliberate.json()).toMatchObject({ category: 'deliberate', clientName: 'Orsini Costruzioni', reasonLearned: REASON });
    const mistaken = (await f.sessions.owner.request('POST', findingsUrl, { category: 'other', note: 'typo' })).json();
    expect((await f.sessions.owner.request('DELETE', `${findingsUrl}/${mistaken.id}`)).statusCode).toBe(200);
    const gone = await f.sessions.owner.request('DELETE', `${findingsUrl}/${mistaken.id}`);
    expect([gone.statusCode, gone.json().error.code]).toEqual([404, 'debrief.finding_not_found']);
    expect((await f.sessions.primary.request('DELETE', `${findingsUrl}/${deliberate.json().id}`)).statusCode).toBe(403);
  });

  it('shows everything to the owner and the manager, the questions and only their own answers to a delegate, nothing to anybody else', async () => {
    for (const [session, role] of [
      [f.sessions.owner, 'owner'],
      [f.sessions.manager, 'manager'],
    ] as const) {
      const seen = await view(session);
      expect(seen.viewer).toEqual({ role, organises: true });
      expect(seen.debrief?.answers.map((answer) => answer.text).sort()).toEqual([ANNA_NOTE, PETER_ANSWER].sort());
      expect(seen.debrief?.findings?.map((finding) => finding.category)).toEqual(['workload', 'deliberate']);
    }

    const asPeter = await f.sessions.primary.request('GET', debriefUrl());
    expect(asPeter.statusCode).toBe(200);
    const peter = asPeter.json() as DebriefView;
    expect(peter.viewer).toEqual({ role: 'delegate', organises: false });
    expect(peter.debrief?.questions.length).toBeGreaterThan(6);
    expect(peter.debrief?.answers.map((answer) => answer.respondentId)).toEqual([f.people.primary.id]);
    expect(peter.debrief?.findings).toBeNull();
    // Not even by accident: the owner's note, the findings' notes and reasons are nowhere in what he receives.
    for (const text of [ANNA_NOTE, FINDING_NOTE, REASON, 'deliberate']) expect(asPeter.body).not.toContain(text);

    const asSara = await f.sessions.backup.request('GET', debriefUrl());
    expect(asSara.json()).toMatchObject({ viewer: { role: 'delegate' }, debrief: { answers: [], findings: null } });
    expect(asSara.body).not.toContain(PETER_ANSWER);

    for (const session of [f.sessions.outsider, f.sessions.admin, otherManager, otherWorkspace]) {
      const response = await session.request('GET', debriefUrl());
      expect([response.statusCode, response.json().error.code]).toEqual([404, 'debrief.not_found']);
      const answer = await session.request('PUT', `/api/debriefs/${debriefId}/answers`, { questionId: 'brief', text: 'probe' });
      expect(answer.statusCode).toBe(404);
      expect((await session.request('POST', `/api/debriefs/${debriefId}/findings`, { category: 'other' })).statusCode).toBe(404);
      expect((await session.request('POST', `/api/debriefs/${debriefId}/conclude`, {})).statusCode).toBe(404);
    }
  });

  it('once concluded, answers and findings are read-only', async () => {
    expect((await f.sessions.primary.request('POST', `/api/debriefs/${debriefId}/conclude`, {})).statusCode).toBe(403);
    const concluded = await f.sessions.manager.request('POST', `/api/debriefs/${debriefId}/conclude`, {});
    expect(concluded.statusCode).toBe(200);
    expect(concluded.json().debrief).toMatchObject({ state: 'concluded', concludedByName: f.people.manager.name });
    const finding = (await view(f.sessions.owner)).debrief?.findings?.[0];

    const attempts = [
      await f.sessions.primary.request('PUT', `/api/debriefs/${debriefId}/answers`, { questionId: 'brief', text: 'Changed afterwards' }),
      await f.sessions.owner.request('PUT', `/api/debriefs/${debriefId}/answers`, { questionId: 'brief', text: '' }),
      await f.sessions.owner.request('POST', `/api/debriefs/${debriefId}/findings`, { category: 'tooling' }),
      await f.sessions.owner.request('DELETE', `/api/debriefs/${debriefId}/findings/${finding?.id}`),
      await f.sessions.owner.request('POST', `/api/debriefs/${debriefId}/conclude`, {}),
    ];
    expect(attempts.map((response) => [response.statusCode, response.json().error.code])).toEqual(
      Array(5).fill([409, 'debrief.concluded']),
    );
    const after = await view(f.sessions.owner);
    expect(after.debrief?.answers.map((answer) => answer.text).sort()).toEqual([ANNA_NOTE, PETER_ANSWER].sort());
    expect(after.debrief?.findings).toHaveLength(2);
  });

  it('leaves an audit trail of what happened, never of what was said', async () => {
    const events = await debriefAudit();
    expect(events.map((event) => event.action)).toEqual([
      'debrief.opened',
      'debrief.answered',
      'debrief.answered',
      'debrief.answered',
      'debrief.answered',
      'debrief.answer_removed',
      'debrief.finding_added',
      'debrief.finding_added',
      'debrief.finding_added',
      'debrief.finding_removed',
      'debrief.concluded',
    ]);
    expect(events.every((event) => event.subjectType === 'debrief' && event.subjectId === debriefId)).toBe(true);
    expect(events.find((event) => event.action === 'debrief.finding_added')?.data).toMatchObject({ category: 'workload' });
    const recorded = JSON.stringify(events.map((event) => event.data));
    for (const text of [PETER_ANSWER, ANNA_NOTE, FINDING_NOTE, REASON, 'typo', 'Heavy', 'A first draft']) {
      expect(recorded).not.toContain(text);
    }
  });

  it('shows the owner and the manager what a wording check flags in their own texts, never in a delegate’s answers', async () => {
    const flagging = (word: string) => (text: string) => {
      const start = text.indexOf(word);
      return start < 0 ? [] : [{ start, end: start + word.length, text: word, kind: 'probe' }];
    };
    const checked = createDebriefs({
      db: t.db,
      clock: t.clock,
      auditLog: t.deps.auditLog,
      notifier: t.deps.notifier,
      absenceLookup: t.deps.mail.absenceLookup,
      coverageLookup: t.deps.coverage.lookup,
      returnBriefing: t.deps.returnBriefing,
      workspacesRepository: t.deps.workspacesRepository,
      debriefRepository: createDebriefRepository({ db: t.db }),
      checkWording: (text) => [...flagging('brief')(text), ...flagging('week')(text)],
    });
    const seen = await checked.view({ user: f.people.owner, workspace: f.workspace, session: null }, f.absence.id);
    const flags = (text: string) => seen.debrief?.answers.find((answer) => answer.text === text)?.wordingFlags.map((flag) => flag.text);
    expect(flags(ANNA_NOTE)).toEqual(['brief']);
    expect(flags(PETER_ANSWER)).toEqual([]);
    expect(seen.debrief?.findings?.find((finding) => finding.note === FINDING_NOTE)?.wordingFlags.map((flag) => flag.text)).toEqual([
      'week',
    ]);
    // The app's own check (the report's neutral-language rules) finds nothing loaded in these factual notes.
    expect((await view(f.sessions.owner)).debrief?.answers.flatMap((answer) => answer.wordingFlags)).toEqual([]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { briefContentSchema } from '../../src/contracts/briefs.contracts';
import { briefContentHash } from '../../src/domains/absences/briefs.models';
import { createTestBaton, type TestBaton } from '../support/test-baton';
import { GOOD_READ_BACK, type HandoverFixture, handoverFixture, sampleContent } from './setup';

describe('briefs: writing, sharing, versions, acknowledgements with read-back, questions', () => {
  let t: TestBaton;
  let f: HandoverFixture;
  let keyBriefId: string;
  let standardBriefId: string;

  beforeAll(async () => {
    t = await createTestBaton();
    f = await handoverFixture(t);
  });
  afterAll(() => t.close());

  const url = (path: string) => `/api/absences/${f.absence.id}${path}`;

  it('lets the owner create a brief for a covered client, refusing uncovered clients and duplicates', async () => {
    const created = await f.sessions.owner.request('POST', url('/briefs'), { clientId: f.keyClient.id });
    expect(created.statusCode).toBe(201);
    keyBriefId = created.json().brief.id;
    expect(created.json()).toMatchObject({ viewerRole: 'owner', brief: { keyAccount: true, currentVersion: 0 }, current: null });
    const again = await f.sessions.owner.request('POST', url('/briefs'), { clientId: f.keyClient.id });
    expect(again.json().error.code).toBe('brief.exists');
    const uncovered = await f.sessions.owner.request('POST', url('/briefs'), { clientId: f.people.admin.id });
    expect({ status: uncovered.statusCode, code: uncovered.json().error.code }).toEqual({ status: 400, code: 'brief.client_not_covered' });
    const all = await f.sessions.owner.request('POST', url('/briefs/all'), {});
    expect(all.json()).toEqual({ created: 1 });
    const list = (await f.sessions.owner.request('GET', url('/briefs'))).json();
    expect(list.briefs.map((b: { clientName: string }) => b.clientName)).toEqual(['Orsini Costruzioni', 'Vini Lucchesi']);
    expect(list.missing).toEqual([]);
    standardBriefId = list.briefs[1].id;
  });

  it('only lets the owner edit; delegates, the manager and workspace admins read; anyone else gets 404', async () => {
    const save = await f.sessions.owner.request('PATCH', `/api/briefs/${keyBriefId}`, { content: sampleContent });
    expect(save.json()).toMatchObject({ versionCreated: false, version: 0 });
    for (const who of ['primary', 'backup', 'manager'] as const) {
      expect((await f.sessions[who].request('GET', `/api/briefs/${keyBriefId}`)).json()).toMatchObject({ viewerRole: who, draft: null });
      const edit = await f.sessions[who].request('PATCH', `/api/briefs/${keyBriefId}`, { content: sampleContent });
      expect({ who, status: edit.statusCode, code: edit.json().error.code }).toEqual({ who, status: 403, code: 'brief.owner_only' });
    }
    // A workspace admin not named on the absence oversees it: reads, cannot edit, acknowledge or ask.
    expect((await f.sessions.admin.request('GET', `/api/briefs/${keyBriefId}`)).json()).toMatchObject({
      viewerRole: 'overseer',
      draft: null,
    });
    expect((await f.sessions.admin.request('GET', url('/readiness'))).statusCode).toBe(200);
    expect((await f.sessions.admin.request('PATCH', `/api/briefs/${keyBriefId}`, { content: sampleContent })).statusCode).toBe(403);
    const adminAsks = await f.sessions.admin.request('POST', `/api/briefs/${keyBriefId}/questions`, {
      question: 'Who signs off the budget?',
    });
    expect(adminAsks.statusCode).toBe(403);
    const outsider = f.sessions.outsider;
    expect((await outsider.request('GET', `/api/briefs/${keyBriefId}`)).statusCode).toBe(404);
    expect((await outsider.request('GET', url('/briefs'))).statusCode).toBe(404);
    expect((await outsider.request('GET', url('/readiness'))).statusCode).toBe(404);
    expect((await outsider.request('PATCH', `/api/briefs/${keyBriefId}`, { content: sampleContent })).statusCode).toBe(404);
  });

  it('refuses bad input with a clear 4xx and changes nothing', async () => {
    const bad = await f.sessions.owner.request('PATCH', `/api/briefs/${keyBriefId}`, {
      content: { ...sampleContent, links: [{ label: 'Plan', url: 'not a url' }], surprise: true },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/url|surprise/i);
    const detail = (await f.sessions.owner.request('GET', `/api/briefs/${keyBriefId}`)).json();
    expect(detail.draft.situation).toBe(sampleContent.situation);
    expect(detail.draft.links).toEqual([]);
  });

  it('cannot be acknowledged before it is shared', async () => {
    const response = await f.sessions.primary.request('POST', `/api/briefs/${keyBriefId}/acknowledgements`, {
      version: 1,
      contentHash: 'a'.repeat(64),
      readBack: GOOD_READ_BACK,
    });
    expect(response.json().error.code).toBe('brief.not_shared');
  });

  it('sharing moves the absence to handover, creates version 1 of every brief and asks both delegates to review', async () => {
    const shared = await f.sessions.owner.request('POST', url('/briefs/share'), {});
    expect(shared.json()).toEqual({ state: 'handover', briefs: 2 });
    expect((await f.sessions.owner.request('POST', url('/briefs/share'), {})).json().error.code).toBe('absence.not_draft');
    const detail = (await f.sessions.primary.request('GET', `/api/briefs/${keyBriefId}`)).json();
    expect(detail.current).toMatchObject({ version: 1, contentHash: briefContentHash(briefContentSchema.parse(sampleContent)) });
    expect(await f.notificationsOf(f.people.primary.id)).toContain('brief.review_requested');
    expect(await f.notificationsOf(f.people.backup.id)).toContain('brief.review_requested');
    const versions = await f.auditOf('brief.version_created');
    expect(versions.map((event) => event.data.versionHash)).toContain(detail.current.contentHash);
  });

  it('a save with the same content (keys in another order) creates no new version', async () => {
    const reordered = Object.fromEntries(Object.entries(sampleContent).reverse());
    const save = await f.sessions.owner.request('PATCH', `/api/briefs/${keyBriefId}`, { content: reordered });
    expect(save.json()).toMatchObject({ versionCreated: false, version: 1 });
  });

  it('requires a real read-back for a key account', async () => {
    const v1 = (await f.sessions.primary.request('GET', `/api/briefs/${keyBriefId}`)).json().current;
    const body = { version: 1, contentHash: v1.contentHash };
    const none = await f.sessions.primary.request('POST', `/api/briefs/${keyBriefId}/acknowledgements`, body);
    expect({ status: none.statusCode, code: none.json().error.code }).toEqual({ status: 400, code: 'brief.read_back_required' });
    const short = await f.sessions.primary.request('POST', `/api/briefs/${keyBriefId}/acknowledgements`, {
      ...body,
      readBack: 'ok, no problem',
    });
    expect({ status: short.statusCode, code: short.json().error.code }).toEqual({ status: 400, code: 'brief.read_back_too_short' });
    expect(short.json().error.message).toMatch(/sentence/);
    const wrongHash = await f.sessions.primary.request('POST', `/api/briefs/${keyBriefId}/acknowledgements`, {
      version: 1,
      contentHash: 'b'.repeat(64),
      readBack: GOOD_READ_BACK,
    });
    expect(wrongHash.json().error.code).toBe('brief.hash_mismatch');
    const manager = await f.sessions.manager.request('POST', `/api/briefs/${keyBriefId}/acknowledgements`, {
      ...body,
      readBack: GOOD_READ_BACK,
    });
    expect(manager.json().error.code).toBe('brief.delegate_only');
    expect((await f.sessions.primary.request('GET', `/api/briefs/${keyBriefId}`)).json().acknowledgements).toEqual([]);

    const ok = await f.sessions.primary.request('POST', `/api/briefs/${keyBriefId}/acknowledgements`, {
      ...body,
      readBack: GOOD_READ_BACK,
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({
      version: 1,
      contentHash: v1.contentHash,
      delegateId: f.people.primary.id,
      delegateRole: 'primary',
      readBack: GOOD_READ_BACK,
      readBackStatus: 'pending',
      current: true,
    });
    const [event] = await f.auditOf('brief.acknowledged');
    expect(event?.data).toMatchObject({ versionHash: v1.contentHash, version: 1 });
    expect(await f.notificationsOf(f.people.owner.id)).toContain('brief.acknowledged');
  });

  it('the owner asks again with a note, the delegate acknowledges again, the owner accepts', async () => {
    const detail = (await f.sessions.owner.request('GET', `/api/briefs/${keyBriefId}`)).json();
    const ackId = detail.acknowledgements[0].id;
    expect((await f.sessions.primary.request('POST', `/api/acknowledgements/${ackId}/review`, { decision: 'accept' })).statusCode).toBe(
      403,
    );
    const noNote = await f.sessions.owner.request('POST', `/api/acknowledgements/${ackId}/review`, { decision: 'ask_again' });
    expect(noNote.statusCode).toBe(400);
    const askAgain = await f.sessions.owner.request('POST', `/api/acknowledgements/${ackId}/review`, {
      decision: 'ask_again',
      note: 'Say who approves the date and by when.',
    });
    expect(askAgain.statusCode).toBe(200);
    expect(await f.notificationsOf(f.people.primary.id)).toContain('brief.read_back_asked_again');
    expect((await f.sessions.owner.request('GET', url('/readiness'))).json().briefs[0]).toMatchObject({
      acknowledged: false,
      readBackMissing: true,
    });

    t.clock.advance(60_000);
    const again = await f.sessions.primary.request('POST', `/api/briefs/${keyBriefId}/acknowledgements`, {
      version: 1,
      contentHash: detail.current.contentHash,
      readBack: `${GOOD_READ_BACK} Giulia approves by 20 March.`,
    });
    expect(again.statusCode).toBe(201);
    expect(
      (await f.sessions.owner.request('POST', `/api/acknowledgements/${ackId}/review`, { decision: 'accept' })).json().error.code,
    ).toBe('acknowledgement.not_reviewable');
    const accept = await f.sessions.owner.request('POST', `/api/acknowledgements/${again.json().id}/review`, { decision: 'accept' });
    expect(accept.statusCode).toBe(200);
    expect(await f.notificationsOf(f.people.primary.id)).toContain('brief.read_back_accepted');
    const acks = (await f.sessions.owner.request('GET', `/api/briefs/${keyBriefId}`)).json().acknowledgements;
    expect(acks.map((a: { readBackStatus: string; current: boolean }) => [a.readBackStatus, a.current])).toEqual([
      ['accepted', true],
      ['asked_again', false],
    ]);
    expect((await f.auditOf('brief.read_back_accepted'))[0]?.data).toMatchObject({ versionHash: detail.current.contentHash });
  });

  it('the backup delegate acknowledges too; a standard client needs no read-back', async () => {
    const key = (await f.sessions.backup.request('GET', `/api/briefs/${keyBriefId}`)).json().current;
    const backupAck = await f.sessions.backup.request('POST', `/api/briefs/${keyBriefId}/acknowledgements`, {
      version: key.version,
      contentHash: key.contentHash,
      readBack: GOOD_READ_BACK,
    });
    expect(backupAck.json()).toMatchObject({ delegateRole: 'backup', readBackStatus: 'pending' });
    const standard = (await f.sessions.primary.request('GET', `/api/briefs/${standardBriefId}`)).json().current;
    const ack = await f.sessions.primary.request('POST', `/api/briefs/${standardBriefId}/acknowledgements`, {
      version: standard.version,
      contentHash: standard.contentHash,
    });
    expect(ack.json()).toMatchObject({ readBackStatus: 'not_required', readBack: null });
  });

  it('reaching 100 % readiness notifies owner, delegates and manager once', async () => {
    const readiness = (await f.sessions.manager.request('GET', url('/readiness'))).json();
    expect(readiness).toMatchObject({ score: 1, gate: { open: true, blockers: [], overridden: false } });
    for (const person of [f.people.owner, f.people.primary, f.people.backup, f.people.manager])
      expect((await f.notificationsOf(person.id)).filter((kind) => kind === 'absence.readiness_reached')).toHaveLength(1);
    expect(await f.auditOf('absence.readiness_reached')).toHaveLength(1);
    expect(await t.deps.handoverGate.readiness(f.workspace.id, f.absence.id)).toEqual(readiness);
  });

  it('questions: a delegate asks, the gate closes, the owner answers, both are notified', async () => {
    const asked = await f.sessions.primary.request('POST', `/api/briefs/${keyBriefId}/questions`, {
      question: 'Who at Orsini can approve if Giulia is away?',
    });
    expect(asked.statusCode).toBe(201);
    expect(await f.notificationsOf(f.people.owner.id)).toContain('brief.question_asked');
    const managerQuestion = await f.sessions.manager.request('POST', `/api/briefs/${keyBriefId}/questions`, {
      question: 'Is the budget confirmed?',
    });
    expect(managerQuestion.statusCode).toBe(201);
    expect((await f.sessions.owner.request('POST', `/api/briefs/${keyBriefId}/questions`, { question: 'x' })).statusCode).toBe(403);
    expect((await f.sessions.owner.request('POST', `/api/briefs/${keyBriefId}/questions`, { question: '' })).statusCode).toBe(400);

    const readiness = (await f.sessions.backup.request('GET', url('/readiness'))).json();
    expect(readiness.gate).toMatchObject({ open: false, blockers: [{ briefId: keyBriefId, reason: 'open_question' }] });
    expect(readiness.briefs[0].openQuestions).toBe(2);

    const questionId = asked.json().id;
    expect((await f.sessions.primary.request('POST', `/api/brief-questions/${questionId}/answer`, { answer: 'x' })).statusCode).toBe(403);
    expect((await f.sessions.outsider.request('POST', `/api/brief-questions/${questionId}/answer`, { answer: 'x' })).statusCode).toBe(404);
    const answered = await f.sessions.owner.request('POST', `/api/brief-questions/${questionId}/answer`, {
      answer: 'Roberto Fabbri, marketing.',
    });
    expect(answered.json()).toMatchObject({ answer: 'Roberto Fabbri, marketing.', answeredBy: f.people.owner.id });
    expect(
      (await f.sessions.owner.request('POST', `/api/brief-questions/${questionId}/answer`, { answer: 'again' })).json().error.code,
    ).toBe('question.already_answered');
    expect(await f.notificationsOf(f.people.primary.id)).toContain('brief.question_answered');
    await f.sessions.owner.request('POST', `/api/brief-questions/${managerQuestion.json().id}/answer`, {
      answer: 'Yes, signed in February.',
    });
    expect((await f.sessions.manager.request('GET', url('/readiness'))).json().gate.open).toBe(true);
    const events = await f.auditOf('brief.question_asked');
    expect(events[0]?.data.versionHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('an edit creates version 2, supersedes the acknowledgements and notifies the delegates with the diff link; v1 is now stale', async () => {
    const v1 = (await f.sessions.primary.request('GET', `/api/briefs/${keyBriefId}`)).json().current;
    const edited = { ...sampleContent, nextSteps: [{ text: 'Get written approval of the new go-live date', due: '2026-03-27' }] };
    const save = await f.sessions.owner.request('PATCH', `/api/briefs/${keyBriefId}`, { content: edited });
    expect(save.json()).toMatchObject({ versionCreated: true, version: 2 });
    const detail = save.json().detail;
    expect(detail.current.contentHash).not.toBe(v1.contentHash);
    expect(detail.acknowledgements.every((a: { supersededAt: string | null; current: boolean }) => a.supersededAt && !a.current)).toBe(
      true,
    );
    const readiness = (await f.sessions.owner.request('GET', url('/readiness'))).json();
    expect(readiness.gate.blockers).toEqual([{ briefId: keyBriefId, clientName: 'Orsini Costruzioni', reason: 'not_acknowledged' }]);
    expect(readiness.score).toBeCloseTo(1 / 4);
    for (const delegate of [f.people.primary, f.people.backup]) expect(await f.notificationsOf(delegate.id)).toContain('brief.changed');
    const [changed] = await t.db.query.notifications.findMany({
      where: (n, { and, eq }) => and(eq(n.userId, f.people.primary.id), eq(n.kind, 'brief.changed')),
    });
    expect(changed?.link).toBe(`/absences/${f.absence.id}/briefs/${keyBriefId}/versions?from=1&to=2`);

    const stale = await f.sessions.primary.request('POST', `/api/briefs/${keyBriefId}/acknowledgements`, {
      version: 1,
      contentHash: v1.contentHash,
      readBack: GOOD_READ_BACK,
    });
    expect({ status: stale.statusCode, code: stale.json().error.code }).toEqual({ status: 409, code: 'brief.version_outdated' });
  });

  it('compares two versions field by field', async () => {
    const versions = (await f.sessions.backup.request('GET', `/api/briefs/${keyBriefId}/versions`)).json();
    expect(versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    const compare = (await f.sessions.backup.request('GET', `/api/briefs/${keyBriefId}/compare?from=1&to=2`)).json();
    expect(compare.fields.filter((field: { changed: boolean }) => field.changed).map((field: { field: string }) => field.field)).toEqual([
      'nextSteps',
    ]);
    const nextSteps = compare.fields.find((field: { field: string }) => field.field === 'nextSteps');
    expect(nextSteps.items[0]).toMatchObject({ kind: 'changed', before: { due: '2026-03-20' }, after: { due: '2026-03-27' } });
    expect((await f.sessions.backup.request('GET', `/api/briefs/${keyBriefId}/compare?from=1&to=9`)).statusCode).toBe(404);
    expect((await f.sessions.backup.request('GET', `/api/briefs/${keyBriefId}/compare?from=x&to=2`)).statusCode).toBe(400);
  });

  it('a new brief starts from the previous absence’s brief for that client, else from the template', async () => {
    const template = await f.sessions.manager.request('POST', '/api/brief-templates', {
      name: 'Standard',
      content: { situation: 'Template situation', dos: ['Reply within a day'] },
    });
    expect(template.statusCode).toBe(201);
    expect((await f.sessions.owner.request('POST', '/api/brief-templates', { name: 'x', content: {} })).statusCode).toBe(403);
    const next = await t.db.transaction((tx) =>
      t.deps.absencesRepository.insert(
        tx,
        {
          workspaceId: f.workspace.id,
          ownerId: f.people.owner.id,
          startsAt: new Date('2026-08-01T07:00:00Z'),
          endsAt: new Date('2026-08-15T07:00:00Z'),
          primaryDelegateId: f.people.primary.id,
          backupDelegateId: null,
          managerId: f.people.manager.id,
          autoReply: { en: { subject: 'Away', body: 'Away' }, it: { subject: 'Assente', body: 'Assente' } },
        },
        [
          { clientId: f.keyClient.id, projectId: null },
          { clientId: f.people.owner.id === '' ? '' : f.standardClient.id, projectId: null },
        ],
      ),
    );
    const fromPrevious = (await f.sessions.owner.request('POST', `/api/absences/${next.id}/briefs`, { clientId: f.keyClient.id })).json();
    expect(fromPrevious.draft.nextSteps[0].due).toBe('2026-03-27');
    const templates = (await f.sessions.owner.request('GET', '/api/brief-templates')).json();
    expect(templates).toHaveLength(1);
    await t.db
      .delete((await import('../../src/domains/absences/absences.schema')).briefs)
      .where(
        (await import('drizzle-orm')).eq((await import('../../src/domains/absences/absences.schema')).briefs.clientId, f.standardClient.id),
      );
    const fromTemplate = (
      await f.sessions.owner.request('POST', `/api/absences/${next.id}/briefs`, { clientId: f.standardClient.id })
    ).json();
    expect(fromTemplate.draft).toMatchObject({ situation: 'Template situation', dos: ['Reply within a day'] });
  });
});

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { setUpTeam, type Team } from './support';

/** Each test plans its own absence in its own month and moves the manual clock forward only. */
describe('the absence lifecycle', () => {
  let team: Team;
  beforeAll(async () => {
    team = await setUpTeam();
  });
  afterAll(() => team.t.close());
  beforeEach(() => team.fake.setOpen(true));

  const planFor = async (startsAt: string, endsAt: string) => {
    const response = await team.as.anna.request('POST', '/api/absences', team.plan({ startsAt, endsAt }));
    expect(response.statusCode).toBe(201);
    return response.json() as { id: string; startsAt: string; endsAt: string };
  };
  const runAt = async (iso: string) => {
    team.t.clock.set(iso);
    await team.t.runJobs();
    await team.refreshSessions();
  };

  it('starts by itself at the start time and returns by itself at the end time, each step audited', async () => {
    const absence = await planFor('2026-04-01T09:00', '2026-04-10T18:00');
    await runAt('2026-04-01T06:59:00Z');
    expect((await team.stateOf(absence.id))?.state).toBe('draft');
    await runAt('2026-04-01T07:00:00Z');
    expect(await team.stateOf(absence.id)).toMatchObject({ state: 'active', startedWithGapAt: null });
    await runAt('2026-04-10T16:00:01Z');
    expect((await team.stateOf(absence.id))?.state).toBe('returned');
    expect(await team.auditActions(absence.id)).toEqual(['absence.created', 'absence.started', 'absence.returned']);
  });

  it('follows rescheduled dates: the jobs of the old dates do nothing', async () => {
    const absence = await planFor('2026-05-04T09:00', '2026-05-08T18:00');
    const moved = await team.as.anna.request('PATCH', `/api/absences/${absence.id}`, {
      startsAt: '2026-05-11T09:00',
      endsAt: '2026-05-15T18:00',
    });
    expect(moved.statusCode).toBe(200);
    await runAt('2026-05-09T00:00:00Z');
    expect((await team.stateOf(absence.id))?.state).toBe('draft');
    await runAt('2026-05-11T07:00:00Z');
    expect((await team.stateOf(absence.id))?.state).toBe('active');
    await runAt('2026-05-15T16:00:00Z');
    expect((await team.stateOf(absence.id))?.state).toBe('returned');
  });

  it('after the start only the auto-reply changes; after the return nothing does', async () => {
    const absence = await planFor('2026-06-01T09:00', '2026-06-05T18:00');
    await runAt('2026-06-01T08:00:00Z');
    const url = `/api/absences/${absence.id}`;
    const dates = await team.as.anna.request('PATCH', url, { endsAt: '2026-06-06T18:00' });
    expect([dates.statusCode, dates.json().error.code]).toEqual([409, 'absence.not_editable']);
    const texts = {
      en: { subject: 'Away', body: 'Ask {{delegate_name}}' },
      it: { subject: 'Assente', body: 'Scrivere a {{delegate_name}}' },
    };
    expect((await team.as.anna.request('PATCH', url, { autoReply: texts })).statusCode).toBe(200);
    expect((await team.as.sara.request('POST', `${url}/return`)).statusCode).toBe(403);
    const back = await team.as.anna.request('POST', `${url}/return`);
    expect(back.json()).toMatchObject({ state: 'returned', returnedAt: '2026-06-01T08:00:00.000Z' });
    expect((await team.auditActions(absence.id)).at(-1)).toBe('absence.returned');
    expect((await team.as.anna.request('PATCH', url, { autoReply: texts })).json().error.code).toBe('absence.not_editable');
    expect((await team.as.anna.request('POST', `${url}/return`)).json().error.code).toBe('absence.wrong_state');
    // The end job finds the absence already returned.
    await runAt('2026-06-05T16:00:00Z');
    expect((await team.stateOf(absence.id))?.returnedAt?.toISOString()).toBe('2026-06-01T08:00:00.000Z');
    const closed = await team.as.marco.request('POST', `${url}/close`);
    expect(closed.json()).toMatchObject({ state: 'closed' });
    expect((await team.auditActions(absence.id)).at(-1)).toBe('absence.closed');
  });

  it('24 h before the start with the gate still closed, the owner and the manager are told', async () => {
    team.fake.setOpen(false);
    const absence = await planFor('2026-07-06T09:00', '2026-07-10T18:00');
    await runAt('2026-07-05T06:59:00Z');
    expect(await team.notificationsOf(team.people.anna.id)).not.toContain('absence.gate_reminder');
    await runAt('2026-07-05T07:00:00Z');
    expect(await team.notificationsOf(team.people.anna.id)).toContain('absence.gate_reminder');
    expect(await team.notificationsOf(team.people.marco.id)).toContain('absence.gate_reminder');
    expect(await team.notificationsOf(team.people.sara.id)).not.toContain('absence.gate_reminder');
    const [mail] = (await team.mailsTo(team.people.marco.email)).filter((m) => m.kind === 'notification.absence.gate_reminder');
    expect(mail?.subject).toContain('leaves in 24 hours');
    expect(mail?.textBody).toContain('Northwind (not acknowledged)');
    expect(mail?.textBody).toContain(`https://baton.example.test/absences/${absence.id}`);
    expect((await team.stateOf(absence.id))?.state).toBe('draft');
    team.fake.setOpen(true);
    await runAt('2026-07-10T16:00:00Z');
  });

  it('with the gate closed at the start, the absence still starts, the gap is recorded and the manager and backup are told at once', async () => {
    team.fake.setOpen(false);
    const absence = await planFor('2026-08-03T09:00', '2026-08-07T18:00');
    const before = (await team.notificationsOf(team.people.peter.id)).length;
    await runAt('2026-08-03T07:00:00Z');
    const row = await team.stateOf(absence.id);
    expect(row).toMatchObject({ state: 'active' });
    expect(row?.startedWithGapAt?.toISOString()).toBe('2026-08-03T07:00:00.000Z');
    expect(await team.auditActions(absence.id)).toEqual(['absence.created', 'absence.started', 'absence.started_with_gap']);
    const peter = await team.notificationsOf(team.people.peter.id);
    expect(peter.length).toBe(before + 1);
    expect(peter).toContain('absence.started_with_gap');
    expect(await team.notificationsOf(team.people.marco.id)).toContain('absence.started_with_gap');
    const mails = (await team.mailsTo(team.people.marco.email)).filter((m) => m.kind === 'notification.absence.started_with_gap');
    expect(mails).toHaveLength(1);
    const detail = (await team.as.marco.request('GET', `/api/absences/${absence.id}`)).json();
    expect(detail.startedWithGapAt).toBe('2026-08-03T07:00:00.000Z');
    await runAt('2026-08-07T16:00:00Z');
  });

  it('a manager’s override opens the gate: the absence starts without a gap', async () => {
    team.fake.setOpen(false);
    const absence = await planFor('2026-09-07T09:00', '2026-09-11T18:00');
    const url = `/api/absences/${absence.id}/gate-override`;
    expect((await team.as.anna.request('POST', url, { reason: 'I will be reachable by phone.' })).statusCode).toBe(403);
    expect((await team.as.marco.request('POST', url, { reason: 'Northwind agreed to wait for the dashboard.' })).statusCode).toBe(200);
    await runAt('2026-09-07T07:00:00Z');
    expect(await team.stateOf(absence.id)).toMatchObject({ state: 'active', startedWithGapAt: null });
    expect(await team.auditActions(absence.id)).toEqual(['absence.created', 'absence.gate_overridden', 'absence.started']);
    expect((await team.as.marco.request('POST', url, { reason: 'Too late to override now.' })).json().error.code).toBe(
      'absence.wrong_state',
    );
    await runAt('2026-09-11T16:00:00Z');
  });

  it('when the runner was down past both start and end, the absence starts and then returns', async () => {
    const absence = await planFor('2026-10-05T09:00', '2026-10-06T18:00');
    await runAt('2026-10-08T00:00:00Z');
    expect((await team.stateOf(absence.id))?.state).toBe('returned');
    expect(await team.auditActions(absence.id)).toEqual(['absence.created', 'absence.started', 'absence.returned']);
  });

  it('closing a planned absence cancels it; an active one must return first', async () => {
    const absence = await planFor('2026-11-02T09:00', '2026-11-06T18:00');
    expect((await team.as.sara.request('POST', `/api/absences/${absence.id}/close`)).statusCode).toBe(403);
    expect((await team.as.anna.request('POST', `/api/absences/${absence.id}/close`)).json().state).toBe('closed');
    await runAt('2026-11-02T08:00:00Z');
    expect((await team.stateOf(absence.id))?.state).toBe('closed');
  });
});

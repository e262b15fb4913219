import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpTeam, type Team } from './support';

describe('planning an absence', () => {
  let team: Team;
  let created: Record<string, unknown> & { id: string };

  beforeAll(async () => {
    team = await setUpTeam();
    const { anna, sara } = team.people;
    await team.insertClient('Northwind', anna.id);
    await team.insertClient('Bluefin', anna.id);
    await team.insertClient('Orsini (lost)', anna.id, 'lost');
    await team.insertClient('Sara’s own client', sara.id);
  });
  afterAll(() => team.t.close());

  it('the owner plans with local times of the workspace zone; coverage defaults to her clients still worth covering', async () => {
    const response = await team.as.anna.request('POST', '/api/absences', team.plan());
    expect(response.statusCode).toBe(201);
    created = response.json();
    expect(created).toMatchObject({
      ownerId: team.people.anna.id,
      state: 'draft',
      // 09:00 in Rome on 1 April (summer time) is 07:00 UTC.
      startsAt: '2026-04-01T07:00:00.000Z',
      endsAt: '2026-04-10T16:00:00.000Z',
      startsAtLocal: '2026-04-01T09:00',
      endsAtLocal: '2026-04-10T18:00',
      warnings: [],
      actions: { edit: true, imBack: false, close: true, override: false },
    });
    expect((created.coverage as unknown[]).length).toBe(2);
    expect(created.autoReply).toMatchObject({ en: { subject: expect.stringContaining('{{return_date}}') } });
    expect(await team.auditActions(created.id)).toEqual(['absence.created']);
  });

  it('refuses bad plans with a clear 4xx and changes nothing', async () => {
    const { sara, peter, outsider } = team.people;
    const before = (await team.as.outsider.request('GET', '/api/absences?scope=mine')).json().length;
    const cases: [Record<string, unknown>, number, string][] = [
      [{ endsAt: '2026-04-01T08:00' }, 400, 'absence.ends_before_start'],
      [{ startsAt: '2026-01-01T09:00', endsAt: '2026-01-05T09:00' }, 400, 'absence.ends_in_past'],
      [{ primaryDelegateId: outsider.id }, 400, 'absence.delegate_is_owner'],
      [{ backupDelegateId: sara.id }, 400, 'absence.delegates_same'],
      [{ managerId: peter.id }, 400, 'absence.manager_role'],
      [{ managerId: outsider.id }, 400, 'absence.manager_is_owner'],
      [{ primaryDelegateId: randomUUID() }, 400, 'absence.person_not_found'],
      [{ coverage: [{ clientId: randomUUID() }] }, 400, 'absence.client_not_found'],
      [{ startsAt: '1 April' }, 400, 'request.invalid'],
      [{ startsAt: '2026-13-45T09:00' }, 400, 'absence.invalid_local_time'],
      [{ surprise: true }, 400, 'request.invalid'],
      [
        { autoReply: { en: { subject: 'Away', body: 'Ask {{delegate}}' }, it: { subject: 'Via', body: 'x' } } },
        400,
        'auto_reply.unknown_placeholder',
      ],
    ];
    for (const [change, status, code] of cases) {
      // Planned by the unrelated member for herself (no other absence of hers), so only the rule under test can fail.
      const response = await team.as.outsider.request('POST', '/api/absences', team.plan(change));
      const body = response.json();
      expect({ change, status: response.statusCode, code: body.error?.code }).toEqual({ change, status, code });
      expect(body.error.message.length).toBeGreaterThan(5);
    }
    expect((await team.as.outsider.request('GET', '/api/absences?scope=mine')).json()).toHaveLength(before);
  });

  it('names the unknown placeholder in the error', async () => {
    const response = await team.as.anna.request(
      'POST',
      '/api/absences',
      team.plan({
        startsAt: '2026-09-01T09:00',
        endsAt: '2026-09-02T09:00',
        autoReply: { en: { subject: 'Away until {{retrun_date}}', body: 'Hi' }, it: { subject: 'Via', body: 'Ciao' } },
      }),
    );
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toContain('{{retrun_date}} in the en subject');
  });

  it('refuses a second absence of the same owner that overlaps (409) but allows one right after', async () => {
    const overlap = await team.as.anna.request(
      'POST',
      '/api/absences',
      team.plan({ startsAt: '2026-04-10T09:00', endsAt: '2026-04-12T18:00' }),
    );
    expect(overlap.statusCode).toBe(409);
    expect(overlap.json().error).toMatchObject({ code: 'absence.overlap', message: expect.stringContaining('2026-04-01 09:00') });
    const after = await team.as.anna.request(
      'POST',
      '/api/absences',
      team.plan({ startsAt: '2026-04-10T18:00', endsAt: '2026-04-12T18:00' }),
    );
    expect(after.statusCode).toBe(201);
  });

  it('warns at planning time when the primary delegate is away during part of the window, and names who covers', async () => {
    const saraAway = await team.as.sara.request(
      'POST',
      '/api/absences',
      team.plan({
        startsAt: '2026-06-03T00:00',
        endsAt: '2026-06-05T00:00',
        primaryDelegateId: team.people.peter.id,
        backupDelegateId: null,
      }),
    );
    expect(saraAway.statusCode).toBe(201);
    const response = await team.as.anna.request(
      'POST',
      '/api/absences',
      team.plan({ startsAt: '2026-06-01T09:00', endsAt: '2026-06-10T18:00' }),
    );
    expect(response.statusCode).toBe(201);
    expect(response.json().warnings).toEqual([
      {
        kind: 'primary_away',
        userId: team.people.sara.id,
        from: '2026-06-02T22:00:00.000Z',
        to: '2026-06-04T22:00:00.000Z',
        coveredBy: { userId: team.people.peter.id, role: 'backup' },
      },
    ]);
  });

  it('lets only the owner edit dates, people and coverage before the start', async () => {
    const patch = { endsAt: '2026-04-09T18:00', backupDelegateId: null };
    expect((await team.as.sara.request('PATCH', `/api/absences/${created.id}`, patch)).statusCode).toBe(403);
    const response = await team.as.anna.request('PATCH', `/api/absences/${created.id}`, { ...patch, coverage: [] });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ endsAtLocal: '2026-04-09T18:00', backupDelegateId: null, coverage: [] });
    expect(await team.auditActions(created.id)).toEqual(['absence.created', 'absence.updated']);
  });

  it('shows an absence to its people and to admins and managers; others get 404', async () => {
    const url = `/api/absences/${created.id}`;
    for (const who of ['anna', 'sara', 'marco', 'admin'] as const)
      expect((await team.as[who].request('GET', url)).statusCode, who).toBe(200);
    const hidden = await team.as.outsider.request('GET', url);
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json().error.code).toBe('absence.not_found');
    expect((await team.as.outsider.request('PATCH', url, { endsAt: '2026-04-09T19:00' })).statusCode).toBe(404);
    const all = (await team.as.outsider.request('GET', '/api/absences?scope=all')).json().map((a: { id: string }) => a.id);
    expect(all).not.toContain(created.id);
    const forManager = (await team.as.marco.request('GET', '/api/absences?scope=all')).json().map((a: { id: string }) => a.id);
    expect(forManager).toContain(created.id);
    const covering = (await team.as.sara.request('GET', '/api/absences?scope=covering')).json().map((a: { id: string }) => a.id);
    expect(covering).toContain(created.id);
  });

  it('markShared moves draft to handover once, audited; sharing again is a no-op', async () => {
    const absence = await team.t.deps.absencesRepository.get(team.workspace.id, created.id);
    if (!absence) throw new Error('absence missing');
    const shared = await team.t.db.transaction((tx) => team.t.deps.absences.markShared(tx, absence, team.people.anna.id));
    expect(shared.state).toBe('handover');
    await team.t.db.transaction((tx) => team.t.deps.absences.markShared(tx, shared, team.people.anna.id));
    expect((await team.auditActions(created.id)).filter((action) => action === 'absence.shared')).toHaveLength(1);
  });

  it('the override is for the absence’s manager (or an admin), with a written reason, audited', async () => {
    const url = `/api/absences/${created.id}/gate-override`;
    const reason = { reason: 'Northwind is quiet in April, I will cover the calls myself.' };
    expect((await team.as.sara.request('POST', url, reason)).statusCode).toBe(403);
    expect((await team.as.anna.request('POST', url, reason)).statusCode).toBe(403);
    expect((await team.as.marco.request('POST', url, { reason: 'ok' })).json().error.code).toBe('request.invalid');
    const response = await team.as.marco.request('POST', url, reason);
    expect(response.statusCode).toBe(200);
    expect(response.json().gateOverride).toMatchObject({ by: team.people.marco.id, reason: reason.reason });
    expect(await team.auditActions(created.id)).toContain('absence.gate_overridden');
    expect(await team.notificationsOf(team.people.anna.id)).toContain('absence.gate_overridden');
  });
});

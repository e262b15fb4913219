import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Insights } from '../../src/contracts/insights.contracts';
import type { CoverageFixture } from '../coverage/setup';
import { absenceWithTroubledClients } from '../recovery/setup';
import { createTestBaton, type TestBaton } from '../support/test-baton';

const DAY = 86_400_000;

describe('team insights: per absence and per delegate, for the workspace’s managers', () => {
  let t: TestBaton;
  let f: CoverageFixture;
  let manager: Awaited<ReturnType<TestBaton['signIn']>>;
  const insights = async (query = '') => {
    const response = await manager.request('GET', `/api/insights${query}`);
    expect(response.statusCode).toBe(200);
    return response.json() as Insights;
  };

  beforeAll(async () => {
    t = await createTestBaton();
    // Vini Lucchesi answered in 40 minutes; Orsini wrote twice (angry the second time) and was never answered; a call
    // with Orsini ended with “no information”. Anna is back the same morning and takes the open email back.
    f = await absenceWithTroubledClients(t);
    await f.sessions.owner.request('POST', `/api/absences/${f.absence.id}/return`, {});
    await t.runJobs();
    manager = f.sessions.manager;
  });
  afterAll(() => t.close());

  it('shows the absence as a manager reads it: readiness at departure, contacts, response times, no information, escalations', async () => {
    const result = await insights();
    // The default period is the last 12 months up to today (23 March 2026 in Rome).
    expect(result.period).toEqual({ from: '2025-03-23', to: '2026-03-23', timeZone: 'Europe/Rome' });
    expect(result.absences).toHaveLength(1);
    expect(result.absences[0]).toEqual({
      absenceId: f.absence.id,
      owner: { id: f.people.owner.id, name: f.people.owner.name },
      startsAt: f.absence.startsAt.toISOString(),
      endsAt: f.absence.endsAt.toISOString(),
      returnedAt: '2026-03-23T10:40:00.000Z',
      delegates: [
        { id: f.people.primary.id, name: f.people.primary.name, role: 'primary' },
        { id: f.people.backup.id, name: f.people.backup.name, role: 'backup' },
      ],
      // It started with the gate closed (a quarter of the handover done), and nobody overrode it.
      readiness: { percent: 25, gateOpen: false, overridden: false },
      contacts: 3,
      emails: 2,
      firstResponse: { answered: 1, medianMinutes: 40, p90Minutes: 40, medianBusinessMinutes: 40, p90BusinessMinutes: 40 },
      // Orsini's email is due at 13:40 (four business hours): still ahead at the return.
      slaBreaches: 0,
      noInformation: 1,
      // Orsini's email: anger on a key account and a repeat contact; the call: no information.
      escalations: 3,
      clients: { atRisk: 0, lost: 0, wonBack: 0 },
    });
  });

  it('counts the unanswered key-account email as an SLA breach once its deadline has passed, and the clients it cost', async () => {
    // A day apart each: sessions expire meanwhile, so the manager signs in again.
    const status = async (status: string) => {
      manager = await t.signIn(f.people.manager.email);
      return manager.request('POST', `/api/clients/${f.keyClient.id}/status`, { status, reason: 'After the missed go-live question' });
    };
    t.clock.advance(DAY);
    expect((await status('at_risk')).statusCode).toBe(200);
    t.clock.advance(DAY);
    expect((await status('lost')).statusCode).toBe(200);
    const [row] = (await insights()).absences;
    expect(row).toMatchObject({ slaBreaches: 1, noInformation: 1, escalations: 3, clients: { atRisk: 1, lost: 1, wonBack: 0 } });
  });

  it('has a row per delegate: the primary handled all three contacts (the open email was hers until the hand-back)', async () => {
    const result = await insights();
    expect(result.delegates).toEqual([
      {
        id: f.people.primary.id,
        name: f.people.primary.name,
        absences: 1,
        contacts: 3,
        emails: 2,
        firstResponse: { answered: 1, medianMinutes: 40, p90Minutes: 40, medianBusinessMinutes: 40, p90BusinessMinutes: 40 },
        slaBreaches: 1,
        noInformation: 1,
        escalations: 3,
      },
      {
        id: f.people.backup.id,
        name: f.people.backup.name,
        absences: 1,
        contacts: 0,
        emails: 0,
        firstResponse: { answered: 0, medianMinutes: null, p90Minutes: null, medianBusinessMinutes: null, p90BusinessMinutes: null },
        slaBreaches: 0,
        noInformation: 0,
        escalations: 0,
      },
    ]);
    expect(result.totals).toMatchObject({ absences: 1, contacts: 3, slaBreaches: 1, noInformation: 1, escalations: 3 });
  });

  it('exports both tables as CSV with a header row and the same numbers', async () => {
    const absences = await manager.request('GET', '/api/insights.csv?from=2026-03-01&to=2026-03-31&view=absences');
    expect(absences.statusCode).toBe(200);
    expect(absences.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(absences.headers['content-disposition']).toBe('attachment; filename="baton-insights-absences-2026-03-01-to-2026-03-31.csv"');
    expect(absences.body.startsWith('\uFEFFowner,starts_at,')).toBe(true);
    expect(absences.body).toContain('\r\n');
    const rows = parse(absences.body, { bom: true, columns: true }) as Record<string, string>[];
    expect(rows).toEqual([
      {
        owner: f.people.owner.name,
        // Local time in the workspace's zone (Rome, UTC+1 in March).
        starts_at: '2026-03-22 10:00',
        ends_at: '2026-04-01 11:00',
        returned_at: '2026-03-23 11:40',
        primary_delegate: f.people.primary.name,
        backup_delegate: f.people.backup.name,
        readiness_percent: '25',
        gate_open: 'false',
        gate_overridden: 'false',
        contacts: '3',
        emails: '2',
        answered_emails: '1',
        median_first_response_minutes: '40',
        p90_first_response_minutes: '40',
        median_first_response_business_minutes: '40',
        p90_first_response_business_minutes: '40',
        sla_breaches: '1',
        no_information: '1',
        escalations: '3',
        clients_at_risk: '1',
        clients_lost: '1',
        clients_won_back: '0',
      },
    ]);

    const delegates = await manager.request('GET', '/api/insights.csv?from=2026-03-01&to=2026-03-31&view=delegates');
    const people = parse(delegates.body, { bom: true, columns: true }) as Record<string, string>[];
    expect(people.map((row) => [row.delegate, row.absences, row.contacts, row.sla_breaches, row.no_information, row.escalations])).toEqual([
      [f.people.primary.name, '1', '3', '1', '1', '3'],
      [f.people.backup.name, '1', '0', '0', '0', '0'],
    ]);
    expect(people[1]?.median_first_response_minutes).toBe('');
  });

  it('keeps to the chosen period: an absence overlapping it counts, one outside it does not', async () => {
    expect((await insights('?from=2026-03-23&to=2026-03-23')).absences.map((row) => row.absenceId)).toEqual([f.absence.id]);
    expect((await insights('?from=2026-03-24&to=2026-04-30')).totals).toMatchObject({ absences: 0, contacts: 0 });
    expect((await insights('?from=2025-01-01&to=2025-12-31')).delegates).toEqual([]);
    // A status change outside the period does not count, even for an absence inside it.
    expect((await insights('?from=2026-03-01&to=2026-03-24')).absences[0]?.clients).toEqual({ atRisk: 1, lost: 0, wonBack: 0 });
  });

  it('is for managers and admins of the workspace only', async () => {
    const admin = await t.signIn(f.people.admin.email);
    expect((await admin.request('GET', '/api/insights')).json().absences).toHaveLength(1);
    for (const person of [f.people.owner, f.people.primary, f.people.outsider]) {
      const member = await t.signIn(person.email);
      const denied = await member.request('GET', '/api/insights');
      expect(denied.statusCode).toBe(403);
      expect(denied.json().error.code).toBe('auth.forbidden');
      expect((await member.request('GET', '/api/insights.csv')).statusCode).toBe(403);
    }
    expect((await t.app.inject({ method: 'GET', url: '/api/insights' })).statusCode).toBe(401);

    // Another workspace's manager sees that workspace only.
    const other = await t.createWorkspaceWithUsers(['admin', 'manager']);
    const stranger = await t.signIn(other.users[1]?.email ?? '');
    const theirs = await stranger.request('GET', '/api/insights?from=2026-01-01&to=2026-12-31');
    expect(theirs.json()).toMatchObject({ absences: [], delegates: [], totals: { absences: 0, contacts: 0 } });
    const csv = await stranger.request('GET', '/api/insights.csv?from=2026-01-01&to=2026-12-31&view=delegates');
    expect(csv.body).not.toContain(f.people.primary.name);
  });

  it('refuses a period that runs backwards, spans more than five years or is not made of dates, and says why', async () => {
    const cases: [string, string, string][] = [
      ['?from=2026-03-24&to=2026-03-23', 'insights.period_reversed', 'on or before'],
      ['?from=2021-03-22&to=2026-03-23', 'insights.period_too_long', '5 years'],
      ['?from=2026-02-30', 'request.invalid', 'from: must be a date such as'],
      ['?to=yesterday', 'request.invalid', 'to: must be a date'],
    ];
    for (const [query, code, words] of cases) {
      for (const path of ['/api/insights', '/api/insights.csv']) {
        const response = await manager.request('GET', `${path}${query}`);
        expect(response.statusCode, `${path}${query}`).toBe(400);
        expect(response.json().error.code).toBe(code);
        expect(response.json().error.message).toContain(words);
      }
    }
    const view = await manager.request('GET', '/api/insights.csv?view=clients');
    expect(view.statusCode).toBe(400);
    expect((await manager.request('GET', '/api/insights?from=2021-03-23&to=2026-03-23')).statusCode).toBe(200);
  });
});

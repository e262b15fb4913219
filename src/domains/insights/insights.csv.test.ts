import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { Insights } from '../../contracts/insights.contracts';
import { insightsCsv, insightsCsvFileName } from './insights.csv';

const times = { answered: 2, medianMinutes: 12.5, p90Minutes: 30, medianBusinessMinutes: 10, p90BusinessMinutes: 20 };
const handling = { contacts: 3, emails: 2, firstResponse: times, slaBreaches: 1, noInformation: 0, escalations: 2 };
const insights = (owner: string, delegate: string): Insights => ({
  period: { from: '2026-01-01', to: '2026-12-31', timeZone: 'Europe/Rome' },
  totals: { absences: 1, ...handling, clients: { atRisk: 0, lost: 0, wonBack: 0 } },
  absences: [
    {
      absenceId: '00000000-0000-4000-8000-000000000001',
      owner: { id: '00000000-0000-4000-8000-000000000002', name: owner },
      startsAt: '2026-07-31T22:00:00.000Z',
      endsAt: '2026-08-14T16:00:00.000Z',
      returnedAt: null,
      delegates: [{ id: '00000000-0000-4000-8000-000000000003', name: delegate, role: 'primary' }],
      readiness: null,
      ...handling,
      clients: { atRisk: 1, lost: 0, wonBack: 0 },
    },
  ],
  delegates: [{ id: '00000000-0000-4000-8000-000000000003', name: delegate, absences: 1, ...handling }],
});

describe('the insights CSV', () => {
  it.each([
    ['a comma', 'Rossi, Anna'],
    ['double quotes', 'Anna "Nina" Rossi'],
    ['a line break', 'Anna\nRossi'],
    ['a carriage return', 'Anna\rRossi'],
    ['accents', 'Lucía Ñúñez'],
  ])('quotes a name with %s so it reads back unchanged', (_name, name) => {
    const text = insightsCsv(insights(name, name), 'absences');
    const [row] = parse(text, { bom: true, columns: true }) as Record<string, string>[];
    expect(row?.owner).toBe(name);
    expect(row?.primary_delegate).toBe(name);
  });

  it('ends every record with CRLF, starts with a BOM, and leaves unknown values empty', () => {
    const text = insightsCsv(insights('Anna', 'Peter'), 'absences');
    expect(text.startsWith('\uFEFFowner,')).toBe(true);
    expect(text.split('\r\n')).toHaveLength(3);
    const [row] = parse(text, { bom: true, columns: true }) as Record<string, string>[];
    expect(row).toMatchObject({
      starts_at: '2026-08-01 00:00',
      returned_at: '',
      backup_delegate: '',
      readiness_percent: '',
      gate_open: '',
      median_first_response_minutes: '12.5',
      clients_at_risk: '1',
    });
  });

  it('keeps a name that looks like a formula from running in a spreadsheet', () => {
    const text = insightsCsv(insights('=HYPERLINK("http://x.example","click")', '@Peter'), 'delegates');
    const [row] = parse(text, { bom: true, columns: true }) as Record<string, string>[];
    expect(row?.delegate).toBe("'@Peter");
    expect(insightsCsv(insights('=1+1', 'Peter'), 'absences')).toContain("'=1+1");
  });

  it('names the file after the view and the period', () => {
    expect(insightsCsvFileName(insights('Anna', 'Peter'), 'delegates')).toBe('baton-insights-delegates-2026-01-01-to-2026-12-31.csv');
  });
});

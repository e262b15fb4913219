// The insights tables as CSV (RFC 4180: CRLF line ends, quoted where needed), with stable English column names so a
// spreadsheet or a script can rely on them. A UTF-8 BOM makes Excel read accented names right; a name that starts
// like a formula (=, +, -, @) is prefixed with ' so a spreadsheet shows it instead of evaluating it.
import { stringify } from 'csv-stringify/sync';
import type { Insights, InsightsView, ResponseTimes } from '../../contracts/insights.contracts';
import { instantToLocal } from '../../platform/clock/zoned-time';

type Cell = string | number | null;

const timingHeader = [
  'answered_emails',
  'median_first_response_minutes',
  'p90_first_response_minutes',
  'median_first_response_business_minutes',
  'p90_first_response_business_minutes',
];
const timing = (times: ResponseTimes): Cell[] => [
  times.answered,
  times.medianMinutes,
  times.p90Minutes,
  times.medianBusinessMinutes,
  times.p90BusinessMinutes,
];

export function insightsCsv(insights: Insights, view: InsightsView): string {
  const local = (instant: string | null) =>
    instant ? instantToLocal(new Date(instant), insights.period.timeZone).replace('T', ' ') : null;
  const rows: Cell[][] =
    view === 'absences'
      ? [
          [
            'owner',
            'starts_at',
            'ends_at',
            'returned_at',
            'primary_delegate',
            'backup_delegate',
            'readiness_percent',
            'gate_open',
            'gate_overridden',
            'contacts',
            'emails',
            ...timingHeader,
            'sla_breaches',
            'no_information',
            'escalations',
            'clients_at_risk',
            'clients_lost',
            'clients_won_back',
          ],
          ...insights.absences.map((row) => [
            row.owner.name,
            local(row.startsAt),
            local(row.endsAt),
            local(row.returnedAt),
            row.delegates.find((delegate) => delegate.role === 'primary')?.name ?? null,
            row.delegates.find((delegate) => delegate.role === 'backup')?.name ?? null,
            row.readiness?.percent ?? null,
            row.readiness ? String(row.readiness.gateOpen) : null,
            row.readiness ? String(row.readiness.overridden) : null,
            row.contacts,
            row.emails,
            ...timing(row.firstResponse),
            row.slaBreaches,
            row.noInformation,
            row.escalations,
            row.clients.atRisk,
            row.clients.lost,
            row.clients.wonBack,
          ]),
        ]
      : [
          ['delegate', 'absences', 'contacts', 'emails', ...timingHeader, 'sla_breaches', 'no_information', 'escalations'],
          ...insights.delegates.map((row) => [
            row.name,
            row.absences,
            row.contacts,
            row.emails,
            ...timing(row.firstResponse),
            row.slaBreaches,
            row.noInformation,
            row.escalations,
          ]),
        ];
  return stringify(rows, { bom: true, record_delimiter: 'windows', quote_record_delimiter: true, escape_formulas: true });
}

export const insightsCsvFileName = (insights: Insights, view: InsightsView) =>
  `baton-insights-${view}-${insights.period.from}-to-${insights.period.to}.csv`;

import type { AbsenceInsight, Insights } from '@contracts/insights.contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Badge } from '@/components/ui/badge';
import { useFormatters } from '@/lib/format';
import { useAbsenceDates } from './absence-label';
import { useDuration } from './duration';
import { type ScrollColumn, ScrollTable } from './scroll-table';
import { median, p90, type TimeBasis } from './time-basis';

function Readiness({ readiness }: { readiness: AbsenceInsight['readiness'] }) {
  const { t } = useTranslation();
  const format = useFormatters();
  if (!readiness) return <span className="insights-muted">{t('insights.readiness.unknown')}</span>;
  return (
    <span className="insights-readiness">
      <span>{t('insights.readiness.percent', { percent: format.number(readiness.percent) })}</span>
      {readiness.overridden ? (
        <Badge tone="warning">{t('insights.readiness.overridden')}</Badge>
      ) : readiness.gateOpen ? null : (
        <Badge tone="danger">{t('insights.readiness.gap')}</Badge>
      )}
    </span>
  );
}

/** Three small counts in one cell, so the table fits a desktop screen; the CSV keeps them apart. */
function ClientChanges({ changes }: { changes: AbsenceInsight['clients'] }) {
  const { t } = useTranslation();
  return (
    <span className="insights-clients">
      <span>{t('insights.clients.atRisk', { count: changes.atRisk })}</span>
      <span>{t('insights.clients.lost', { count: changes.lost })}</span>
      <span>{t('insights.clients.wonBack', { count: changes.wonBack })}</span>
    </span>
  );
}

/** One row per absence in the period, the latest first, with the totals under them. */
export function AbsencesTable({ insights, basis }: { insights: Insights; basis: TimeBasis }) {
  const { t } = useTranslation();
  const duration = useDuration();
  const dates = useAbsenceDates();
  const { totals } = insights;
  const columns: ScrollColumn<AbsenceInsight>[] = [
    {
      key: 'absence',
      header: t('insights.columns.absence'),
      isRowHeader: true,
      // Who covered goes under the owner: one column less, so the numbers fit a desktop screen.
      cell: (row) => (
        <span className="insights-absence">
          <Link to={`/absences/${row.absenceId}`}>{row.owner.name}</Link>
          <span className="insights-muted">{dates(row)}</span>
          <span className="insights-muted">
            {t('insights.coveredBy', {
              delegates: row.delegates.map((delegate) => t(`insights.role.${delegate.role}`, { name: delegate.name })).join(', '),
            })}
          </span>
        </span>
      ),
    },
    { key: 'readiness', header: t('insights.columns.readiness'), cell: (row) => <Readiness readiness={row.readiness} /> },
    { key: 'contacts', header: t('insights.columns.contacts'), numeric: true, cell: (row) => row.contacts },
    { key: 'median', header: t('insights.columns.median'), numeric: true, cell: (row) => duration(median(row.firstResponse, basis)) },
    { key: 'p90', header: t('insights.columns.p90'), numeric: true, cell: (row) => duration(p90(row.firstResponse, basis)) },
    { key: 'breaches', header: t('insights.columns.slaBreaches'), numeric: true, cell: (row) => row.slaBreaches },
    { key: 'noInformation', header: t('insights.columns.noInformation'), numeric: true, cell: (row) => row.noInformation },
    { key: 'escalations', header: t('insights.columns.escalations'), numeric: true, cell: (row) => row.escalations },
    { key: 'clients', header: t('insights.columns.clients'), cell: (row) => <ClientChanges changes={row.clients} /> },
  ];
  return (
    <ScrollTable
      caption={t('insights.tables.absences')}
      columns={columns}
      rows={insights.absences}
      rowKey={(row) => row.absenceId}
      footer={[
        t('insights.tables.total', { count: totals.absences }),
        '',
        totals.contacts,
        duration(median(totals.firstResponse, basis)),
        duration(p90(totals.firstResponse, basis)),
        totals.slaBreaches,
        totals.noInformation,
        totals.escalations,
        <ClientChanges key="clients" changes={totals.clients} />,
      ]}
    />
  );
}

import type { DelegateInsight } from '@contracts/insights.contracts';
import { useTranslation } from 'react-i18next';
import { useDuration } from './duration';
import { type ScrollColumn, ScrollTable } from './scroll-table';
import { median, p90, type TimeBasis } from './time-basis';

/** One row per person who covered an absence or handled a contact; each contact counts for one person. */
export function DelegatesTable({ delegates, basis }: { delegates: readonly DelegateInsight[]; basis: TimeBasis }) {
  const { t } = useTranslation();
  const duration = useDuration();
  const columns: ScrollColumn<DelegateInsight>[] = [
    { key: 'name', header: t('insights.columns.delegate'), isRowHeader: true, cell: (row) => row.name },
    { key: 'absences', header: t('insights.columns.absencesCovered'), numeric: true, cell: (row) => row.absences },
    { key: 'contacts', header: t('insights.columns.contactsHandled'), numeric: true, cell: (row) => row.contacts },
    { key: 'median', header: t('insights.columns.median'), numeric: true, cell: (row) => duration(median(row.firstResponse, basis)) },
    { key: 'p90', header: t('insights.columns.p90'), numeric: true, cell: (row) => duration(p90(row.firstResponse, basis)) },
    { key: 'breaches', header: t('insights.columns.slaBreaches'), numeric: true, cell: (row) => row.slaBreaches },
    { key: 'noInformation', header: t('insights.columns.noInformation'), numeric: true, cell: (row) => row.noInformation },
    { key: 'escalations', header: t('insights.columns.escalations'), numeric: true, cell: (row) => row.escalations },
  ];
  return <ScrollTable caption={t('insights.tables.delegates')} columns={columns} rows={delegates} rowKey={(row) => row.id} />;
}

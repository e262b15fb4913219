import type { DelegateInsight } from '@contracts/insights.contracts';
import { useTranslation } from 'react-i18next';
import { HorizontalBarChart } from './bar-chart';

const CONTACTS = '#1d5b8f';
const BREACHES = '#b42318';

/** Contacts handled and SLA breaches per delegate. */
export function DelegateChart({ delegates }: { delegates: readonly DelegateInsight[] }) {
  const { t } = useTranslation();
  if (delegates.every((delegate) => delegate.contacts === 0)) return <p className="empty">{t('insights.charts.delegates.empty')}</p>;
  const rows = delegates.map((delegate) => ({
    id: delegate.id,
    label: delegate.name,
    sublabel: t('insights.charts.delegates.absences', { count: delegate.absences }),
    values: { contacts: delegate.contacts, breaches: delegate.slaBreaches },
  }));
  const summary = t('insights.charts.delegates.summary', {
    list: delegates
      .map((delegate) =>
        t('insights.charts.delegates.item', { name: delegate.name, count: delegate.contacts, breaches: delegate.slaBreaches }),
      )
      .join('; '),
  });
  return (
    <HorizontalBarChart
      title={t('insights.charts.delegates.title')}
      summary={summary}
      note={t('insights.charts.delegates.note')}
      rows={rows}
      series={[
        { key: 'contacts', name: t('insights.columns.contactsHandled'), color: CONTACTS },
        { key: 'breaches', name: t('insights.columns.slaBreaches'), color: BREACHES },
      ]}
      tick={(value) => String(value)}
      format={(value) => String(value)}
      allowDecimals={false}
    />
  );
}

import type { Insights } from '@contracts/insights.contracts';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '@/lib/format';
import { useDuration } from './duration';
import { median, p90, type TimeBasis } from './time-basis';

/** The period at a glance: the figures a manager looks for first. */
export function Totals({ totals, basis }: { totals: Insights['totals']; basis: TimeBasis }) {
  const { t } = useTranslation();
  const duration = useDuration();
  const format = useFormatters();
  const figures: [string, string, string?][] = [
    ['absences', format.number(totals.absences)],
    ['contacts', format.number(totals.contacts)],
    [
      'median',
      duration(median(totals.firstResponse, basis)),
      t('insights.totals.p90', { value: duration(p90(totals.firstResponse, basis)) }),
    ],
    ['slaBreaches', format.number(totals.slaBreaches)],
    ['noInformation', format.number(totals.noInformation)],
    ['escalations', format.number(totals.escalations)],
    [
      'clients',
      format.number(totals.clients.atRisk + totals.clients.lost),
      [
        t('insights.clients.atRisk', { count: totals.clients.atRisk }),
        t('insights.clients.lost', { count: totals.clients.lost }),
        t('insights.clients.wonBack', { count: totals.clients.wonBack }),
      ].join(', '),
    ],
  ];
  return (
    <dl className="insights-totals">
      {figures.map(([key, value, detail]) => (
        <div key={key} className="insights-totals__item">
          <dt>{t(`insights.totals.${key}`)}</dt>
          <dd>
            <span className="insights-totals__value">{value}</span>
            {detail ? <span className="insights-totals__detail">{detail}</span> : null}
          </dd>
        </div>
      ))}
    </dl>
  );
}

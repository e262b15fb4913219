import type { BriefingCounts as Counts } from '@contracts/recovery.contracts';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '@/lib/format';

const shown = [
  'contacts',
  'emails',
  'calls',
  'answered',
  'open',
  'waitingForOwner',
  'noInformation',
  'escalations',
  'autoReplies',
  'statusLinkViews',
] as const;

/** The figures of the return briefing, for the whole absence or one client; zeros are left out for a client. */
export function BriefingCounts({
  counts,
  medianMinutes,
  compact = false,
}: {
  counts: Counts;
  medianMinutes?: number | null;
  compact?: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const keys = compact ? shown.filter((key) => counts[key] > 0) : shown;
  return (
    <dl className={compact ? 'recovery-counts' : 'stats'}>
      {keys.map((key) => (
        <div key={key} className={compact ? 'recovery-counts__item' : 'stat'}>
          <dt className={compact ? undefined : 'stat__label'}>{t(`recovery.counts.${key}`)}</dt>
          <dd className={compact ? undefined : 'stat__value'}>{format.number(counts[key])}</dd>
        </div>
      ))}
      {medianMinutes !== undefined ? (
        <div className={compact ? 'recovery-counts__item' : 'stat'}>
          <dt className={compact ? undefined : 'stat__label'}>{t('recovery.counts.median')}</dt>
          <dd className={compact ? undefined : 'stat__value'}>
            {medianMinutes === null ? '—' : t('recovery.counts.minutes', { count: Math.round(medianMinutes) })}
          </dd>
        </div>
      ) : null}
    </dl>
  );
}

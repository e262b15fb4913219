import type { AbsenceInsight } from '@contracts/insights.contracts';
import { useTranslation } from 'react-i18next';
import { useAbsenceDates } from './absence-label';
import { HorizontalBarChart } from './bar-chart';
import { useDuration } from './duration';
import { median, p90, type TimeBasis } from './time-basis';
import { useMediaQuery } from './use-media-query';

const MEDIAN = '#1d5b8f';
const P90 = '#b45309';
/** Steps a person counts in: minutes, quarter hours, hours, working days, days, weeks. */
const STEPS = [1, 2, 5, 10, 15, 30, 60, 120, 180, 240, 360, 480, 720, 1440, 2880, 4320, 7200, 10080];

/** Round marks from 0 past the longest bar, at most `count` steps. */
export function durationTicks(longest: number, count: number): number[] {
  const step = STEPS.find((candidate) => longest / candidate <= count) ?? Math.ceil(longest / count / 10080) * 10080;
  const steps = Math.max(1, Math.ceil(longest / step));
  return Array.from({ length: steps + 1 }, (_, index) => index * step);
}

/** Median and p90 time to first response per absence, over the absences with an answered email. */
export function ResponseTimeChart({ absences, basis }: { absences: readonly AbsenceInsight[]; basis: TimeBasis }) {
  const { t } = useTranslation();
  const duration = useDuration();
  const dates = useAbsenceDates();
  const narrow = useMediaQuery('(max-width: 640px)');
  const answered = absences.filter((absence) => median(absence.firstResponse, basis) !== null);
  if (answered.length === 0) return <p className="empty">{t('insights.charts.responseTimes.empty')}</p>;

  const slowest = Math.max(...answered.map((absence) => p90(absence.firstResponse, basis) ?? 0));
  const rows = answered.map((absence) => ({
    id: absence.absenceId,
    label: absence.owner.name,
    sublabel: dates(absence),
    values: { median: median(absence.firstResponse, basis), p90: p90(absence.firstResponse, basis) },
  }));
  const byMedian = [...answered].sort((a, b) => (median(a.firstResponse, basis) ?? 0) - (median(b.firstResponse, basis) ?? 0));
  const fastest = byMedian[0];
  const slowestMedian = byMedian[byMedian.length - 1];
  const summary = t('insights.charts.responseTimes.summary', {
    count: answered.length,
    fastest: duration(fastest ? median(fastest.firstResponse, basis) : null),
    fastestOwner: fastest ? `${fastest.owner.name}, ${dates(fastest)}` : '',
    slowest: duration(slowestMedian ? median(slowestMedian.firstResponse, basis) : null),
    slowestOwner: slowestMedian ? `${slowestMedian.owner.name}, ${dates(slowestMedian)}` : '',
    p90: duration(slowest),
  });
  return (
    <HorizontalBarChart
      title={t(`insights.charts.responseTimes.title.${basis}`)}
      summary={summary}
      note={t('insights.charts.responseTimes.note', { count: absences.length - answered.length })}
      rows={rows}
      series={[
        { key: 'median', name: t('insights.columns.median'), color: MEDIAN },
        { key: 'p90', name: t('insights.columns.p90'), color: P90 },
      ]}
      tick={duration}
      format={duration}
      ticks={durationTicks(slowest, narrow ? 3 : 6)}
    />
  );
}

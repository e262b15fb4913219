import { useTranslation } from 'react-i18next';

/** Whole minutes as people say them: "40 min", "2 h 5 min", "1 d 3 h" (days of 24 hours). */
export function useDuration() {
  const { t } = useTranslation();
  return (minutes: number | null): string => {
    if (minutes === null) return t('insights.none');
    const total = Math.round(minutes);
    if (total < 60) return t('insights.duration.minutes', { minutes: total });
    if (total < 24 * 60) {
      const hours = Math.floor(total / 60);
      const rest = total % 60;
      return rest === 0 ? t('insights.duration.hours', { hours }) : t('insights.duration.hoursMinutes', { hours, minutes: rest });
    }
    const days = Math.floor(total / (24 * 60));
    const hours = Math.round((total % (24 * 60)) / 60);
    return hours === 0 ? t('insights.duration.days', { days }) : t('insights.duration.daysHours', { days, hours });
  };
}

import type { AbsenceInsight } from '@contracts/insights.contracts';
import { useTranslation } from 'react-i18next';
import { localeFor } from '@/lib/format';
import { useSession } from '@/lib/session';

/** "23 Mar – 1 Apr 2026": an absence's planned days, in the workspace's zone. */
export function useAbsenceDates() {
  const { i18n } = useTranslation();
  const { workspace } = useSession();
  const format = new Intl.DateTimeFormat(localeFor(i18n.language), {
    timeZone: workspace.timezone,
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  });
  return (absence: Pick<AbsenceInsight, 'startsAt' | 'endsAt'>) => format.formatRange(new Date(absence.startsAt), new Date(absence.endsAt));
}

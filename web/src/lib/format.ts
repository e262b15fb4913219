import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from './session';

/** The browser's own locale when it speaks the chosen language (en-GB, it-CH…), else the bare language. */
export function localeFor(language: string): string {
  const preferred = typeof navigator === 'undefined' ? [] : navigator.languages;
  return preferred.find((locale) => locale.toLowerCase().split('-')[0] === language) ?? language;
}

/** Dates and times in the workspace time zone, written the way the user's locale writes them. */
export function useFormatters() {
  const { i18n } = useTranslation();
  const { workspace } = useSession();
  const locale = localeFor(i18n.language);
  return useMemo(() => {
    const dateTime = new Intl.DateTimeFormat(locale, { timeZone: workspace.timezone, dateStyle: 'medium', timeStyle: 'short' });
    const date = new Intl.DateTimeFormat(locale, { timeZone: workspace.timezone, dateStyle: 'medium' });
    // Holidays are calendar days, not instants: format them at noon UTC so no zone shifts the day.
    const day = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', weekday: 'short', day: 'numeric', month: 'long', year: 'numeric' });
    return {
      timezone: workspace.timezone,
      dateTime: (iso: string) => dateTime.format(new Date(iso)),
      date: (iso: string) => date.format(new Date(iso)),
      calendarDay: (ymd: string) => day.format(new Date(`${ymd}T12:00:00Z`)),
      number: (value: number) => new Intl.NumberFormat(locale).format(value),
    };
  }, [locale, workspace.timezone]);
}

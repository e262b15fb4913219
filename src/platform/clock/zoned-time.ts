import { DateTime } from 'luxon';

/** A wall-clock time (`2026-12-22T18:00`) in an IANA zone → the instant it names. */
export function localToInstant(local: string, timeZone: string): Date {
  const value = DateTime.fromISO(local, { zone: timeZone });
  if (!value.isValid) throw new RangeError(`${local} is not a valid time in ${timeZone}`);
  return value.toJSDate();
}

/** An instant → the wall-clock time in an IANA zone, as `2026-12-22T18:00`. */
export function instantToLocal(instant: Date, timeZone: string): string {
  return DateTime.fromJSDate(instant, { zone: timeZone }).toFormat("yyyy-MM-dd'T'HH:mm");
}

/** An instant as people read it in mails: "Tue 1 Dec 2026, 14:30" / "mar 1 dic 2026, 14:30", in the zone given. */
export function formatInstant(instant: Date, language: 'en' | 'it', timeZone: string): string {
  return DateTime.fromJSDate(instant, { zone: timeZone })
    .setLocale(language === 'it' ? 'it-IT' : 'en-GB')
    .toLocaleString({ weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
}

// The days of the demo's past absence (DEMO.md: D−110 to D−92) as working days of the workspace's calendar, so
// the story happens on working days whatever weekday the demo is loaded on.
import { DateTime } from 'luxon';
import { localToInstant } from '../../platform/clock/zoned-time';
import { type BusinessCalendar, defaultBusinessCalendar } from '../coverage/business-time.models';

/** The local dates of working days from D+fromOffset to D+toOffset, in the calendar of the workspace. */
function workingDays(today: Date, calendar: BusinessCalendar, fromOffset: number, toOffset: number) {
  const start = DateTime.fromJSDate(today, { zone: calendar.timeZone }).startOf('day');
  const days: string[] = [];
  for (let offset = fromOffset; offset <= toOffset; offset += 1) {
    const day = start.plus({ days: offset });
    const date = day.toFormat('yyyy-MM-dd');
    if (calendar.workingDays.includes(day.weekday) && !calendar.holidays.includes(date)) days.push(date);
  }
  return days;
}

export function demoStoryDays(today: Date, timeZone: string) {
  const calendar = defaultBusinessCalendar(timeZone);
  const absenceDays = workingDays(today, calendar, -110, -92);
  const daysBack = workingDays(today, calendar, -91, -80);
  return {
    calendar,
    /** Working day n of the absence at a local time; day 0 is the first working day back, -k the k-th after it. */
    day(n: number, time: string) {
      const date = n > 0 ? absenceDays[n - 1] : daysBack[-n];
      if (!date) throw new Error(`the demo story has no working day ${n}`);
      return localToInstant(`${date}T${time}`, timeZone);
    },
  };
}

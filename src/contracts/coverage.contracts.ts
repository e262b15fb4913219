import { z } from 'zod';

// ── Business hours and first-response SLA targets ───────────────────────────────────────────────
// The time zone is the workspace's, so it is not part of these settings.

/** `HH:mm`, 00:00–23:59. */
export const localTimePattern = /^([01]\d|2[0-3]):[0-5]\d$/;
/** `YYYY-MM-DD`; whether the day exists is checked separately (see `isRealDate`). */
export const localDatePattern = /^\d{4}-\d{2}-\d{2}$/;

/** `2026-02-30` matches the pattern but names no day. */
export function isRealDate(value: string): boolean {
  if (!localDatePattern.test(value)) return false;
  const [year, month, day] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const localTime = z.string().regex(localTimePattern, { message: 'must be a time such as 09:00 (HH:mm, 24-hour)' });
const localDate = z.string().refine(isRealDate, { message: 'must be a date such as 2026-12-25 (YYYY-MM-DD)' });
const noRepeats = (values: readonly unknown[]) => new Set(values).size === values.length;

/** Without refinements, so it can be extended (zod refuses `.extend` on a refined object). */
export const businessCalendarShape = {
  /** ISO weekdays: 1 = Monday … 7 = Sunday. */
  workingDays: z
    .array(z.number().int().min(1).max(7))
    .min(1, { message: 'choose at least one working day' })
    .max(7)
    .refine(noRepeats, { message: 'each working day may appear only once' }),
  opensAt: localTime,
  closesAt: localTime,
  holidays: z.array(localDate).max(366).refine(noRepeats, { message: 'each holiday may appear only once' }),
};

/** `HH:mm` strings of the same width compare in time order. */
export const closesAfterOpens = (hours: { opensAt: string; closesAt: string }) => hours.closesAt > hours.opensAt;
const closesAfterOpensMessage = { message: 'closing time must be later than opening time', path: ['closesAt'] };

export const businessCalendarSchema = z.object(businessCalendarShape).strict().refine(closesAfterOpens, closesAfterOpensMessage);
export type BusinessCalendarSettings = z.infer<typeof businessCalendarSchema>;

/** In business time: one day is one working day's length (closesAt − opensAt). */
export const slaTargetSchema = z.union([
  z.object({ hours: z.number().positive().max(1000) }).strict(),
  z.object({ days: z.number().positive().max(100) }).strict(),
]);
export type SlaTargetSettings = z.infer<typeof slaTargetSchema>;

export const coverageSettingsSchema = z
  .object({
    calendar: businessCalendarSchema,
    /** First-response targets: key accounts, everyone else. */
    sla: z.object({ key: slaTargetSchema, standard: slaTargetSchema }).strict(),
  })
  .strict();
export type CoverageSettings = z.infer<typeof coverageSettingsSchema>;

export const defaultCoverageSettings: CoverageSettings = {
  calendar: { workingDays: [1, 2, 3, 4, 5], opensAt: '09:00', closesAt: '18:00', holidays: [] },
  sla: { key: { hours: 4 }, standard: { days: 1 } },
};

import { z } from 'zod';
import { isoDateTime } from './common.contracts';
import { isRealDate } from './coverage.contracts';

const day = z.string().refine(isRealDate, { message: 'must be a date such as 2026-03-31 (YYYY-MM-DD)' });

/** The period, in the workspace's time zone, both days included; the last 12 months when left out. */
export const insightsQuerySchema = z.object({ from: day.optional(), to: day.optional() });
export type InsightsQuery = z.infer<typeof insightsQuerySchema>;

export const insightsViews = ['absences', 'delegates'] as const;
export type InsightsView = (typeof insightsViews)[number];
export const insightsCsvQuerySchema = insightsQuerySchema.extend({ view: z.enum(insightsViews).default('absences') });

const count = z.number().int();
const minutes = z.number().nullable();

/**
 * Time to first response of the email contacts that got one: median and 90th percentile, in wall-clock minutes and in
 * business minutes of the workspace's current calendar. Null when no email was answered.
 */
export const responseTimesSchema = z.object({
  answered: count,
  medianMinutes: minutes,
  p90Minutes: minutes,
  medianBusinessMinutes: minutes,
  p90BusinessMinutes: minutes,
});
export type ResponseTimes = z.infer<typeof responseTimesSchema>;

const handling = {
  contacts: count,
  emails: count,
  firstResponse: responseTimesSchema,
  /** Emails whose first response came after their SLA deadline, or that had none and were past it when closed or now. */
  slaBreaches: count,
  noInformation: count,
  /** Contacts escalated, counted once per contact and rule (however many people were told). */
  escalations: count,
};

const person = z.object({ id: z.uuid(), name: z.string() });

export const clientChangesSchema = z.object({ atRisk: count, lost: count, wonBack: count });
export type ClientChanges = z.infer<typeof clientChangesSchema>;

export const absenceInsightSchema = z.object({
  absenceId: z.uuid(),
  owner: person,
  startsAt: isoDateTime,
  endsAt: isoDateTime,
  returnedAt: isoDateTime.nullable(),
  delegates: z.array(person.extend({ role: z.enum(['primary', 'backup']) })),
  /** From the moment the absence started (null: not recorded, as for absences replayed by the demo). */
  readiness: z.object({ percent: z.number().int().min(0).max(100), gateOpen: z.boolean(), overridden: z.boolean() }).nullable(),
  ...handling,
  /** Covered clients whose status changed while the absence ran or in the 90 days after, within the period. */
  clients: clientChangesSchema,
});
export type AbsenceInsight = z.infer<typeof absenceInsightSchema>;

export const delegateInsightSchema = person.extend({
  /** Absences in the period where this person was a delegate or handled a contact. */
  absences: count,
  ...handling,
});
export type DelegateInsight = z.infer<typeof delegateInsightSchema>;

export const insightsSchema = z.object({
  period: z.object({ from: z.string(), to: z.string(), timeZone: z.string() }),
  totals: z.object({ absences: count, ...handling, clients: clientChangesSchema }),
  absences: z.array(absenceInsightSchema),
  delegates: z.array(delegateInsightSchema),
});
export type Insights = z.infer<typeof insightsSchema>;

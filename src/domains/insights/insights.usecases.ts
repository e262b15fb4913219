// Team insights for managers: the facts of the period read once, counted by the models, shown as JSON or CSV.
import type { InsightsQuery, InsightsView } from '../../contracts/insights.contracts';
import type { Clock } from '../../platform/clock/clock';
import type { BusinessCalendar } from '../coverage/business-time.models';
import { businessMinutesCounter } from '../coverage/business-time.models';
import type { Principal } from '../workspaces/auth.usecases';
import type { WorkspacesRepository } from '../workspaces/workspaces.repository';
import { insightsCsv, insightsCsvFileName } from './insights.csv';
import { insightsErrors } from './insights.errors';
import { attributionStart, buildInsights, defaultPeriod, periodOf } from './insights.models';
import type { InsightsRepository } from './insights.repository';

type Deps = {
  clock: Clock;
  insightsRepository: InsightsRepository;
  workspacesRepository: Pick<WorkspacesRepository, 'listUsers'>;
  /** The workspace's business calendar today: business minutes use it for past absences too. */
  calendarOf: (workspace: { id: string; timezone: string }) => Promise<{ calendar: BusinessCalendar }>;
};

// Reduced pairwise, not Math.min(...dates): tens of thousands of arguments would overflow the call stack.
const earliest = (dates: Date[]) => new Date(dates.reduce((first, date) => Math.min(first, date.getTime()), Number.POSITIVE_INFINITY));
const latest = (dates: Date[]) => new Date(dates.reduce((last, date) => Math.max(last, date.getTime()), Number.NEGATIVE_INFINITY));

export function createInsights(deps: Deps) {
  const { clock, insightsRepository: repo } = deps;

  /** Managers and admins only (the route says so); the workspace is always the caller's. */
  async function insights(principal: Principal, query: InsightsQuery) {
    const { id: workspaceId, timezone } = principal.workspace;
    const now = clock.now();
    const fallback = defaultPeriod(now, timezone);
    const period = periodOf(query.from ?? fallback.from, query.to ?? fallback.to, timezone);
    if (period === 'reversed') throw insightsErrors.periodReversed();
    if (period === 'too_long') throw insightsErrors.periodTooLong();

    const absences = await repo.absences(workspaceId, attributionStart(period), period.end);
    const clientIds = [...new Set(absences.flatMap((absence) => absence.clientIds))];
    const contacts = await repo.contacts(
      workspaceId,
      absences.map((absence) => absence.id),
    );
    const changes = await repo.statusChanges(workspaceId, clientIds, period.start, period.end);
    const names = new Map((await deps.workspacesRepository.listUsers(workspaceId)).map((user) => [user.id, user.name]));
    const { calendar } = await deps.calendarOf(principal.workspace);
    // The calendar is laid out once over the span of the answers, not walked again for each of thousands of emails.
    const answers = contacts.flatMap((contact) => (contact.firstResponseAt ? [contact.receivedAt, contact.firstResponseAt] : []));
    const span = answers.length > 0 ? { from: earliest(answers), to: latest(answers) } : { from: now, to: now };
    return buildInsights({
      period,
      absences,
      contacts,
      changes,
      now,
      nameOf: (userId) => names.get(userId) ?? '',
      businessMinutes: businessMinutesCounter(span, calendar),
    });
  }

  return {
    insights,
    async csv(principal: Principal, query: InsightsQuery & { view: InsightsView }) {
      const result = await insights(principal, query);
      return { fileName: insightsCsvFileName(result, query.view), body: insightsCsv(result, query.view) };
    },
  };
}
export type InsightsUseCases = ReturnType<typeof createInsights>;

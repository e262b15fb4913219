import type { Insights, InsightsView } from '@contracts/insights.contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

/** Empty: the server's default (the last 12 months). */
export type Period = { from?: string; to?: string };

const search = (params: Record<string, string | undefined>) => {
  const query = new URLSearchParams(Object.entries(params).filter((entry): entry is [string, string] => Boolean(entry[1])));
  return query.size > 0 ? `?${query}` : '';
};

export const getInsights = (period: Period) => api.get<Insights>(`/insights${search(period)}`);

export const useInsights = (period: Period) =>
  useQuery({
    queryKey: ['insights', period.from ?? '', period.to ?? ''],
    queryFn: () => getInsights(period),
    // Keep showing the last period while the next one loads, instead of emptying the page.
    placeholderData: keepPreviousData,
  });

/** A plain link: the browser downloads it with the session cookie, named by the server. */
export const insightsCsvUrl = (period: { from: string; to: string }, view: InsightsView) =>
  `/api/insights.csv${search({ from: period.from, to: period.to, view })}`;

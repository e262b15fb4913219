import type { QueueQuery, QueueResponse } from '@contracts/coverage.contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

export type QueueFilters = Required<Pick<QueueQuery, 'state' | 'scope'>> & Pick<QueueQuery, 'clientId' | 'tier'>;

export const QUEUE_PAGE = 50;

export const getCoverageQueue = (filters: QueueFilters, limit = QUEUE_PAGE) => {
  const params = new URLSearchParams({ state: filters.state, scope: filters.scope, limit: String(limit) });
  if (filters.clientId) params.set('clientId', filters.clientId);
  if (filters.tier) params.set('tier', filters.tier);
  return api.get<QueueResponse>(`/coverage/queue?${params}`);
};

/** The delegate's queue, most urgent first, `limit` at a time; fetched again every minute so new client mail shows up without a reload. */
export const useCoverageQueue = (filters: QueueFilters, limit = QUEUE_PAGE) =>
  useQuery({
    queryKey: ['coverage', 'queue', filters, limit],
    queryFn: () => getCoverageQueue(filters, limit),
    refetchInterval: 60_000,
    placeholderData: keepPreviousData,
  });

import type { QueueQuery, QueueResponse } from '@contracts/coverage.contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

export type QueueFilters = Required<Pick<QueueQuery, 'state' | 'scope'>> & Pick<QueueQuery, 'clientId' | 'tier'>;

export const getCoverageQueue = (filters: QueueFilters) => {
  const params = new URLSearchParams({ state: filters.state, scope: filters.scope });
  if (filters.clientId) params.set('clientId', filters.clientId);
  if (filters.tier) params.set('tier', filters.tier);
  return api.get<QueueResponse>(`/coverage/queue?${params}`);
};

/** The delegate's queue, fetched again every minute so new client mail shows up without a reload. */
export const useCoverageQueue = (filters: QueueFilters) =>
  useQuery({
    queryKey: ['coverage', 'queue', filters],
    queryFn: () => getCoverageQueue(filters),
    refetchInterval: 60_000,
    placeholderData: keepPreviousData,
  });

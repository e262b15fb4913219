import type { StatusLinksOverview } from '@contracts/absences.contracts';
import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { absenceQueryKey } from './get-absence';

export const statusLinksQueryKey = (absenceId: string) => [...absenceQueryKey(absenceId), 'status-links'] as const;

export const getStatusLinks = (absenceId: string) =>
  api.get<StatusLinksOverview>(`/absences/${encodeURIComponent(absenceId)}/status-links`);

export const useStatusLinks = (absenceId: string) =>
  useQuery({ queryKey: statusLinksQueryKey(absenceId), queryFn: () => getStatusLinks(absenceId) });

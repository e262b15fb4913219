import type { DebriefView } from '@contracts/debrief.contracts';
import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

export const debriefKey = (absenceId: string) => ['absences', absenceId, 'debrief'] as const;
export const debriefPath = (absenceId: string) => `/absences/${encodeURIComponent(absenceId)}/debrief`;

export const getDebrief = (absenceId: string) => api.get<DebriefView>(debriefPath(absenceId));

export const useDebrief = (absenceId: string, options: { enabled?: boolean } = {}) =>
  useQuery({ queryKey: debriefKey(absenceId), queryFn: () => getDebrief(absenceId), ...options });

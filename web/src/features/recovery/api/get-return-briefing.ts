import type { ReturnBriefing } from '@contracts/recovery.contracts';
import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

export const returnBriefingKey = (absenceId: string) => ['absences', absenceId, 'return-briefing'] as const;

export const getReturnBriefing = (absenceId: string) =>
  api.get<ReturnBriefing>(`/absences/${encodeURIComponent(absenceId)}/return-briefing`);

export const useReturnBriefing = (absenceId: string) =>
  useQuery({ queryKey: returnBriefingKey(absenceId), queryFn: () => getReturnBriefing(absenceId) });

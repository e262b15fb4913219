import type { BriefDetail } from '@contracts/briefs.contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

const absence = (absenceId: string) => `/absences/${encodeURIComponent(absenceId)}`;

export const createBrief = (absenceId: string, clientId: string) => api.post<BriefDetail>(`${absence(absenceId)}/briefs`, { clientId });
export const createAllBriefs = (absenceId: string) => api.post<{ created: number }>(`${absence(absenceId)}/briefs/all`, {});
export const shareBriefs = (absenceId: string) => api.post<{ state: 'handover'; briefs: number }>(`${absence(absenceId)}/briefs/share`, {});

/** Creating or sharing briefs changes the absence's list and readiness. */
function useAbsenceMutation<T, V>(absenceId: string, fn: (input: V) => Promise<T>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => queryClient.invalidateQueries({ queryKey: ['absences', absenceId] }) });
}

export const useCreateBrief = (absenceId: string) => useAbsenceMutation(absenceId, (clientId: string) => createBrief(absenceId, clientId));
export const useCreateAllBriefs = (absenceId: string) => useAbsenceMutation(absenceId, () => createAllBriefs(absenceId));
export const useShareBriefs = (absenceId: string) => useAbsenceMutation(absenceId, () => shareBriefs(absenceId));

import type { BriefDetail } from '@contracts/briefs.contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

const absence = (absenceId: string) => `/absences/${encodeURIComponent(absenceId)}`;

export const createBrief = (absenceId: string, clientId: string) => api.post<BriefDetail>(`${absence(absenceId)}/briefs`, { clientId });
export const createAllBriefs = (absenceId: string) => api.post<{ created: number }>(`${absence(absenceId)}/briefs/all`, {});
export const shareBriefs = (absenceId: string) => api.post<{ state: 'handover'; briefs: number }>(`${absence(absenceId)}/briefs/share`, {});

/**
 * Creating or sharing briefs changes the absence's list and readiness, and sharing moves the absence
 * itself to handover: refresh every absence query (the absences feature keys its own as
 * `['absences', 'one', id]` and `['absences', 'list', scope]`, not under the absence's id).
 */
function useAbsenceMutation<T, V>(fn: (input: V) => Promise<T>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => queryClient.invalidateQueries({ queryKey: ['absences'] }) });
}

export const useCreateBrief = (absenceId: string) => useAbsenceMutation((clientId: string) => createBrief(absenceId, clientId));
export const useCreateAllBriefs = (absenceId: string) => useAbsenceMutation(() => createAllBriefs(absenceId));
export const useShareBriefs = (absenceId: string) => useAbsenceMutation(() => shareBriefs(absenceId));

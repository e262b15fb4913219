import type { DebriefView } from '@contracts/debrief.contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { debriefKey, debriefPath } from './get-debrief';

export const openDebrief = (absenceId: string) => api.post<DebriefView>(debriefPath(absenceId), {});

export function useOpenDebrief(absenceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => openDebrief(absenceId),
    onSuccess: (view) => queryClient.setQueryData(debriefKey(absenceId), view),
    // Opened by someone else meanwhile: show theirs.
    onError: () => queryClient.invalidateQueries({ queryKey: debriefKey(absenceId) }),
  });
}

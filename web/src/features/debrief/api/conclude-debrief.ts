import type { DebriefView } from '@contracts/debrief.contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { debriefKey } from './get-debrief';

export const concludeDebrief = (debriefId: string) => api.post<DebriefView>(`/debriefs/${encodeURIComponent(debriefId)}/conclude`, {});

export function useConcludeDebrief(debriefId: string, absenceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => concludeDebrief(debriefId),
    onSuccess: (view) => queryClient.setQueryData(debriefKey(absenceId), view),
  });
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { debriefKey } from './get-debrief';

export const removeFinding = (debriefId: string, findingId: string) =>
  api.delete<{ ok: true }>(`/debriefs/${encodeURIComponent(debriefId)}/findings/${encodeURIComponent(findingId)}`);

export function useRemoveFinding(debriefId: string, absenceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (findingId: string) => removeFinding(debriefId, findingId),
    onSettled: () => queryClient.invalidateQueries({ queryKey: debriefKey(absenceId) }),
  });
}

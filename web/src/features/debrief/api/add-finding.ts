import type { AddDebriefFindingInput, DebriefFinding } from '@contracts/debrief.contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { debriefKey } from './get-debrief';

export const addFinding = (debriefId: string, input: AddDebriefFindingInput) =>
  api.post<DebriefFinding>(`/debriefs/${encodeURIComponent(debriefId)}/findings`, input);

export function useAddFinding(debriefId: string, absenceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: AddDebriefFindingInput) => addFinding(debriefId, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: debriefKey(absenceId) }),
  });
}

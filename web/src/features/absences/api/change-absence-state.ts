import type { Absence } from '@contracts/absences.contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { absencesQueryKey } from './get-absences';

/** "I'm back" (`return`) and `close`: lifecycle steps a person takes. */
export type AbsenceStep = 'return' | 'close';

export const changeAbsenceState = ({ absenceId, step }: { absenceId: string; step: AbsenceStep }) =>
  api.post<Absence>(`/absences/${encodeURIComponent(absenceId)}/${step}`);

export function useChangeAbsenceState() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: changeAbsenceState, onSuccess: () => queryClient.invalidateQueries({ queryKey: absencesQueryKey }) });
}

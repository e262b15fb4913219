import type { Absence } from '@contracts/absences.contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { absencesQueryKey } from './get-absences';

export const overrideGate = ({ absenceId, reason }: { absenceId: string; reason: string }) =>
  api.post<Absence>(`/absences/${encodeURIComponent(absenceId)}/gate-override`, { reason });

export function useOverrideGate() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: overrideGate, onSuccess: () => queryClient.invalidateQueries({ queryKey: absencesQueryKey }) });
}

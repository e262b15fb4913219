import type { Absence, updateAbsenceSchema } from '@contracts/absences.contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '@/lib/api-client';
import { absencesQueryKey } from './get-absences';

export type UpdateAbsenceInput = z.input<typeof updateAbsenceSchema>;

export const updateAbsence = ({ absenceId, ...input }: UpdateAbsenceInput & { absenceId: string }) =>
  api.patch<Absence>(`/absences/${encodeURIComponent(absenceId)}`, input);

export function useUpdateAbsence() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: updateAbsence, onSuccess: () => queryClient.invalidateQueries({ queryKey: absencesQueryKey }) });
}

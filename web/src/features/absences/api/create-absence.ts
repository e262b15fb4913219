import type { Absence, createAbsenceSchema } from '@contracts/absences.contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '@/lib/api-client';
import { absencesQueryKey } from './get-absences';

export type CreateAbsenceInput = z.input<typeof createAbsenceSchema>;

export const createAbsence = (input: CreateAbsenceInput) => api.post<Absence>('/absences', input);

export function useCreateAbsence() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: createAbsence, onSuccess: () => queryClient.invalidateQueries({ queryKey: absencesQueryKey }) });
}

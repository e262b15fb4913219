import type { Absence } from '@contracts/absences.contracts';
import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

export type AbsenceScope = 'mine' | 'covering' | 'all';
export const absencesQueryKey = ['absences'] as const;

export const getAbsences = (scope: AbsenceScope) => api.get<Absence[]>(`/absences?scope=${scope}`);

export const useAbsences = (scope: AbsenceScope) =>
  useQuery({ queryKey: [...absencesQueryKey, 'list', scope], queryFn: () => getAbsences(scope) });

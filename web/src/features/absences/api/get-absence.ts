import type { Absence } from '@contracts/absences.contracts';
import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { absencesQueryKey } from './get-absences';

export const absenceQueryKey = (absenceId: string) => [...absencesQueryKey, 'one', absenceId] as const;

export const getAbsence = (absenceId: string) => api.get<Absence>(`/absences/${encodeURIComponent(absenceId)}`);

export const useAbsence = (absenceId: string) => useQuery({ queryKey: absenceQueryKey(absenceId), queryFn: () => getAbsence(absenceId) });

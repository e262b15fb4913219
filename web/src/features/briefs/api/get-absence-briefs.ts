import type { Readiness } from '@contracts/absences.contracts';
import type { BriefList } from '@contracts/briefs.contracts';
import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

const absence = (absenceId: string) => `/absences/${encodeURIComponent(absenceId)}`;

export const absenceBriefsKey = (absenceId: string) => ['absences', absenceId, 'briefs'] as const;
export const readinessKey = (absenceId: string) => ['absences', absenceId, 'readiness'] as const;

export const getAbsenceBriefs = (absenceId: string) => api.get<BriefList>(`${absence(absenceId)}/briefs`);
export const getReadiness = (absenceId: string) => api.get<Readiness>(`${absence(absenceId)}/readiness`);

export const useAbsenceBriefs = (absenceId: string) =>
  useQuery({ queryKey: absenceBriefsKey(absenceId), queryFn: () => getAbsenceBriefs(absenceId) });
export const useReadiness = (absenceId: string) => useQuery({ queryKey: readinessKey(absenceId), queryFn: () => getReadiness(absenceId) });

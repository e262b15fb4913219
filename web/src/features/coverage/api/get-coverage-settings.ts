import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

// The shape of GET/PUT /api/coverage/settings (coverageSettingsSchema in the contracts once merged).
export type SlaTarget = { hours: number } | { days: number };
export type CoverageSettings = {
  calendar: { workingDays: number[]; opensAt: string; closesAt: string; holidays: string[] };
  sla: { key: SlaTarget; standard: SlaTarget };
};

export const coverageSettingsQueryKey = ['coverage', 'settings'] as const;

export const getCoverageSettings = () => api.get<CoverageSettings>('/coverage/settings');

export const useCoverageSettings = () => useQuery({ queryKey: coverageSettingsQueryKey, queryFn: getCoverageSettings });

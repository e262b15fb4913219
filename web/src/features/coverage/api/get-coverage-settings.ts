import type { CoverageSettings } from '@contracts/coverage.contracts';
import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

export const coverageSettingsQueryKey = ['coverage', 'settings'] as const;

export const getCoverageSettings = () => api.get<CoverageSettings>('/coverage/settings');

export const useCoverageSettings = () => useQuery({ queryKey: coverageSettingsQueryKey, queryFn: getCoverageSettings });

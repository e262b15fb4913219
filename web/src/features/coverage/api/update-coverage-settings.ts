import type { CoverageSettings } from '@contracts/coverage.contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { coverageSettingsQueryKey } from './get-coverage-settings';

export const updateCoverageSettings = (input: CoverageSettings) => api.put<CoverageSettings>('/coverage/settings', input);

export function useUpdateCoverageSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateCoverageSettings,
    onSuccess: (settings) => {
      queryClient.setQueryData(coverageSettingsQueryKey, settings);
      // Deadlines already shown may have moved.
      void queryClient.invalidateQueries({ queryKey: ['coverage', 'queue'] });
    },
  });
}

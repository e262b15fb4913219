import type { LogWinBackInput, RecoverySettings, WinBackList, WinBackReminder } from '@contracts/recovery.contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

export const winBackKey = ['recovery', 'win-back'] as const;
export const recoverySettingsKey = ['recovery', 'settings'] as const;

export const getWinBack = () => api.get<WinBackList>('/recovery/win-back');
export const logWinBack = ({ reminderId, ...input }: LogWinBackInput & { reminderId: string }) =>
  api.post<WinBackReminder>(`/recovery/win-back/${encodeURIComponent(reminderId)}/log`, input);
export const getRecoverySettings = () => api.get<RecoverySettings>('/recovery/settings');
export const updateRecoverySettings = (input: RecoverySettings) => api.put<RecoverySettings>('/recovery/settings', input);

export const useWinBack = () => useQuery({ queryKey: winBackKey, queryFn: getWinBack });
export const useRecoverySettings = () => useQuery({ queryKey: recoverySettingsKey, queryFn: getRecoverySettings });

export function useLogWinBack() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: logWinBack, onSuccess: () => queryClient.invalidateQueries({ queryKey: winBackKey }) });
}

export function useUpdateRecoverySettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateRecoverySettings,
    onSuccess: (settings) => queryClient.setQueryData(recoverySettingsKey, settings),
  });
}

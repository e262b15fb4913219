import type { createdApiTokenSchema } from '@contracts/workspaces.contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '@/lib/api-client';
import { apiTokensQueryKey } from './get-api-tokens';

export type CreatedApiToken = z.infer<typeof createdApiTokenSchema>;

export const createApiToken = (input: { name: string }) => api.post<CreatedApiToken>('/me/tokens', input);

export function useCreateApiToken() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: createApiToken, onSuccess: () => queryClient.invalidateQueries({ queryKey: apiTokensQueryKey }) });
}

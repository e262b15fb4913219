import type { apiTokenSchema } from '@contracts/workspaces.contracts';
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '@/lib/api-client';

export type ApiToken = z.infer<typeof apiTokenSchema>;

export const apiTokensQueryKey = ['me', 'tokens'] as const;

export const getApiTokens = () => api.get<ApiToken[]>('/me/tokens');

export const useApiTokens = () => useQuery({ queryKey: apiTokensQueryKey, queryFn: getApiTokens });

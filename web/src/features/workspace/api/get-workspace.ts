import type { Workspace } from '@contracts/workspaces.contracts';
import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

export const workspaceQueryKey = ['workspace'] as const;

export const getWorkspace = () => api.get<Workspace>('/workspace');

export const useWorkspace = () => useQuery({ queryKey: workspaceQueryKey, queryFn: getWorkspace });

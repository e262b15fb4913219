import type { User } from '@contracts/workspaces.contracts';
import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

/** The workspace's people, to choose a client's or a project's owner. */
export const getMembers = () => api.get<User[]>('/users');

export const useMembers = () => useQuery({ queryKey: ['users'], queryFn: getMembers, staleTime: 60_000 });

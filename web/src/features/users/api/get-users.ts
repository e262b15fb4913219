import type { User } from '@contracts/workspaces.contracts';
import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

export const usersQueryKey = ['users'] as const;

export const getUsers = () => api.get<User[]>('/users');

export const useUsers = () => useQuery({ queryKey: usersQueryKey, queryFn: getUsers });

import type { User } from '@contracts/workspaces.contracts';
import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

/** The workspace's people, for the delegate and manager pickers and for names. */
export const getPeople = () => api.get<User[]>('/users');

export const usePeople = () => useQuery({ queryKey: ['users'], queryFn: getPeople });

import type { Invitation } from '@contracts/workspaces.contracts';
import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

export const invitationsQueryKey = ['invitations'] as const;

export const getInvitations = () => api.get<Invitation[]>('/invitations');

export const useInvitations = () => useQuery({ queryKey: invitationsQueryKey, queryFn: getInvitations });

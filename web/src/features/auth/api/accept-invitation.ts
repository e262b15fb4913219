import { acceptInvitationSchema, type User } from '@contracts/workspaces.contracts';
import { useMutation } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '@/lib/api-client';

export { acceptInvitationSchema };
export type AcceptInvitationInput = z.infer<typeof acceptInvitationSchema>;

export const acceptInvitation = (input: AcceptInvitationInput) => api.post<User>('/invitations/accept', input);

export const useAcceptInvitation = () => useMutation({ mutationFn: acceptInvitation });

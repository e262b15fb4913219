import { createInvitationSchema, type Invitation } from '@contracts/workspaces.contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '@/lib/api-client';
import { invitationsQueryKey } from './get-invitations';

export { createInvitationSchema };
export type CreateInvitationInput = z.infer<typeof createInvitationSchema>;

export const createInvitation = (input: CreateInvitationInput) => api.post<Invitation>('/invitations', input);

export function useCreateInvitation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createInvitation,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: invitationsQueryKey });
      // The invitation mail lands in the outbox.
      void queryClient.invalidateQueries({ queryKey: ['outbox'] });
    },
  });
}

import type { SessionResponse, User, updateProfileSchema } from '@contracts/workspaces.contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '@/lib/api-client';
import { sessionQueryKey } from '@/lib/session';

export type UpdateProfileInput = z.infer<typeof updateProfileSchema>;

export const updateProfile = (input: UpdateProfileInput) => api.patch<User>('/me', input);

export function useUpdateProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateProfile,
    onSuccess: (user) => {
      queryClient.setQueryData<SessionResponse | null>(sessionQueryKey, (session) => (session ? { ...session, user } : session));
      void queryClient.invalidateQueries({ queryKey: ['users'] });
    },
  });
}

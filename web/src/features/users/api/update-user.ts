import type { User, updateUserSchema } from '@contracts/workspaces.contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '@/lib/api-client';
import { usersQueryKey } from './get-users';

export type UpdateUserInput = z.infer<typeof updateUserSchema>;

export const updateUser = ({ userId, ...input }: UpdateUserInput & { userId: string }) =>
  api.patch<User>(`/users/${encodeURIComponent(userId)}`, input);

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateUser,
    onSuccess: (user) => {
      queryClient.setQueryData<User[]>(usersQueryKey, (users) => users?.map((existing) => (existing.id === user.id ? user : existing)));
    },
  });
}

import type { changePasswordSchema } from '@contracts/workspaces.contracts';
import { useMutation } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '@/lib/api-client';

export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;

export const changePassword = (input: ChangePasswordInput) => api.post<{ ok: true }>('/me/password', input);

export const useChangePassword = () => useMutation({ mutationFn: changePassword });

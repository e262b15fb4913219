import type { LoginRequest, SessionResponse } from '@contracts/workspaces.contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, setCsrfToken } from '@/lib/api-client';
import { sessionQueryKey } from '@/lib/session';

export const login = (input: LoginRequest) => api.post<SessionResponse>('/auth/login', input);

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: login,
    onSuccess: (session) => {
      setCsrfToken(session.csrfToken);
      // Another person may sign in on this device: drop whatever the previous one had loaded.
      queryClient.removeQueries();
      queryClient.setQueryData(sessionQueryKey, session);
    },
  });
}

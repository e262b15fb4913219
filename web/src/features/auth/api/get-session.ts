import type { SessionResponse } from '@contracts/workspaces.contracts';
import { useQuery } from '@tanstack/react-query';
import { ApiError, api, setCsrfToken } from '@/lib/api-client';
import { sessionQueryKey } from '@/lib/session';

/** The current session, or null when signed out (a 401 is an answer here, not a failure). */
export async function getSession(): Promise<SessionResponse | null> {
  try {
    const session = await api.get<SessionResponse>('/auth/session');
    setCsrfToken(session.csrfToken);
    return session;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export const useSessionQuery = () => useQuery({ queryKey: sessionQueryKey, queryFn: getSession, staleTime: 60_000, retry: false });

import type { SessionResponse } from '@contracts/workspaces.contracts';
import { createContext, useContext } from 'react';

/**
 * The signed-in session, provided by the app shell. Features read it from here instead of importing
 * the auth feature, so imports keep flowing shared → features → app.
 */
export const SessionContext = createContext<SessionResponse | null>(null);

export const sessionQueryKey = ['session'] as const;

export function useSession(): SessionResponse {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession needs a signed-in session: render it inside the authenticated layout');
  return session;
}

export const isAdmin = (session: SessionResponse) => session.user.role === 'admin';

import { Navigate } from 'react-router';
import { Loading } from '@/components/ui/loading';
import { useSessionQuery } from '@/features/auth/api/get-session';
import { LoginPage } from '@/features/auth/pages/login-page';

/** Someone already signed in has nothing to do on the login page. */
export function LoginRoute() {
  const session = useSessionQuery();
  if (session.isPending) return <Loading />;
  if (session.data) return <Navigate to="/" replace />;
  return <LoginPage />;
}

import { createBrowserRouter, RouterProvider } from 'react-router';
import { AcceptInvitationPage } from '@/features/auth/pages/accept-invitation-page';
import { ClientsPage } from '@/features/clients/pages/clients-page';
import { MailMessagePage } from '@/features/mail/pages/mail-message-page';
import { MailPage } from '@/features/mail/pages/mail-page';
import { OutboxMessagePage } from '@/features/outbox/pages/outbox-message-page';
import { OutboxPage } from '@/features/outbox/pages/outbox-page';
import { ProfilePage } from '@/features/profile/pages/profile-page';
import { UsersPage } from '@/features/users/pages/users-page';
import { SettingsPage } from '@/features/workspace/pages/settings-page';
import { AppLayout } from './layouts/app-layout';
import { PublicLayout } from './layouts/public-layout';
import { HomePage } from './routes/home';
import { LoginRoute } from './routes/login';
import { NotFoundPage } from './routes/not-found';
import { RequireAdmin } from './routes/require-admin';

const router = createBrowserRouter([
  {
    element: <PublicLayout />,
    children: [
      { path: '/login', element: <LoginRoute /> },
      { path: '/invite/:token', element: <AcceptInvitationPage /> },
    ],
  },
  {
    element: <AppLayout />,
    children: [
      { path: '/', element: <HomePage /> },
      { path: '/clients', element: <ClientsPage /> },
      { path: '/mail', element: <MailPage /> },
      { path: '/mail/:messageId', element: <MailMessagePage /> },
      { path: '/profile', element: <ProfilePage /> },
      {
        element: <RequireAdmin />,
        children: [
          { path: '/settings', element: <SettingsPage /> },
          { path: '/users', element: <UsersPage /> },
          { path: '/outbox', element: <OutboxPage /> },
          { path: '/outbox/:outboxId', element: <OutboxMessagePage /> },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);

export function AppRouter() {
  return <RouterProvider router={router} />;
}

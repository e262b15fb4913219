import { createBrowserRouter, RouterProvider } from 'react-router';
import { AbsencePage } from '@/features/absences/pages/absence-page';
import { AbsencesPage } from '@/features/absences/pages/absences-page';
import { EditAbsencePage } from '@/features/absences/pages/edit-absence-page';
import { PlanAbsencePage } from '@/features/absences/pages/plan-absence-page';
import { AcceptInvitationPage } from '@/features/auth/pages/accept-invitation-page';
import { AbsenceBriefsPanel } from '@/features/briefs/components/absence-briefs-panel';
import { BriefPage } from '@/features/briefs/pages/brief-page';
import { BriefTemplatesPage } from '@/features/briefs/pages/brief-templates-page';
import { BriefVersionsPage } from '@/features/briefs/pages/brief-versions-page';
import { ClientPage } from '@/features/clients/pages/client-page';
import { ClientsPage } from '@/features/clients/pages/clients-page';
import { ImportClientsPage } from '@/features/clients/pages/import-clients-page';
import { NewClientPage } from '@/features/clients/pages/new-client-page';
import { CoverageSettingsLink } from '@/features/coverage/components/coverage-settings-link';
import { ContactPage } from '@/features/coverage/pages/contact-page';
import { CoverageQueuePage } from '@/features/coverage/pages/coverage-queue-page';
import { CoverageSettingsPage } from '@/features/coverage/pages/coverage-settings-page';
import { EscalationsPage } from '@/features/coverage/pages/escalations-page';
import { AbsenceDebriefPanel } from '@/features/debrief/components/absence-debrief-panel';
import { DebriefPage } from '@/features/debrief/pages/debrief-page';
import { MailMessagePage } from '@/features/mail/pages/mail-message-page';
import { MailPage } from '@/features/mail/pages/mail-page';
import { MailboxesPage } from '@/features/mail/pages/mailboxes-page';
import { OutboxMessagePage } from '@/features/outbox/pages/outbox-message-page';
import { OutboxPage } from '@/features/outbox/pages/outbox-page';
import { ProfilePage } from '@/features/profile/pages/profile-page';
import { AbsenceRecoveryPanel } from '@/features/recovery/components/absence-recovery-panel';
import { RecoveryPage } from '@/features/recovery/pages/recovery-page';
import { RecoveryTaskPage } from '@/features/recovery/pages/recovery-task-page';
import { ReturnBriefingPage } from '@/features/recovery/pages/return-briefing-page';
import { ReportPage } from '@/features/reports/pages/report-page';
import { UsersPage } from '@/features/users/pages/users-page';
import { WebhooksSettingsLink } from '@/features/webhooks/components/webhooks-settings-link';
import { WebhooksPage } from '@/features/webhooks/pages/webhooks-page';
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
      { path: '/clients/new', element: <NewClientPage /> },
      { path: '/clients/import', element: <ImportClientsPage /> },
      { path: '/clients/:clientId', element: <ClientPage /> },
      { path: '/absences', element: <AbsencesPage /> },
      { path: '/absences/new', element: <PlanAbsencePage /> },
      {
        path: '/absences/:absenceId',
        element: (
          <AbsencePage
            briefsPanel={(absenceId) => <AbsenceBriefsPanel absenceId={absenceId} />}
            returnPanel={(absenceId, state) => (
              <>
                <AbsenceRecoveryPanel absenceId={absenceId} state={state} />
                <AbsenceDebriefPanel absenceId={absenceId} state={state} />
              </>
            )}
          />
        ),
      },
      {
        path: '/absences/:absenceId/return',
        element: <ReturnBriefingPage debriefPanel={(absenceId, state) => <AbsenceDebriefPanel absenceId={absenceId} state={state} />} />,
      },
      { path: '/absences/:absenceId/debrief', element: <DebriefPage /> },
      { path: '/absences/:absenceId/report', element: <ReportPage /> },
      { path: '/absences/:absenceId/edit', element: <EditAbsencePage /> },
      { path: '/mail', element: <MailPage /> },
      { path: '/mail/mailboxes', element: <MailboxesPage /> },
      { path: '/mail/:messageId', element: <MailMessagePage /> },
      { path: '/coverage', element: <CoverageQueuePage /> },
      { path: '/coverage/contacts/:contactId', element: <ContactPage /> },
      { path: '/coverage/escalations', element: <EscalationsPage /> },
      { path: '/profile', element: <ProfilePage /> },
      { path: '/absences/:absenceId/briefs/:briefId', element: <BriefPage /> },
      { path: '/absences/:absenceId/briefs/:briefId/versions', element: <BriefVersionsPage /> },
      { path: '/brief-templates', element: <BriefTemplatesPage /> },
      { path: '/recovery', element: <RecoveryPage /> },
      { path: '/recovery/tasks/:taskId', element: <RecoveryTaskPage /> },
      // Loaded when opened: the charting library is only for the managers who look at insights.
      {
        path: '/insights',
        lazy: () => import('@/features/insights/pages/insights-page').then((page) => ({ Component: page.InsightsPage })),
      },
      {
        element: <RequireAdmin />,
        children: [
          {
            path: '/settings',
            element: (
              <SettingsPage
                sections={
                  <>
                    <CoverageSettingsLink />
                    <WebhooksSettingsLink />
                  </>
                }
              />
            ),
          },
          { path: '/settings/coverage', element: <CoverageSettingsPage /> },
          { path: '/settings/webhooks', element: <WebhooksPage /> },
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

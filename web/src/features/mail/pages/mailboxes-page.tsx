import '../mail.css';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { Loading } from '@/components/ui/loading';
import { PageHeader } from '@/components/ui/page-header';
import { isAdmin, useSession } from '@/lib/session';
import { useMailboxes } from '../api/get-mailboxes';
import { useMailErrorMessage } from '../components/mail-errors';
import { MailboxCard } from '../components/mailbox-card';
import { NewMailboxForm } from '../components/new-mailbox-form';

/** The mailboxes Baton reads: every one for admins and managers, a member's own otherwise. */
export function MailboxesPage() {
  const { t } = useTranslation();
  const session = useSession();
  const errorMessage = useMailErrorMessage();
  const mailboxes = useMailboxes();
  return (
    <>
      <p className="back-link">
        <Link to="/mail">← {t('mail.back')}</Link>
      </p>
      <PageHeader title={t('mail.mailboxes.title')} description={t('mail.mailboxes.description')} />
      {mailboxes.isPending ? <Loading /> : null}
      {mailboxes.isError ? <Alert tone="error">{errorMessage(mailboxes.error)}</Alert> : null}
      {mailboxes.data?.length === 0 ? <Alert tone="info">{t('mail.mailboxes.empty')}</Alert> : null}
      {mailboxes.data?.map((mailbox) => (
        <MailboxCard key={mailbox.id} mailbox={mailbox} canChange={isAdmin(session) || mailbox.ownerId === session.user.id} />
      ))}
      <NewMailboxForm />
    </>
  );
}

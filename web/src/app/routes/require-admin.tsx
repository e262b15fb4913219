import { useTranslation } from 'react-i18next';
import { Link, Outlet } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { PageHeader } from '@/components/ui/page-header';
import { isAdmin, useSession } from '@/lib/session';

export function RequireAdmin() {
  const { t } = useTranslation();
  const session = useSession();
  if (isAdmin(session)) return <Outlet />;
  return (
    <>
      <PageHeader title={t('forbidden.title')} />
      <Alert tone="warning">{t('errors.auth.forbidden')}</Alert>
      <p>
        <Link to="/">{t('notFound.home')}</Link>
      </p>
    </>
  );
}

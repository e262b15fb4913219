import { useTranslation } from 'react-i18next';
import { PageHeader } from '@/components/ui/page-header';
import { Invitations } from '../components/invitations';
import { MembersTable } from '../components/members-table';

export function UsersPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('users.title')} description={t('users.description')} />
      <MembersTable />
      <Invitations />
    </>
  );
}

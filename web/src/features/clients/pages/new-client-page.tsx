import '../clients.css';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { useSession } from '@/lib/session';
import { useCreateClient } from '../api/create-client';
import { ClientForm } from '../components/client-form';
import { useClientErrorMessage } from '../components/use-client-error';

export function NewClientPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const session = useSession();
  const errorMessage = useClientErrorMessage();
  const create = useCreateClient();
  return (
    <>
      <p className="back-link">
        <Link to="/clients">← {t('clients.back')}</Link>
      </p>
      <PageHeader title={t('clients.newTitle')} description={t('clients.newDescription')} />
      <Card title={t('clients.details')}>
        {create.isError ? <Alert tone="error">{errorMessage(create.error)}</Alert> : null}
        <ClientForm
          initial={{
            name: '',
            tier: 'standard',
            status: 'active',
            language: session.workspace.defaultLanguage,
            ownerId: session.user.id,
            domains: [],
            notes: '',
          }}
          withStatus
          busy={create.isPending}
          submitLabel={t('clients.create')}
          onSubmit={(values) => create.mutate(values, { onSuccess: (client) => navigate(`/clients/${client.id}`) })}
        />
      </Card>
    </>
  );
}

import '../clients.css';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Loading } from '@/components/ui/loading';
import { PageHeader } from '@/components/ui/page-header';
import { useArchiveClient } from '../api/archive-client';
import { useClient } from '../api/get-client';
import { ArchivedBadge, ClientStatusBadge, ClientTierBadge } from '../components/client-badges';
import { ClientDetailsCard } from '../components/client-details-card';
import { ClientStatusCard } from '../components/client-status-card';
import { ContactsCard } from '../components/contacts-card';
import { ProjectsCard } from '../components/projects-card';
import { useClientErrorMessage } from '../components/use-client-error';

export function ClientPage() {
  const { t } = useTranslation();
  const errorMessage = useClientErrorMessage();
  const clientId = useParams().clientId ?? '';
  const client = useClient(clientId);
  const archive = useArchiveClient();

  const back = (
    <p className="back-link">
      <Link to="/clients">← {t('clients.back')}</Link>
    </p>
  );
  if (client.isPending) return <Loading />;
  if (client.isError)
    return (
      <>
        {back}
        <PageHeader title={t('clients.title')} />
        <Alert tone="error">{errorMessage(client.error)}</Alert>
      </>
    );
  const data = client.data;
  return (
    <>
      {back}
      <PageHeader
        title={data.name}
        description={
          <span className="badge-row">
            <ClientTierBadge tier={data.tier} /> <ClientStatusBadge status={data.status} /> {data.archived ? <ArchivedBadge /> : null}
          </span>
        }
        actions={
          data.canEdit ? (
            <Button
              variant={data.archived ? 'secondary' : 'danger'}
              busy={archive.isPending}
              onClick={() => archive.mutate({ clientId: data.id, archived: !data.archived })}
            >
              {data.archived ? t('clients.unarchive') : t('clients.archive')}
            </Button>
          ) : null
        }
      />
      {archive.isError ? <Alert tone="error">{errorMessage(archive.error)}</Alert> : null}
      {data.archived ? <Alert tone="info">{t('clients.archivedNotice')}</Alert> : null}
      {data.canEdit ? null : <Alert tone="info">{t('clients.readOnly')}</Alert>}
      <div className="grid grid--two">
        <ClientDetailsCard client={data} />
        <ClientStatusCard client={data} />
      </div>
      <ContactsCard client={data} />
      <ProjectsCard client={data} />
    </>
  );
}

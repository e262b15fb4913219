import type { ClientDetail } from '@contracts/clients.contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { useMembers } from '../api/get-members';
import { useUpdateClient } from '../api/update-client';
import { ClientTierBadge } from './client-badges';
import { ClientForm } from './client-form';
import { useClientErrorMessage } from './use-client-error';

export function ClientDetailsCard({ client }: { client: ClientDetail }) {
  const { t } = useTranslation();
  const errorMessage = useClientErrorMessage();
  const members = useMembers();
  const update = useUpdateClient();
  const [editing, setEditing] = useState(false);
  const ownerName = members.data?.find((member) => member.id === client.ownerId)?.name ?? t('clients.noOwner');

  return (
    <Card
      title={t('clients.details')}
      actions={
        client.canEdit && !editing ? (
          <Button variant="secondary" size="small" onClick={() => setEditing(true)}>
            {t('clients.edit')}
          </Button>
        ) : null
      }
    >
      {update.isError ? <Alert tone="error">{errorMessage(update.error)}</Alert> : null}
      {update.isSuccess && !editing ? <Alert tone="success">{t('clients.saved')}</Alert> : null}
      {editing ? (
        <ClientForm
          initial={{ ...client }}
          withStatus={false}
          busy={update.isPending}
          submitLabel={t('clients.save')}
          onCancel={() => setEditing(false)}
          onSubmit={({ status: _status, ...values }) =>
            update.mutate({ clientId: client.id, ...values }, { onSuccess: () => setEditing(false) })
          }
        />
      ) : (
        <dl className="details">
          <div className="details__row">
            <dt>{t('clients.form.tier')}</dt>
            <dd>
              <ClientTierBadge tier={client.tier} />
            </dd>
          </div>
          <div className="details__row">
            <dt>{t('clients.form.language')}</dt>
            <dd>{client.language === 'it' ? 'Italiano' : 'English'}</dd>
          </div>
          <div className="details__row">
            <dt>{t('clients.form.owner')}</dt>
            <dd>{ownerName}</dd>
          </div>
          <div className="details__row">
            <dt>{t('clients.form.domains')}</dt>
            <dd>
              {client.domains.length ? (
                <ul className="inline-list">
                  {client.domains.map((domain) => (
                    <li key={domain}>
                      <code className="break">{domain}</code>
                    </li>
                  ))}
                </ul>
              ) : (
                t('clients.none')
              )}
            </dd>
          </div>
          <div className="details__row">
            <dt>{t('clients.form.notes')}</dt>
            <dd className="pre-line">{client.notes || t('clients.none')}</dd>
          </div>
        </dl>
      )}
    </Card>
  );
}

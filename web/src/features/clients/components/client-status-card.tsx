import { type ClientDetail, type ClientStatus, clientStatuses } from '@contracts/clients.contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { SelectField, TextAreaField } from '@/components/ui/field';
import { useFormatters } from '@/lib/format';
import { useChangeClientStatus } from '../api/change-client-status';
import { ClientStatusBadge } from './client-badges';
import { useClientErrorMessage } from './use-client-error';

/** The status changes only with a reason; every change is kept, newest first. */
export function ClientStatusCard({ client }: { client: ClientDetail }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const errorMessage = useClientErrorMessage();
  const change = useChangeClientStatus();
  const [status, setStatus] = useState<ClientStatus>(client.status === 'active' ? 'at_risk' : 'active');
  const [reason, setReason] = useState('');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    change.mutate({ clientId: client.id, status, reason: reason.trim() }, { onSuccess: () => setReason('') });
  };

  return (
    <Card title={t('clients.statusCard.title')} description={t('clients.statusCard.description')}>
      <p>
        {t('clients.statusCard.current')} <ClientStatusBadge status={client.status} />
      </p>
      {change.isError ? <Alert tone="error">{errorMessage(change.error)}</Alert> : null}
      {client.canEdit ? (
        <form className="form" onSubmit={submit}>
          <SelectField
            label={t('clients.statusCard.newStatus')}
            value={status}
            onChange={(event) => setStatus(event.target.value as ClientStatus)}
            options={clientStatuses
              .filter((value) => value !== client.status)
              .map((value) => ({ value, label: t(`clients.status.${value}`) }))}
          />
          <TextAreaField
            label={t('clients.statusCard.reason')}
            hint={t('clients.statusCard.reasonHint')}
            required
            minLength={3}
            maxLength={1000}
            rows={2}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
          />
          <div className="form__actions">
            <Button type="submit" busy={change.isPending}>
              {t('clients.statusCard.submit')}
            </Button>
          </div>
        </form>
      ) : null}
      <h3 className="card__subtitle">{t('clients.statusCard.history')}</h3>
      <ol className="history">
        {client.statusHistory.map((entry) => (
          <li key={entry.id}>
            <p>
              {entry.fromStatus ? (
                <>
                  <ClientStatusBadge status={entry.fromStatus} /> → <ClientStatusBadge status={entry.toStatus} />
                </>
              ) : (
                <>
                  {t('clients.statusCard.created')} <ClientStatusBadge status={entry.toStatus} />
                </>
              )}
            </p>
            <p className="muted">
              <time dateTime={entry.changedAt}>{format.dateTime(entry.changedAt)}</time>
              {' · '}
              {entry.changedByName ?? t('clients.statusCard.system')}
            </p>
            {entry.reason ? <p>{entry.reason}</p> : null}
          </li>
        ))}
      </ol>
    </Card>
  );
}

import type { Webhook } from '@contracts/webhooks.contracts';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { useFormatters } from '@/lib/format';
import { useDeleteWebhook, useSendTestEvent, useUpdateWebhook } from '../api/save-webhook';
import { DeliveryStatus, useEventName } from './delivery-status';
import { WebhookDeliveries } from './webhook-deliveries';
import { useWebhookErrorMessage } from './webhook-errors';
import { useWebhookDraftCheck, type WebhookDraft, WebhookFormFields, type WebhookProblems } from './webhook-form-fields';

export function WebhookCard({ webhook }: { webhook: Webhook }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const eventName = useEventName();
  const errorMessage = useWebhookErrorMessage();
  const [editing, setEditing] = useState(false);
  const [showDeliveries, setShowDeliveries] = useState(false);
  const update = useUpdateWebhook(webhook.id);
  const remove = useDeleteWebhook(webhook.id);
  const test = useSendTestEvent(webhook.id);
  const failure = [update, remove, test].find((mutation) => mutation.isError)?.error;

  const rows: [string, ReactNode][] = [
    [t('webhooks.fields.events'), webhook.eventTypes.map(eventName).join(', ')],
    [t('webhooks.fields.secret'), <code key="secret">{webhook.secretPrefix}…</code>],
    [
      t('webhooks.fields.lastDelivery'),
      webhook.lastDelivery ? (
        <span key="last" className="webhooks-last">
          <DeliveryStatus status={webhook.lastDelivery.status} /> {eventName(webhook.lastDelivery.eventType)} ·{' '}
          <time dateTime={webhook.lastDelivery.at}>{format.dateTime(webhook.lastDelivery.at)}</time>
        </span>
      ) : (
        t('webhooks.never')
      ),
    ],
  ];

  return (
    <Card
      title={<span className="break">{webhook.description || webhook.url}</span>}
      description={webhook.description ? <span className="break">{webhook.url}</span> : undefined}
      actions={
        <Badge tone={webhook.enabled ? 'success' : 'neutral'}>{webhook.enabled ? t('webhooks.enabled') : t('webhooks.disabled')}</Badge>
      }
    >
      <div className="webhooks-stack">
        <dl className="details">
          {rows.map(([term, value]) => (
            <div key={term} className="details__row">
              <dt>{term}</dt>
              <dd className="break">{value}</dd>
            </div>
          ))}
        </dl>
        {test.data ? (
          <Alert tone={test.data.status === 'delivered' ? 'success' : 'error'}>
            <p className="break">
              {test.data.status === 'delivered'
                ? t('webhooks.test.delivered', { status: test.data.lastStatusCode })
                : t('webhooks.test.failed', { error: test.data.lastError })}
            </p>
          </Alert>
        ) : null}
        {failure ? <Alert tone="error">{errorMessage(failure)}</Alert> : null}
        <div className="form__actions">
          <Button size="small" variant="secondary" busy={test.isPending} disabled={!webhook.enabled} onClick={() => test.mutate()}>
            {t('webhooks.actions.test')}
          </Button>
          <Button size="small" variant="secondary" busy={update.isPending} onClick={() => update.mutate({ enabled: !webhook.enabled })}>
            {webhook.enabled ? t('webhooks.actions.disable') : t('webhooks.actions.enable')}
          </Button>
          <Button size="small" variant="secondary" aria-expanded={editing} onClick={() => setEditing(!editing)}>
            {t('webhooks.actions.edit')}
          </Button>
          <Button
            size="small"
            variant="danger"
            busy={remove.isPending}
            onClick={() => window.confirm(t('webhooks.confirmDelete', { url: webhook.url })) && remove.mutate()}
          >
            {t('webhooks.actions.delete')}
          </Button>
        </div>
        {editing ? <EditWebhookForm webhook={webhook} onDone={() => setEditing(false)} /> : null}
        <div>
          <Button size="small" variant="ghost" aria-expanded={showDeliveries} onClick={() => setShowDeliveries(!showDeliveries)}>
            {showDeliveries ? t('webhooks.deliveries.hide') : t('webhooks.deliveries.show')}
          </Button>
          {showDeliveries ? <WebhookDeliveries webhookId={webhook.id} canRedeliver={webhook.enabled} /> : null}
        </div>
      </div>
    </Card>
  );
}

function EditWebhookForm({ webhook, onDone }: { webhook: Webhook; onDone: () => void }) {
  const { t } = useTranslation();
  const errorMessage = useWebhookErrorMessage();
  const check = useWebhookDraftCheck();
  const update = useUpdateWebhook(webhook.id);
  const [draft, setDraft] = useState<WebhookDraft>({ url: webhook.url, description: webhook.description, eventTypes: webhook.eventTypes });
  const [problems, setProblems] = useState<WebhookProblems>({});

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const found = check(draft);
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    update.mutate(
      { url: draft.url.trim(), description: draft.description.trim(), eventTypes: draft.eventTypes },
      { onSuccess: () => onDone() },
    );
  };

  return (
    <form className="form webhooks-edit" onSubmit={onSubmit} noValidate>
      <WebhookFormFields draft={draft} onChange={setDraft} problems={problems} />
      {update.isError ? <Alert tone="error">{errorMessage(update.error)}</Alert> : null}
      <div className="form__actions">
        <Button type="submit" busy={update.isPending}>
          {t('webhooks.actions.save')}
        </Button>
        <Button variant="secondary" onClick={onDone}>
          {t('webhooks.actions.cancel')}
        </Button>
      </div>
    </form>
  );
}

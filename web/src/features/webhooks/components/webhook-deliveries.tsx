import type { WebhookDelivery } from '@contracts/webhooks.contracts';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Loading } from '@/components/ui/loading';
import { useFormatters } from '@/lib/format';
import { useWebhookDeliveries } from '../api/get-webhooks';
import { useRedeliver } from '../api/save-webhook';
import { DeliveryStatus, useEventName } from './delivery-status';
import { useWebhookErrorMessage } from './webhook-errors';

/** The payload as a person reads it; what was signed and sent is the compact original. */
const pretty = (body: string) => {
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
};

function DeliveryItem({ delivery, canRedeliver }: { delivery: WebhookDelivery; canRedeliver: boolean }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const eventName = useEventName();
  const errorMessage = useWebhookErrorMessage();
  const redeliver = useRedeliver();
  const answer =
    delivery.lastStatusCode !== null
      ? `HTTP ${delivery.lastStatusCode}`
      : delivery.attempts > 0
        ? t('webhooks.deliveries.noAnswer')
        : t('webhooks.deliveries.notTried');
  const at = delivery.lastAttemptAt ?? delivery.createdAt;
  return (
    <li className="webhooks-delivery">
      <div className="webhooks-delivery__head">
        <DeliveryStatus status={delivery.status} />
        <strong>{eventName(delivery.eventType)}</strong>
        <time dateTime={at} className="muted">
          {format.dateTime(at)}
        </time>
      </div>
      <p className="muted break">
        <code>{delivery.eventId}</code> · {t('webhooks.deliveries.attempts', { count: delivery.attempts })} · {answer}
        {delivery.redeliveryOf ? ` · ${t('webhooks.deliveries.redelivery')}` : ''}
      </p>
      {/* A bare "HTTP 500" already shows as the answer above. */}
      {delivery.lastError && delivery.lastError !== answer ? <p className="break webhooks-delivery__error">{delivery.lastError}</p> : null}
      {delivery.status === 'pending' && delivery.nextAttemptAt ? (
        <p className="muted">
          {t('webhooks.deliveries.nextAttempt')} <time dateTime={delivery.nextAttemptAt}>{format.dateTime(delivery.nextAttemptAt)}</time>
        </p>
      ) : null}
      {redeliver.isError ? <Alert tone="error">{errorMessage(redeliver.error)}</Alert> : null}
      <div className="webhooks-delivery__actions">
        {canRedeliver && delivery.status !== 'pending' ? (
          <Button
            size="small"
            variant="secondary"
            busy={redeliver.isPending}
            onClick={() => redeliver.mutate(delivery.id)}
            aria-label={t('webhooks.deliveries.redeliverNamed', { event: eventName(delivery.eventType), id: delivery.eventId })}
          >
            {t('webhooks.deliveries.redeliver')}
          </Button>
        ) : null}
        <details className="webhooks-payload">
          <summary>{t('webhooks.deliveries.payload')}</summary>
          <pre>{pretty(delivery.body)}</pre>
        </details>
      </div>
    </li>
  );
}

/** The most recent deliveries of one endpoint, newest first, each with its payload. */
export function WebhookDeliveries({ webhookId, canRedeliver }: { webhookId: string; canRedeliver: boolean }) {
  const { t } = useTranslation();
  const errorMessage = useWebhookErrorMessage();
  const deliveries = useWebhookDeliveries(webhookId);
  if (deliveries.isPending) return <Loading label={t('webhooks.deliveries.loading')} />;
  if (deliveries.isError) return <Alert tone="error">{errorMessage(deliveries.error)}</Alert>;
  if (deliveries.data.length === 0) return <p className="empty">{t('webhooks.deliveries.empty')}</p>;
  return (
    <ul className="webhooks-deliveries" aria-label={t('webhooks.deliveries.title')}>
      {deliveries.data.map((delivery) => (
        <DeliveryItem key={delivery.id} delivery={delivery} canRedeliver={canRedeliver} />
      ))}
    </ul>
  );
}

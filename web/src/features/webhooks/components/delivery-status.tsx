import type { WebhookDeliveryStatus } from '@contracts/webhooks.contracts';
import { useTranslation } from 'react-i18next';
import { Badge, type BadgeTone } from '@/components/ui/badge';

const tones: Record<WebhookDeliveryStatus, BadgeTone> = {
  pending: 'info',
  delivered: 'success',
  failed: 'danger',
  cancelled: 'neutral',
};

export function DeliveryStatus({ status }: { status: WebhookDeliveryStatus }) {
  const { t } = useTranslation();
  return <Badge tone={tones[status]}>{t(`webhooks.status.${status}`)}</Badge>;
}

/** An event type by its name in the user's language (the test event included). */
export function useEventName() {
  const { t } = useTranslation();
  return (type: string) => t(`webhooks.events.${type}.name`, { defaultValue: type });
}

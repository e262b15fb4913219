import type { OutboxStatus } from '@contracts/outbox.contracts';
import { useTranslation } from 'react-i18next';
import { Badge, type BadgeTone } from '@/components/ui/badge';

const tone: Record<OutboxStatus, BadgeTone> = {
  queued: 'neutral',
  sending: 'info',
  sent: 'success',
  stored: 'success',
  failed: 'danger',
  uncertain: 'warning',
};

export function OutboxStatusBadge({ status }: { status: OutboxStatus }) {
  const { t } = useTranslation();
  return <Badge tone={tone[status]}>{t(`outbox.status.${status}`)}</Badge>;
}

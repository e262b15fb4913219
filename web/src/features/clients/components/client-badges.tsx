import type { ClientStatus, ClientTier } from '@contracts/clients.contracts';
import { useTranslation } from 'react-i18next';
import { Badge, type BadgeTone } from '@/components/ui/badge';

const statusTone: Record<ClientStatus, BadgeTone> = { active: 'success', at_risk: 'warning', lost: 'danger', won_back: 'info' };

export function ClientStatusBadge({ status }: { status: ClientStatus }) {
  const { t } = useTranslation();
  return <Badge tone={statusTone[status]}>{t(`clients.status.${status}`)}</Badge>;
}

export function ClientTierBadge({ tier }: { tier: ClientTier }) {
  const { t } = useTranslation();
  return <Badge tone={tier === 'key' ? 'accent' : 'neutral'}>{t(`clients.tier.${tier}`)}</Badge>;
}

export function ArchivedBadge() {
  const { t } = useTranslation();
  return <Badge tone="neutral">{t('clients.archived')}</Badge>;
}

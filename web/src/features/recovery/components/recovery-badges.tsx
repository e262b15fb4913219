import type { ClientStatus } from '@contracts/clients.contracts';
import type { RecoveryTaskState, WinBackReminderState } from '@contracts/recovery.contracts';
import { useTranslation } from 'react-i18next';
import { Badge, type BadgeTone } from '@/components/ui/badge';

const statusTones: Record<ClientStatus, BadgeTone> = { active: 'success', at_risk: 'warning', lost: 'danger', won_back: 'info' };

export function ClientStatusBadge({ status }: { status: ClientStatus }) {
  const { t } = useTranslation();
  return <Badge tone={statusTones[status]}>{t(`recovery.status.${status}`)}</Badge>;
}

export function KeyAccountBadge() {
  const { t } = useTranslation();
  return <Badge tone="accent">{t('recovery.keyAccount')}</Badge>;
}

export function TaskStateBadge({ state }: { state: RecoveryTaskState }) {
  const { t } = useTranslation();
  return <Badge tone={state === 'open' ? 'warning' : 'success'}>{t(`recovery.taskState.${state}`)}</Badge>;
}

const reminderTones: Record<WinBackReminderState, BadgeTone> = {
  scheduled: 'neutral',
  due: 'warning',
  done: 'success',
  cancelled: 'neutral',
};

export function ReminderStateBadge({ state }: { state: WinBackReminderState }) {
  const { t } = useTranslation();
  return <Badge tone={reminderTones[state]}>{t(`recovery.winBack.state.${state}`)}</Badge>;
}

import '../recovery.css';
import type { AbsenceStateName } from '@contracts/absences.contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Card } from '@/components/ui/card';
import { useAbsenceTasks } from '../api/get-recovery-tasks';

/**
 * The absence page's way into the return: the briefing (live while the absence runs) and the recovery calls.
 * Rendered by the app's router in the absence page's slot; people who may not read the briefing see nothing.
 */
export function AbsenceRecoveryPanel({ absenceId, state }: { absenceId: string; state: AbsenceStateName }) {
  const { t } = useTranslation();
  const started = state === 'active' || state === 'returned' || state === 'closed';
  const tasks = useAbsenceTasks(absenceId, { enabled: started });
  if (!started || !tasks.isSuccess) return null;
  const open = tasks.data.tasks.filter((task) => task.state === 'open').length;
  const total = tasks.data.tasks.length;
  return (
    <Card title={t('recovery.panel.title')} description={state === 'active' ? t('recovery.panel.live') : t('recovery.panel.returned')}>
      <p className="recovery-panel__actions">
        <Link className="button button--primary" to={`/absences/${absenceId}/return`}>
          {state === 'active' ? t('recovery.panel.openLive') : t('recovery.panel.open')}
        </Link>
        {total > 0 ? <span>{t('recovery.panel.tasks', { open, count: total })}</span> : null}
      </p>
    </Card>
  );
}

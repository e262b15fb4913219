import '../debrief.css';
import type { AbsenceStateName } from '@contracts/absences.contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { useDebrief } from '../api/get-debrief';

/**
 * The way into the debrief from the absence page and the return briefing, rendered by the app's router in their slots.
 * People the debrief does not concern get a 404 and see nothing; a delegate sees it once it is opened.
 */
export function AbsenceDebriefPanel({ absenceId, state }: { absenceId: string; state: AbsenceStateName }) {
  const { t } = useTranslation();
  const returned = state === 'returned' || state === 'closed';
  const view = useDebrief(absenceId, { enabled: returned });
  if (!returned || !view.isSuccess) return null;
  const { debrief, viewer } = view.data;
  const action = !debrief
    ? t('debrief.panel.prepare')
    : debrief.state === 'concluded'
      ? t('debrief.panel.read')
      : viewer.organises
        ? t('debrief.panel.openIt')
        : t('debrief.panel.answer');
  return (
    <Card
      title={t('debrief.panel.title')}
      description={viewer.organises ? t('debrief.panel.organiser') : t('debrief.panel.delegate')}
      actions={debrief ? <Badge tone={debrief.state === 'open' ? 'accent' : 'neutral'}>{t(`debrief.state.${debrief.state}`)}</Badge> : null}
    >
      <p className="debrief-panel__actions">
        <Link className="button button--primary" to={`/absences/${absenceId}/debrief`}>
          {action}
        </Link>
      </p>
    </Card>
  );
}

import type { Readiness } from '@contracts/absences.contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { Card } from '@/components/ui/card';

const MISSING_BRIEF_ID = '00000000-0000-0000-0000-000000000000';

/** Score, gate and what blocks it: what a manager and the delegates look at before departure. */
export function ReadinessPanel({ absenceId, readiness }: { absenceId: string; readiness: Readiness }) {
  const { t } = useTranslation();
  const percent = Math.floor(readiness.score * 100);
  const gateText = readiness.gate.overridden
    ? t('briefs.readiness.overridden')
    : readiness.gate.open
      ? t('briefs.readiness.gateOpen')
      : t('briefs.readiness.gateClosed');
  return (
    <Card title={t('briefs.readiness.title')} description={t('briefs.readiness.scoreHint')}>
      <div className="stack">
        <p className="stat">
          <span className="stat__value">{t('briefs.readiness.score', { score: percent })}</span>
        </p>
        <progress className="readiness-bar" max={100} value={percent} aria-label={t('briefs.readiness.title')}>
          {percent} %
        </progress>
        <Alert tone={readiness.gate.open ? 'success' : 'warning'}>{gateText}</Alert>
        <h3 className="card__title">{t('briefs.readiness.blockers')}</h3>
        {readiness.gate.blockers.length === 0 ? (
          <p className="muted">{t('briefs.readiness.noBlockers')}</p>
        ) : (
          <ul>
            {readiness.gate.blockers.map((blocker) => (
              <li key={`${blocker.briefId}-${blocker.clientName}-${blocker.reason}`}>
                {blocker.briefId === MISSING_BRIEF_ID ? (
                  t('briefs.readiness.noBrief', { client: blocker.clientName })
                ) : (
                  <Link to={`/absences/${absenceId}/briefs/${blocker.briefId}`}>
                    {t(`briefs.readiness.reason.${blocker.reason}`, { client: blocker.clientName })}
                  </Link>
                )}
              </li>
            ))}
          </ul>
        )}
      </div>
    </Card>
  );
}

import type { RecoveryTask } from '@contracts/recovery.contracts';
import { useTranslation } from 'react-i18next';

/** Why a client ranks where it does: each reason in words, what it means, and the points it adds. */
export function RiskReasons({ reasons, score }: { reasons: RecoveryTask['reasons']; score: number }) {
  const { t } = useTranslation();
  if (reasons.length === 0) return <p className="muted">{t('recovery.reasons.none')}</p>;
  return (
    <div className="recovery-reasons">
      <p className="recovery-reasons__score">{t('recovery.reasons.score', { count: score })}</p>
      <ul>
        {reasons.map((reason) => (
          <li key={reason.reason}>
            <span className="recovery-reasons__title">{t(`recovery.reasons.${reason.reason}.title`, { count: reason.count ?? 1 })}</span>{' '}
            <span className="recovery-reasons__points">{t('recovery.reasons.points', { count: reason.points })}</span>
            <span className="recovery-reasons__explain">{t(`recovery.reasons.${reason.reason}.explain`)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

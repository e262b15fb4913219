import type { Debrief } from '@contracts/debrief.contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { useConcludeDebrief } from '../api/conclude-debrief';
import { useDebriefErrorMessage } from './use-debrief-error';

/** Closing the meeting's record, asked twice: afterwards nobody changes the answers or the findings. */
export function ConcludePanel({ debrief }: { debrief: Debrief }) {
  const { t } = useTranslation();
  const errorMessage = useDebriefErrorMessage();
  const conclude = useConcludeDebrief(debrief.id, debrief.absenceId);
  const [confirming, setConfirming] = useState(false);
  const hasFindings = (debrief.findings?.length ?? 0) > 0;

  return (
    <div className="stack">
      {conclude.isError ? <Alert tone="error">{errorMessage(conclude.error)}</Alert> : null}
      {confirming ? (
        <>
          <p>{t('debrief.conclude.confirm')}</p>
          <div className="form__actions">
            <Button busy={conclude.isPending} onClick={() => conclude.mutate()}>
              {t('debrief.conclude.yes')}
            </Button>
            <Button variant="secondary" onClick={() => setConfirming(false)}>
              {t('debrief.conclude.cancel')}
            </Button>
          </div>
        </>
      ) : (
        <div className="form__actions">
          <Button variant="secondary" disabled={!hasFindings} onClick={() => setConfirming(true)}>
            {t('debrief.conclude.button')}
          </Button>
          {hasFindings ? null : <span className="muted">{t('debrief.conclude.needsFinding')}</span>}
        </div>
      )}
    </div>
  );
}

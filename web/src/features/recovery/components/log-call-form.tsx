import { type CallOutcome, callOutcomes } from '@contracts/recovery.contracts';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextAreaField, TextField } from '@/components/ui/field';
import { useSession } from '@/lib/session';
import { useLogRecoveryCall } from '../api/get-recovery-task';
import { useRecoveryErrorMessage } from './use-recovery-error';

/** Today as YYYY-MM-DD in the workspace's time zone (the day the server compares the retry date with). */
const todayIn = (timeZone: string) => new Intl.DateTimeFormat('en-CA', { timeZone }).format(new Date());

/** What came of the call: the outcome moves the client's status; no answer needs the day to try again. */
export function LogCallForm({ taskId, absenceId }: { taskId: string; absenceId: string }) {
  const { t } = useTranslation();
  const { workspace } = useSession();
  const errorMessage = useRecoveryErrorMessage();
  const log = useLogRecoveryCall(taskId, absenceId);
  const legendId = useId();
  const [outcome, setOutcome] = useState<CallOutcome | null>(null);
  const [notes, setNotes] = useState('');
  const [nextStep, setNextStep] = useState('');
  const [retryOn, setRetryOn] = useState('');
  const [lostReason, setLostReason] = useState('');
  const [saved, setSaved] = useState<CallOutcome | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!outcome) return;
    const common = { notes: notes.trim(), nextStep: nextStep.trim() };
    const input =
      outcome === 'lost'
        ? { outcome, lostReason: lostReason.trim(), ...common }
        : outcome === 'no_answer'
          ? { outcome, retryOn, ...common }
          : { outcome, ...common };
    log.mutate(input, {
      onSuccess: () => {
        setSaved(outcome);
        setOutcome(null);
        setNotes('');
        setNextStep('');
        setRetryOn('');
        setLostReason('');
      },
    });
  };

  return (
    <form className="form" onSubmit={submit}>
      {log.isError ? <Alert tone="error">{errorMessage(log.error)}</Alert> : null}
      {saved && !log.isError ? <Alert tone="success">{t(`recovery.call.saved.${saved}`)}</Alert> : null}
      <fieldset className="fieldset" aria-labelledby={legendId}>
        <legend id={legendId} className="field__label">
          {t('recovery.call.outcome')}
        </legend>
        <div className="checkbox-grid recovery-choices">
          {callOutcomes.map((value) => (
            <label key={value} className="checkbox">
              <input type="radio" name="outcome" value={value} checked={outcome === value} onChange={() => setOutcome(value)} required />
              <span>
                {t(`recovery.outcome.${value}`)}
                <span className="recovery-choices__hint">{t(`recovery.call.effect.${value}`)}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      {outcome === 'lost' ? (
        <TextAreaField
          label={t('recovery.call.lostReason')}
          hint={t('recovery.call.lostReasonHint')}
          value={lostReason}
          onChange={(event) => setLostReason(event.target.value)}
          rows={2}
          minLength={3}
          maxLength={1000}
          required
        />
      ) : null}
      {outcome === 'no_answer' ? (
        <TextField
          type="date"
          label={t('recovery.call.retryOn')}
          hint={t('recovery.call.retryOnHint')}
          value={retryOn}
          min={todayIn(workspace.timezone)}
          onChange={(event) => setRetryOn(event.target.value)}
          required
        />
      ) : null}
      <TextAreaField
        label={t('recovery.call.notes')}
        value={notes}
        onChange={(event) => setNotes(event.target.value)}
        rows={3}
        maxLength={4000}
      />
      <TextField
        label={t('recovery.call.nextStep')}
        hint={t('recovery.call.nextStepHint')}
        value={nextStep}
        onChange={(event) => setNextStep(event.target.value)}
        maxLength={1000}
      />
      <div className="form__actions">
        <Button type="submit" busy={log.isPending} disabled={!outcome}>
          {t('recovery.call.submit')}
        </Button>
      </div>
    </form>
  );
}

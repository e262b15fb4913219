import { type ContactDetail, type ContactOutcome, contactOutcomes, type OutcomeInput } from '@contracts/coverage.contracts';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextAreaField, TextField } from '@/components/ui/field';
import { ApiError } from '@/lib/api-client';
import { contactQueryKey } from '../api/get-contact';
import { useRecordOutcome } from '../api/record-outcome';
import { NoInformationConfirmation } from './no-information-confirmation';
import { useCoverageErrorMessage } from './use-coverage-error';

export const NEEDS_CONFIRMATION = 'coverage.no_information_needs_confirmation';
const MIN_NOTE = 10;

type Problems = Partial<Record<'outcome' | 'followUpOn' | 'note', string>>;

/** How the delegate closes the contact. "No information" on an acknowledged brief asks for a confirmation first. */
export function OutcomeForm({ contact }: { contact: ContactDetail }) {
  const { t } = useTranslation();
  const errorMessage = useCoverageErrorMessage();
  const queryClient = useQueryClient();
  const record = useRecordOutcome(contact.id);
  const [outcome, setOutcome] = useState<ContactOutcome | ''>('');
  const [followUpOn, setFollowUpOn] = useState('');
  const [note, setNote] = useState('');
  const [problems, setProblems] = useState<Problems>({});
  const [confirming, setConfirming] = useState(false);
  const acknowledged = (contact.brief?.acknowledgements.length ?? 0) > 0;

  const input = (confirmAcknowledgedBrief: boolean): OutcomeInput | null => {
    const trimmed = note.trim();
    const next: Problems = {};
    if (!outcome) next.outcome = t('coverage.outcome.problems.outcome');
    if (outcome === 'follow_up' && !/^\d{4}-\d{2}-\d{2}$/.test(followUpOn)) next.followUpOn = t('coverage.outcome.problems.followUpOn');
    if (outcome === 'no_information' && trimmed.length < MIN_NOTE) next.note = t('coverage.outcome.problems.note', { count: MIN_NOTE });
    setProblems(next);
    if (Object.keys(next).length > 0 || !outcome) return null;
    const withNote = trimmed ? { note: trimmed } : {};
    switch (outcome) {
      case 'follow_up':
        return { outcome, followUpOn, ...withNote };
      case 'no_information':
        return { outcome, note: trimmed, confirmAcknowledgedBrief };
      default:
        return { outcome, ...withNote };
    }
  };

  const submit = (confirmAcknowledgedBrief: boolean) => {
    const body = input(confirmAcknowledgedBrief);
    if (!body) return;
    record.mutate(body, {
      onSuccess: () => setConfirming(false),
      // The brief may have been acknowledged since the page loaded: the server asks, the same panel answers.
      onError: (error) => {
        if (!(error instanceof ApiError) || error.code !== NEEDS_CONFIRMATION) return;
        void queryClient.invalidateQueries({ queryKey: contactQueryKey(contact.id) });
        setConfirming(true);
      },
    });
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (outcome === 'no_information' && acknowledged && !confirming) {
      if (input(false)) setConfirming(true);
      return;
    }
    submit(confirming);
  };

  const needsConfirmationError = record.error instanceof ApiError && record.error.code === NEEDS_CONFIRMATION;

  if (confirming) {
    return (
      <NoInformationConfirmation
        contact={contact}
        note={note.trim()}
        busy={record.isPending}
        error={record.isError && !needsConfirmationError ? errorMessage(record.error) : undefined}
        onConfirm={() => submit(true)}
        onBack={() => {
          setConfirming(false);
          record.reset();
        }}
      />
    );
  }

  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      <fieldset className="fieldset" aria-describedby={problems.outcome ? 'outcome-problem' : undefined}>
        <legend className="field__label">{t('coverage.outcome.choose')}</legend>
        <div className="outcome-options">
          {contactOutcomes.map((value) => {
            const disabled = value === 'handed_to_backup' && !contact.handOffTo;
            return (
              <label key={value} className={`outcome-option${disabled ? ' outcome-option--disabled' : ''}`}>
                <input
                  type="radio"
                  name="outcome"
                  value={value}
                  checked={outcome === value}
                  disabled={disabled}
                  onChange={() => setOutcome(value)}
                />
                <span>
                  <span className="outcome-option__title">{t(`coverage.outcomes.${value}`)}</span>
                  <span className="outcome-option__hint">
                    {value === 'handed_to_backup'
                      ? contact.handOffTo
                        ? t('coverage.outcome.hints.handTo', { name: contact.handOffTo.name })
                        : t('coverage.outcome.hints.nobody')
                      : t(`coverage.outcome.hints.${value}`)}
                  </span>
                </span>
              </label>
            );
          })}
        </div>
        {problems.outcome ? (
          <p className="field__error" id="outcome-problem">
            {problems.outcome}
          </p>
        ) : null}
      </fieldset>
      {outcome === 'follow_up' ? (
        <TextField
          type="date"
          label={t('coverage.outcome.followUpOn')}
          value={followUpOn}
          required
          error={problems.followUpOn}
          onChange={(event) => setFollowUpOn(event.target.value)}
        />
      ) : null}
      <TextAreaField
        label={outcome === 'no_information' ? t('coverage.outcome.noteRequired') : t('coverage.outcome.note')}
        hint={outcome === 'no_information' ? t('coverage.outcome.noteHint', { count: MIN_NOTE }) : undefined}
        rows={3}
        value={note}
        required={outcome === 'no_information'}
        error={problems.note}
        maxLength={5000}
        onChange={(event) => setNote(event.target.value)}
      />
      {record.isError && !needsConfirmationError ? <Alert tone="error">{errorMessage(record.error)}</Alert> : null}
      <div className="form__actions">
        <Button type="submit" busy={record.isPending}>
          {outcome === 'handed_to_backup' ? t('coverage.outcome.handOff') : t('coverage.outcome.submit')}
        </Button>
      </div>
    </form>
  );
}

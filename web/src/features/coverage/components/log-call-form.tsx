import { type ContactDetail, logCallSchema } from '@contracts/coverage.contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { SelectField, TextAreaField, TextField } from '@/components/ui/field';
import { useClientOptions } from '../api/get-client-options';
import { useLogCall } from '../api/log-call';
import { useCoverageErrorMessage } from './use-coverage-error';

/** `YYYY-MM-DDTHH:mm` of this device's clock, what a datetime-local input holds. */
function localNow(): string {
  const now = new Date();
  now.setMinutes(now.getMinutes() - now.getTimezoneOffset());
  return now.toISOString().slice(0, 16);
}

type Problems = Partial<Record<'clientId' | 'with' | 'occurredAt' | 'summary', string>>;

/**
 * A call or meeting the delegate had: a new contact, or logged on `contactId` (the client is then fixed).
 * The time is typed in this device's time zone and sent as an instant.
 */
export function LogCallForm({
  clientId: fixedClientId,
  contactId,
  onDone,
  onCancel,
}: {
  clientId?: string;
  contactId?: string;
  onDone: (contact: ContactDetail) => void;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const errorMessage = useCoverageErrorMessage();
  const clients = useClientOptions();
  const logCall = useLogCall();
  const [clientId, setClientId] = useState(fixedClientId ?? '');
  const [kind, setKind] = useState<'call' | 'meeting'>('call');
  const [withWhom, setWithWhom] = useState('');
  const [when, setWhen] = useState(localNow);
  const [summary, setSummary] = useState('');
  const [problems, setProblems] = useState<Problems>({});

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const occurredAt = when && !Number.isNaN(Date.parse(when)) ? new Date(when).toISOString() : '';
    const parsed = logCallSchema.safeParse({ kind, clientId, contactId, with: withWhom, occurredAt, summary });
    if (!parsed.success) {
      const next: Problems = {};
      for (const issue of parsed.error.issues) {
        const field = issue.path[0];
        if (field === 'clientId' || field === 'with' || field === 'occurredAt' || field === 'summary')
          next[field] = t(`coverage.logCall.problems.${field}`);
      }
      setProblems(next);
      return;
    }
    setProblems({});
    logCall.mutate(parsed.data, { onSuccess: onDone });
  };

  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      {fixedClientId ? null : (
        <SelectField
          label={t('coverage.logCall.client')}
          value={clientId}
          error={problems.clientId}
          onChange={(event) => setClientId(event.target.value)}
          options={[
            { value: '', label: t('coverage.logCall.chooseClient') },
            ...(clients.data ?? []).filter((client) => !client.archived).map((client) => ({ value: client.id, label: client.name })),
          ]}
        />
      )}
      <fieldset className="fieldset">
        <legend className="field__label">{t('coverage.logCall.kind')}</legend>
        <div className="choice-row">
          {(['call', 'meeting'] as const).map((value) => (
            <label key={value} className="choice">
              <input type="radio" name="kind" value={value} checked={kind === value} onChange={() => setKind(value)} />
              {t(`coverage.kinds.${value}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="form__row">
        <TextField
          label={t('coverage.logCall.with')}
          value={withWhom}
          error={problems.with}
          maxLength={200}
          onChange={(event) => setWithWhom(event.target.value)}
        />
        <TextField
          type="datetime-local"
          label={t('coverage.logCall.when')}
          hint={t('coverage.logCall.whenHint')}
          value={when}
          error={problems.occurredAt}
          onChange={(event) => setWhen(event.target.value)}
        />
      </div>
      <TextAreaField
        label={t('coverage.logCall.summary')}
        rows={4}
        value={summary}
        error={problems.summary}
        maxLength={5000}
        onChange={(event) => setSummary(event.target.value)}
      />
      {logCall.isError ? <Alert tone="error">{errorMessage(logCall.error)}</Alert> : null}
      <div className="form__actions">
        <Button type="submit" busy={logCall.isPending}>
          {t('coverage.logCall.submit')}
        </Button>
        {onCancel ? (
          <Button variant="secondary" onClick={onCancel}>
            {t('coverage.cancel')}
          </Button>
        ) : null}
      </div>
    </form>
  );
}

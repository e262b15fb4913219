import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import type { TimeBasis } from './time-basis';

type Props = {
  /** The period shown (the server's, so the default is filled in). */
  period: { from: string; to: string } | null;
  basis: TimeBasis;
  busy: boolean;
  onPeriod: (period: { from: string; to: string }) => void;
  onBasis: (basis: TimeBasis) => void;
};

/** From and to, both days included; and whether times count the clock or business hours. */
export function PeriodForm({ period, basis, busy, onPeriod, onBasis }: Props) {
  const { t } = useTranslation();
  const [from, setFrom] = useState(period?.from ?? '');
  const [to, setTo] = useState(period?.to ?? '');
  useEffect(() => {
    if (!period) return;
    setFrom(period.from);
    setTo(period.to);
  }, [period]);
  const reversed = from !== '' && to !== '' && from > to;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!reversed && from && to) onPeriod({ from, to });
  };

  return (
    <form className="insights-period" onSubmit={submit} aria-label={t('insights.period.label')}>
      <TextField
        type="date"
        label={t('insights.period.from')}
        value={from}
        max={to || undefined}
        required
        onChange={(event) => setFrom(event.target.value)}
      />
      <TextField
        type="date"
        label={t('insights.period.to')}
        value={to}
        min={from || undefined}
        required
        error={reversed ? t('insights.period.reversed') : undefined}
        onChange={(event) => setTo(event.target.value)}
      />
      <div className="insights-period__submit">
        <Button type="submit" busy={busy} disabled={reversed}>
          {t('insights.period.show')}
        </Button>
      </div>
      <fieldset className="fieldset insights-basis">
        <legend className="field__label">{t('insights.basis.label')}</legend>
        <div className="insights-basis__options">
          {(['clock', 'business'] as const).map((option) => (
            <label key={option} className="checkbox insights-basis__option">
              <input type="radio" name="basis" value={option} checked={basis === option} onChange={() => onBasis(option)} />
              {t(`insights.basis.${option}`)}
            </label>
          ))}
        </div>
      </fieldset>
    </form>
  );
}

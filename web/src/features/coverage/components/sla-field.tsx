import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { SlaTarget } from '../api/get-coverage-settings';

export type SlaDraft = { amount: string; unit: 'hours' | 'days' };

export const slaDraft = (target: SlaTarget): SlaDraft =>
  'hours' in target ? { amount: String(target.hours), unit: 'hours' } : { amount: String(target.days), unit: 'days' };

/** A whole number of business hours or days, or null when the amount is not one. */
export function slaTarget(draft: SlaDraft): SlaTarget | null {
  if (!/^\d+$/.test(draft.amount.trim())) return null;
  const amount = Number(draft.amount);
  if (amount < 1 || amount > (draft.unit === 'hours' ? 1000 : 100)) return null;
  return draft.unit === 'hours' ? { hours: amount } : { days: amount };
}

/** "4 business hours" / "2 business days": the amount and its unit under one group label. */
export function SlaField({
  label,
  value,
  error,
  onChange,
}: {
  label: string;
  value: SlaDraft;
  error?: string;
  onChange: (draft: SlaDraft) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <fieldset className="fieldset sla-field" aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="field__label">{label}</legend>
      <div className="sla-field__inputs">
        <label className="visually-hidden" htmlFor={`${id}-amount`}>
          {t('coverage.settings.amount', { tier: label })}
        </label>
        <input
          id={`${id}-amount`}
          className="input sla-field__amount"
          type="number"
          inputMode="numeric"
          min={1}
          step={1}
          value={value.amount}
          aria-invalid={error ? true : undefined}
          onChange={(event) => onChange({ ...value, amount: event.target.value })}
        />
        <label className="visually-hidden" htmlFor={`${id}-unit`}>
          {t('coverage.settings.unit', { tier: label })}
        </label>
        <select
          id={`${id}-unit`}
          className="input sla-field__unit"
          value={value.unit}
          onChange={(event) => onChange({ ...value, unit: event.target.value === 'days' ? 'days' : 'hours' })}
        >
          <option value="hours">{t('coverage.settings.units.hours')}</option>
          <option value="days">{t('coverage.settings.units.days')}</option>
        </select>
      </div>
      {error ? (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

import type { SlaTargetSettings as SlaTarget } from '@contracts/coverage.contracts';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';

export type SlaDraft = { amount: string; unit: 'hours' | 'days' };

export const slaDraft = (target: SlaTarget): SlaDraft =>
  'hours' in target ? { amount: String(target.hours), unit: 'hours' } : { amount: String(target.days), unit: 'days' };

/** A positive number of business hours (up to 1000) or days (up to 100), or null when the amount is not one. */
export function slaTarget(draft: SlaDraft): SlaTarget | null {
  const amount = Number(draft.amount.trim().replace(',', '.'));
  if (!draft.amount.trim() || !Number.isFinite(amount) || amount <= 0 || amount > (draft.unit === 'hours' ? 1000 : 100)) return null;
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
          inputMode="decimal"
          min={0.5}
          step="any"
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

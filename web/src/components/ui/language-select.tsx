import type { Language } from '@contracts/workspaces.contracts';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';

/** The EN/IT switcher; each language is written in itself so anyone can find their own. */
export function LanguageSelect({
  value,
  onChange,
  disabled,
}: {
  value: Language;
  onChange: (language: Language) => void;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="language-select">
      <label htmlFor={id} className="visually-hidden">
        {t('common.language')}
      </label>
      <select
        id={id}
        className="input input--compact"
        value={value}
        disabled={disabled}
        onChange={(event) => onChange(event.target.value as Language)}
      >
        <option value="en" lang="en">
          English
        </option>
        <option value="it" lang="it">
          Italiano
        </option>
      </select>
    </div>
  );
}

import type { CallScript as Script } from '@contracts/recovery.contracts';
import { useTranslation } from 'react-i18next';

/** The script in the client's language (marked with `lang` for screen readers); step titles in the reader's. */
export function CallScript({ script }: { script: Script }) {
  const { t } = useTranslation();
  return (
    <div className="stack">
      <p className="muted">{t('recovery.script.language', { language: t(`languages.${script.language}`) })}</p>
      <ol className="recovery-script">
        {script.steps.map((step) => (
          <li key={step.key}>
            <h3 className="recovery-script__title">{t(`recovery.script.steps.${step.key}`)}</h3>
            <div lang={script.language}>
              {step.lines.map((line) => (
                <p key={line}>{line}</p>
              ))}
            </div>
          </li>
        ))}
      </ol>
      <p className="recovery-hint">{t('recovery.script.hint')}</p>
    </div>
  );
}

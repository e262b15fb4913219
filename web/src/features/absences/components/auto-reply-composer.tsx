import { type AutoReplyTextsInput, autoReplyPlaceholders } from '@contracts/absences.contracts';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextAreaField, TextField } from '@/components/ui/field';
import { useAutoReplyPreview } from '../api/preview-auto-reply';
import { useAbsenceErrorMessage } from './absence-helpers';

type Language = 'en' | 'it';
type Field = { language: Language; part: 'subject' | 'body' };

function useDebounced<T>(value: T, ms: number) {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

/**
 * Auto-reply texts per language with placeholder buttons and a live preview rendered by the server
 * (acting delegate, return date in the client's language and the workspace time zone).
 */
export function AutoReplyComposer({
  value,
  onChange,
  context,
}: {
  value: AutoReplyTextsInput;
  onChange: (next: AutoReplyTextsInput) => void;
  context: { absenceId?: string; delegateId?: string; endsAt?: string };
}) {
  const { t } = useTranslation();
  const errorMessage = useAbsenceErrorMessage();
  const headingId = useId();
  const [focused, setFocused] = useState<Field>({ language: 'en', part: 'body' });
  const inputs = useRef(new Map<string, HTMLInputElement | HTMLTextAreaElement>());
  const request = useDebounced({ autoReply: value, ...context }, 400);
  const preview = useAutoReplyPreview(request);

  const set = (field: Field, text: string) => onChange({ ...value, [field.language]: { ...value[field.language], [field.part]: text } });

  const insert = (placeholder: string) => {
    const key = `${focused.language}.${focused.part}`;
    const element = inputs.current.get(key);
    const token = `{{${placeholder}}}`;
    const current = value[focused.language][focused.part];
    const start = element?.selectionStart ?? current.length;
    const end = element?.selectionEnd ?? current.length;
    set(focused, current.slice(0, start) + token + current.slice(end));
    requestAnimationFrame(() => {
      element?.focus();
      element?.setSelectionRange(start + token.length, start + token.length);
    });
  };

  const register = (field: Field) => ({
    ref: (element: HTMLInputElement | HTMLTextAreaElement | null) => {
      if (element) inputs.current.set(`${field.language}.${field.part}`, element);
    },
    onFocus: () => setFocused(field),
    value: value[field.language][field.part],
  });

  return (
    <section className="card" aria-labelledby={headingId}>
      <div className="card__header">
        <div>
          <h2 id={headingId} className="card__title">
            {t('absences.autoReply.title')}
          </h2>
          <p className="card__description">{t('absences.autoReply.description')}</p>
        </div>
      </div>
      <Alert tone="warning" title={t('absences.autoReply.everySenderTitle')}>
        {t('absences.autoReply.everySender')}
      </Alert>
      <fieldset className="fieldset absences-placeholders">
        <legend className="visually-hidden">{t('absences.autoReply.placeholders')}</legend>
        <span className="muted">
          {t('absences.autoReply.insertInto', { field: t(`absences.autoReply.field.${focused.language}.${focused.part}`) })}
        </span>
        {autoReplyPlaceholders.map((placeholder) => (
          <Button key={placeholder} variant="secondary" size="small" onClick={() => insert(placeholder)}>
            {t(`absences.autoReply.placeholder.${placeholder}`)}
          </Button>
        ))}
      </fieldset>
      <div className="grid grid--two">
        {(['en', 'it'] as const).map((language) => (
          <fieldset key={language} className="fieldset absences-language" lang={language}>
            <legend>{t(`languages.${language}`)}</legend>
            <TextField
              label={t('absences.autoReply.subject')}
              {...register({ language, part: 'subject' })}
              onChange={(event) => set({ language, part: 'subject' }, event.target.value)}
              maxLength={256}
              required
            />
            <TextAreaField
              label={t('absences.autoReply.body')}
              rows={7}
              {...register({ language, part: 'body' })}
              onChange={(event) => set({ language, part: 'body' }, event.target.value)}
              required
            />
          </fieldset>
        ))}
      </div>
      <h3 className="absences-subheading">{t('absences.autoReply.preview')}</h3>
      {preview.isError ? <Alert tone="error">{errorMessage(preview.error)}</Alert> : null}
      {preview.data ? (
        <div className="grid grid--two" aria-live="polite">
          {(['en', 'it'] as const).map((language) => (
            <figure key={language} className="absences-preview" lang={language}>
              <figcaption className="muted">{t('absences.autoReply.previewFor', { language: t(`languages.${language}`) })}</figcaption>
              <p className="absences-preview__subject">{preview.data.texts[language].subject}</p>
              <p className="absences-preview__body">{preview.data.texts[language].body}</p>
            </figure>
          ))}
        </div>
      ) : null}
    </section>
  );
}

import { type WebhookEventType, webhookEventTypes } from '@contracts/webhooks.contracts';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';

/** The events an endpoint receives: one checkbox each, with what it means. */
export function EventTypesField({
  value,
  onChange,
  error,
}: {
  value: WebhookEventType[];
  onChange: (types: WebhookEventType[]) => void;
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  const errorId = useId();
  const toggle = (type: WebhookEventType, checked: boolean) =>
    onChange(webhookEventTypes.filter((candidate) => (candidate === type ? checked : value.includes(candidate))));
  return (
    <fieldset className="fieldset" aria-describedby={error ? errorId : undefined}>
      <legend className="field__label">{t('webhooks.fields.events')}</legend>
      <div className="webhooks-events">
        {webhookEventTypes.map((type) => (
          <label key={type} className="checkbox webhooks-event">
            <input type="checkbox" checked={value.includes(type)} onChange={(event) => toggle(type, event.target.checked)} />
            <span>
              <span className="webhooks-event__name">{t(`webhooks.events.${type}.name`)}</span>
              <span className="webhooks-event__hint">
                <code>{type}</code> · {t(`webhooks.events.${type}.hint`)}
              </span>
            </span>
          </label>
        ))}
      </div>
      {error ? (
        <p className="field__error" id={errorId}>
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

import type { WebhookEventType } from '@contracts/webhooks.contracts';
import { useTranslation } from 'react-i18next';
import { TextField } from '@/components/ui/field';
import { EventTypesField } from './event-types-field';

export type WebhookDraft = { url: string; description: string; eventTypes: WebhookEventType[] };
export type WebhookProblems = { url?: string; eventTypes?: string };

/** What a person can get wrong before asking the server (which checks the address itself). */
export function useWebhookDraftCheck() {
  const { t } = useTranslation();
  return (draft: WebhookDraft): WebhookProblems => {
    const problems: WebhookProblems = {};
    if (!/^https?:\/\/\S+$/i.test(draft.url.trim())) problems.url = t('webhooks.problems.url');
    if (draft.eventTypes.length === 0) problems.eventTypes = t('webhooks.problems.events');
    return problems;
  };
}

/** URL, description and events: the same fields to create an endpoint and to edit one. */
export function WebhookFormFields({
  draft,
  onChange,
  problems,
}: {
  draft: WebhookDraft;
  onChange: (draft: WebhookDraft) => void;
  problems: WebhookProblems;
}) {
  const { t } = useTranslation();
  return (
    <>
      <TextField
        label={t('webhooks.fields.url')}
        hint={t('webhooks.fields.urlHint')}
        type="url"
        inputMode="url"
        required
        autoComplete="off"
        spellCheck={false}
        maxLength={2048}
        placeholder="https://hooks.example.com/baton"
        value={draft.url}
        error={problems.url}
        onChange={(event) => onChange({ ...draft, url: event.target.value })}
      />
      <TextField
        label={t('webhooks.fields.description')}
        hint={t('webhooks.fields.descriptionHint')}
        maxLength={200}
        value={draft.description}
        onChange={(event) => onChange({ ...draft, description: event.target.value })}
      />
      <EventTypesField value={draft.eventTypes} onChange={(eventTypes) => onChange({ ...draft, eventTypes })} error={problems.eventTypes} />
    </>
  );
}

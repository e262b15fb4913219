import { type CreatedWebhook, webhookEventTypes } from '@contracts/webhooks.contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { useCreateWebhook } from '../api/save-webhook';
import { useWebhookErrorMessage } from './webhook-errors';
import { useWebhookDraftCheck, type WebhookDraft, WebhookFormFields, type WebhookProblems } from './webhook-form-fields';

const emptyDraft = (): WebhookDraft => ({ url: '', description: '', eventTypes: [...webhookEventTypes] });

/** A new endpoint; its secret goes up to the page, which shows it once. */
export function NewWebhookForm({ onCreated }: { onCreated: (webhook: CreatedWebhook) => void }) {
  const { t } = useTranslation();
  const errorMessage = useWebhookErrorMessage();
  const check = useWebhookDraftCheck();
  const create = useCreateWebhook();
  const [draft, setDraft] = useState<WebhookDraft>(emptyDraft);
  const [problems, setProblems] = useState<WebhookProblems>({});

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const found = check(draft);
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    create.mutate(
      { url: draft.url.trim(), description: draft.description.trim(), eventTypes: draft.eventTypes },
      {
        onSuccess: (webhook) => {
          setDraft(emptyDraft());
          onCreated(webhook);
        },
      },
    );
  };

  return (
    <Card title={t('webhooks.new.title')} description={t('webhooks.new.description')}>
      <form className="form" onSubmit={onSubmit} noValidate>
        <WebhookFormFields draft={draft} onChange={setDraft} problems={problems} />
        {create.isError ? <Alert tone="error">{errorMessage(create.error)}</Alert> : null}
        <div className="form__actions">
          <Button type="submit" busy={create.isPending}>
            {t('webhooks.new.submit')}
          </Button>
        </div>
      </form>
    </Card>
  );
}

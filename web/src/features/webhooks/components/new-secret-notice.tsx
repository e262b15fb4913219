import type { CreatedWebhook } from '@contracts/webhooks.contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';

/** The signing secret of a new endpoint: shown this once, to copy into the receiver. */
export function NewSecretNotice({ webhook, onDone }: { webhook: CreatedWebhook; onDone: () => void }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(webhook.secret);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };
  return (
    <Alert tone="warning" title={t('webhooks.secret.title')}>
      <p className="break">{t('webhooks.secret.hint', { url: webhook.url })}</p>
      <div className="token-reveal">
        <TextField
          label={t('webhooks.secret.label')}
          value={webhook.secret}
          readOnly
          onFocus={(event) => event.currentTarget.select()}
          className="input input--mono"
        />
        <div className="form__actions">
          <Button variant="secondary" onClick={copy}>
            {copied ? t('webhooks.secret.copied') : t('webhooks.secret.copy')}
          </Button>
          <Button variant="ghost" onClick={onDone}>
            {t('webhooks.secret.done')}
          </Button>
        </div>
      </div>
    </Alert>
  );
}

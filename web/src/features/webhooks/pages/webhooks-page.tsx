import '../webhooks.css';
import type { CreatedWebhook } from '@contracts/webhooks.contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { Loading } from '@/components/ui/loading';
import { PageHeader } from '@/components/ui/page-header';
import { useWebhooks } from '../api/get-webhooks';
import { NewSecretNotice } from '../components/new-secret-notice';
import { NewWebhookForm } from '../components/new-webhook-form';
import { WebhookCard } from '../components/webhook-card';
import { useWebhookErrorMessage } from '../components/webhook-errors';

/** The workspace's outgoing webhooks (admins): endpoints, their events and their recent deliveries. */
export function WebhooksPage() {
  const { t } = useTranslation();
  const errorMessage = useWebhookErrorMessage();
  const webhooks = useWebhooks();
  const [created, setCreated] = useState<CreatedWebhook | null>(null);
  return (
    <>
      <p className="back-link">
        <Link to="/settings">← {t('webhooks.back')}</Link>
      </p>
      <PageHeader title={t('webhooks.title')} description={t('webhooks.description')} />
      <p className="webhooks-lead">{t('webhooks.signing')}</p>
      {created ? <NewSecretNotice webhook={created} onDone={() => setCreated(null)} /> : null}
      {webhooks.isPending ? <Loading /> : null}
      {webhooks.isError ? <Alert tone="error">{errorMessage(webhooks.error)}</Alert> : null}
      {webhooks.data?.length === 0 ? <Alert tone="info">{t('webhooks.empty')}</Alert> : null}
      {webhooks.data?.map((webhook) => (
        <WebhookCard key={webhook.id} webhook={webhook} />
      ))}
      <NewWebhookForm onCreated={setCreated} />
    </>
  );
}

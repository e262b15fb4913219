import { useTranslation } from 'react-i18next';
import { ApiError } from '@/lib/api-client';
import { useErrorMessage } from '@/lib/errors';

/** Webhook errors in the user's language (`webhooks.errors.<code>`), then the shared ones, then the server's message. */
export function useWebhookErrorMessage() {
  const { t } = useTranslation();
  const shared = useErrorMessage();
  return (error: unknown): string =>
    error instanceof ApiError && error.code.startsWith('webhook.')
      ? t(`webhooks.errors.${error.code.replace('.', '_')}`, { defaultValue: error.message })
      : shared(error);
}

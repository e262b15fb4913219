import { useTranslation } from 'react-i18next';
import { ApiError } from '@/lib/api-client';
import { useErrorMessage } from '@/lib/errors';

/** Mail errors in the user's language (`mail.errors.<code>`), then the shared ones, then the server's message. */
export function useMailErrorMessage() {
  const { t } = useTranslation();
  const shared = useErrorMessage();
  return (error: unknown): string =>
    error instanceof ApiError && error.code.startsWith('mail.')
      ? t(`mail.errors.${error.code.replace('.', '_')}`, { defaultValue: error.message })
      : shared(error);
}

import { useTranslation } from 'react-i18next';
import { ApiError } from '@/lib/api-client';
import { useErrorMessage } from '@/lib/errors';

/** The console's own error texts first (coverage.errors.<code>), then the app's, then the server's message. */
export function useCoverageErrorMessage() {
  const { t, i18n } = useTranslation();
  const fallback = useErrorMessage();
  return (error: unknown) => {
    if (error instanceof ApiError && i18n.exists(`coverage.errors.${error.code}`)) return t(`coverage.errors.${error.code}`);
    return fallback(error);
  };
}

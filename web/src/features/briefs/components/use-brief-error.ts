import { useTranslation } from 'react-i18next';
import { ApiError } from '@/lib/api-client';
import { useErrorMessage } from '@/lib/errors';

/** The briefs' own error texts first (briefs.errors.<code>), then the app's, then the server's message. */
export function useBriefErrorMessage() {
  const { t, i18n } = useTranslation();
  const fallback = useErrorMessage();
  return (error: unknown) => {
    if (error instanceof ApiError && i18n.exists(`briefs.errors.${error.code}`)) return t(`briefs.errors.${error.code}`);
    return fallback(error);
  };
}

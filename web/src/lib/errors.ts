import { useTranslation } from 'react-i18next';
import { ApiError } from './api-client';

/** Translates an API error by its code, falling back to the server's own message. */
export function useErrorMessage() {
  const { t } = useTranslation();
  return (error: unknown): string => {
    if (error instanceof ApiError) return t(`errors.${error.code}`, { defaultValue: error.message });
    return t('errors.server.error');
  };
}

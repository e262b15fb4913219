import { useTranslation } from 'react-i18next';
import { ApiError } from '@/lib/api-client';
import { useErrorMessage } from '@/lib/errors';

/** Errors of this feature are translated here (`recovery.errors.<code>`), the others by the shared table. */
export function useRecoveryErrorMessage() {
  const { t } = useTranslation();
  const fallback = useErrorMessage();
  return (error: unknown) =>
    error instanceof ApiError ? t(`recovery.errors.${error.code}`, { defaultValue: fallback(error) }) : fallback(error);
}

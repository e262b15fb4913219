import { useTranslation } from 'react-i18next';
import { ApiError } from '@/lib/api-client';
import { useErrorMessage } from '@/lib/errors';

/** Errors of this feature are translated here (`debrief.errors.<code>`), the others by the shared table. */
export function useDebriefErrorMessage() {
  const { t } = useTranslation();
  const fallback = useErrorMessage();
  return (error: unknown) =>
    error instanceof ApiError ? t(`debrief.errors.${error.code}`, { defaultValue: fallback(error) }) : fallback(error);
}

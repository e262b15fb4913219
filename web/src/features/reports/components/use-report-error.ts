import { useTranslation } from 'react-i18next';
import { ApiError } from '@/lib/api-client';
import { useErrorMessage } from '@/lib/errors';

/** Errors of this feature are translated here (`reports.errors.<code>`), the others by the shared table. */
export function useReportErrorMessage() {
  const { t } = useTranslation();
  const fallback = useErrorMessage();
  return (error: unknown) =>
    error instanceof ApiError ? t(`reports.errors.${error.code}`, { defaultValue: fallback(error) }) : fallback(error);
}

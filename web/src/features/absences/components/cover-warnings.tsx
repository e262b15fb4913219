import type { Absence } from '@contracts/absences.contracts';
import type { User } from '@contracts/workspaces.contracts';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/ui/alert';
import { useFormatters } from '@/lib/format';
import { usePersonName } from './absence-helpers';

/** Where one of the absence's people is away themselves, and who covers then (chained cover). */
export function CoverWarnings({ warnings, people }: { warnings: Absence['warnings']; people: User[] | undefined }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const nameOf = usePersonName(people);
  if (warnings.length === 0) return null;
  return (
    <Alert tone="warning" title={t('absences.warnings.title')}>
      <ul>
        {warnings.map((warning) => (
          <li key={`${warning.kind}-${warning.from}`}>
            {t(`absences.warnings.${warning.kind}`, {
              person: nameOf(warning.userId),
              from: format.dateTime(warning.from),
              to: format.dateTime(warning.to),
            })}{' '}
            {warning.coveredBy
              ? t('absences.warnings.coveredBy', {
                  person: nameOf(warning.coveredBy.userId),
                  role: t(`absences.roles.${warning.coveredBy.role}`),
                })
              : t('absences.warnings.nobody')}
          </li>
        ))}
      </ul>
    </Alert>
  );
}

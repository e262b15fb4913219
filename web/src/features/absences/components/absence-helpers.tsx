import type { Absence, AbsenceStateName } from '@contracts/absences.contracts';
import type { User } from '@contracts/workspaces.contracts';
import { useTranslation } from 'react-i18next';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { ApiError } from '@/lib/api-client';
import { useErrorMessage } from '@/lib/errors';

const stateTone: Record<AbsenceStateName, BadgeTone> = {
  draft: 'neutral',
  handover: 'info',
  active: 'accent',
  returned: 'success',
  closed: 'neutral',
};

export function AbsenceStateBadge({ state }: { state: AbsenceStateName }) {
  const { t } = useTranslation();
  return <Badge tone={stateTone[state]}>{t(`absences.states.${state}`)}</Badge>;
}

/** Absence errors are translated here (the feature's own strings), others by the app. */
export function useAbsenceErrorMessage() {
  const { t } = useTranslation();
  const fallback = useErrorMessage();
  return (error: unknown) => {
    if (error instanceof ApiError && error.code !== 'request.invalid') {
      // The server names the offending tokens before its list of valid ones.
      const tokens = (error.message.split('. Use')[0] ?? '').match(/\{\{[^{}]*\}\}|\{\{|\}\}/g)?.join(', ') ?? '';
      return t(`absences.errors.${error.code.replace('.', '_')}`, {
        defaultValue: fallback(error),
        tokens,
        interpolation: { escapeValue: false },
      });
    }
    return fallback(error);
  };
}

export function usePersonName(people: User[] | undefined) {
  const { t } = useTranslation();
  return (id: string | null) => (id ? (people?.find((person) => person.id === id)?.name ?? t('absences.unknownPerson')) : t('common.none'));
}

export const isOwnerOf = (absence: Absence, userId: string) => absence.ownerId === userId;

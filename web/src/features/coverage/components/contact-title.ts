import type { ContactSummary } from '@contracts/coverage.contracts';
import type { TFunction } from 'i18next';

/** An email's subject; a logged call or meeting is named by who it was with (the server keeps that as its subject). */
export function contactTitle(t: TFunction, contact: Pick<ContactSummary, 'kind' | 'subject'>): string {
  if (contact.kind === 'email') return contact.subject || t('coverage.noSubject');
  return t(`coverage.contact.${contact.kind}With`, { name: contact.subject });
}

import type { ContactSummary } from '@contracts/coverage.contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Badge } from '@/components/ui/badge';
import { useFormatters } from '@/lib/format';

/** A client's contacts during the absence, each linking to its page in the coverage console. */
export function ContactList({ contacts }: { contacts: ContactSummary[] }) {
  const { t } = useTranslation();
  const format = useFormatters();
  if (contacts.length === 0) return <p className="muted">{t('recovery.contacts.none')}</p>;
  const sorted = [...contacts].sort((a, b) => a.receivedAt.localeCompare(b.receivedAt));
  return (
    <ul className="recovery-contacts">
      {sorted.map((contact) => (
        <li key={contact.id}>
          <Link to={`/coverage/contacts/${contact.id}`}>
            {contact.kind === 'email'
              ? contact.subject || t('recovery.contacts.noSubject')
              : t(`recovery.contacts.kind.${contact.kind}`, { name: contact.fromName })}
          </Link>
          <span className="muted">
            {' · '}
            {t(`recovery.contacts.kindShort.${contact.kind}`)} {' · '}
            <time dateTime={contact.receivedAt}>{format.dateTime(contact.receivedAt)}</time>
            {' · '}
            {t('recovery.contacts.assignedTo', { name: contact.assigneeName })}
          </span>
          <span className="recovery-contacts__badges">
            {contact.state === 'open' ? <Badge tone="warning">{t('recovery.contacts.open')}</Badge> : null}
            {contact.outcome ? (
              <Badge tone={contact.outcome === 'no_information' ? 'danger' : 'neutral'}>
                {t(`recovery.contacts.outcome.${contact.outcome}`)}
              </Badge>
            ) : null}
            {contact.signals?.angry ? <Badge tone="danger">{t('recovery.signals.angry')}</Badge> : null}
            {contact.signals?.cancellationIntent ? <Badge tone="danger">{t('recovery.signals.cancellation')}</Badge> : null}
            {contact.escalated ? <Badge tone="warning">{t('recovery.contacts.escalated')}</Badge> : null}
          </span>
          {contact.outcomeNote ? <span className="recovery-contacts__note">{contact.outcomeNote}</span> : null}
        </li>
      ))}
    </ul>
  );
}

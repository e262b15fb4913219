import type { ContactSummary } from '@contracts/coverage.contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type Column, DataTable } from '@/components/ui/table';
import { useFormatters } from '@/lib/format';
import { ContactBadges } from './contact-badges';
import { contactTitle } from './contact-title';
import { DueLabel } from './due-label';

const contactLink = (contact: ContactSummary) => `/coverage/contacts/${contact.id}`;

function Who({ contact }: { contact: ContactSummary }) {
  const { t } = useTranslation();
  return (
    <span className="break">
      {contact.clientName ?? t('coverage.badges.unknownSender')} · {contact.fromName || contact.fromAddress || t('coverage.noSender')}
    </span>
  );
}

/**
 * The queue, most urgent first (the server's order). Phones get one card per contact, wider screens a table;
 * CSS shows one of the two, so assistive technology meets only the visible one.
 */
export function QueueList({ contacts, now, caption }: { contacts: ContactSummary[]; now: number; caption: string }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const subject = (contact: ContactSummary) => contactTitle(t, contact);
  const columns: Column<ContactSummary>[] = [
    { key: 'due', header: t('coverage.columns.due'), cell: (contact) => <DueLabel contact={contact} now={now} /> },
    {
      key: 'subject',
      header: t('coverage.columns.contact'),
      isRowHeader: true,
      cell: (contact) => (
        <span className="queue-subject">
          <Link to={contactLink(contact)}>{subject(contact)}</Link>
          <span className="queue-excerpt">{contact.excerpt}</span>
        </span>
      ),
    },
    {
      key: 'client',
      header: t('coverage.columns.client'),
      cell: (contact) => (
        <span className="queue-client">
          <Who contact={contact} />
          <ContactBadges contact={contact} />
        </span>
      ),
    },
    {
      key: 'assignee',
      header: t('coverage.columns.assignee'),
      cell: (contact) => t('coverage.coveringFor', { assignee: contact.assigneeName, owner: contact.ownerName }),
    },
    {
      key: 'received',
      header: t('coverage.columns.received'),
      cell: (contact) => <time dateTime={contact.receivedAt}>{format.dateTime(contact.receivedAt)}</time>,
    },
  ];
  return (
    <>
      <div className="queue-wide card">
        <DataTable caption={caption} columns={columns} rows={contacts} rowKey={(contact) => contact.id} />
      </div>
      <ul className="queue-cards" aria-label={caption}>
        {contacts.map((contact) => (
          <li key={contact.id} className="queue-card">
            <div className="queue-card__top">
              <DueLabel contact={contact} now={now} />
              <time className="muted queue-card__received" dateTime={contact.receivedAt}>
                {format.dateTime(contact.receivedAt)}
              </time>
            </div>
            <h2 className="queue-card__title">
              <Link to={contactLink(contact)}>{subject(contact)}</Link>
            </h2>
            <p className="queue-card__who">
              <Who contact={contact} />
            </p>
            <ContactBadges contact={contact} />
            {contact.excerpt ? <p className="queue-excerpt">{contact.excerpt}</p> : null}
            <p className="queue-card__assignee muted">
              {t('coverage.coveringFor', { assignee: contact.assigneeName, owner: contact.ownerName })}
            </p>
          </li>
        ))}
      </ul>
    </>
  );
}

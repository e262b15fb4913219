import type { ClientDetail, Contact } from '@contracts/clients.contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { TextField } from '@/components/ui/field';
import { type Column, DataTable } from '@/components/ui/table';
import { useDeleteContact } from '../api/delete-contact';
import { useSaveContact } from '../api/save-contact';
import { RowActions } from './row-actions';
import { useClientErrorMessage } from './use-client-error';

const splitList = (text: string) =>
  text
    .split(/[,;\n]+/)
    .map((item) => item.trim())
    .filter(Boolean);

function ContactForm({ clientId, contact, onDone }: { clientId: string; contact: Contact | null; onDone: () => void }) {
  const { t } = useTranslation();
  const errorMessage = useClientErrorMessage();
  const save = useSaveContact();
  const [name, setName] = useState(contact?.name ?? '');
  const [role, setRole] = useState(contact?.role ?? '');
  const [emails, setEmails] = useState(contact?.emails.join(', ') ?? '');
  const [phones, setPhones] = useState(contact?.phones.join(', ') ?? '');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(
      {
        clientId,
        ...(contact ? { contactId: contact.id } : {}),
        name: name.trim(),
        role: role.trim(),
        emails: splitList(emails),
        phones: splitList(phones),
      },
      { onSuccess: onDone },
    );
  };
  return (
    <form
      className="form subform"
      onSubmit={submit}
      aria-label={contact ? t('clients.contacts.editNamed', { name: contact.name }) : t('clients.contacts.add')}
    >
      {save.isError ? <Alert tone="error">{errorMessage(save.error)}</Alert> : null}
      <div className="form__row">
        <TextField
          label={t('clients.contacts.name')}
          required
          maxLength={200}
          value={name}
          onChange={(event) => setName(event.target.value)}
        />
        <TextField label={t('clients.contacts.role')} maxLength={200} value={role} onChange={(event) => setRole(event.target.value)} />
      </div>
      <div className="form__row">
        <TextField
          label={t('clients.contacts.emails')}
          hint={t('clients.contacts.listHint')}
          value={emails}
          onChange={(event) => setEmails(event.target.value)}
        />
        <TextField
          label={t('clients.contacts.phones')}
          hint={t('clients.contacts.listHint')}
          value={phones}
          onChange={(event) => setPhones(event.target.value)}
        />
      </div>
      <div className="form__actions">
        <Button type="submit" busy={save.isPending}>
          {t('clients.save')}
        </Button>
        <Button variant="secondary" onClick={onDone}>
          {t('clients.cancel')}
        </Button>
      </div>
    </form>
  );
}

export function ContactsCard({ client }: { client: ClientDetail }) {
  const { t } = useTranslation();
  const errorMessage = useClientErrorMessage();
  const remove = useDeleteContact();
  const [editing, setEditing] = useState<Contact | 'new' | null>(null);

  const columns: Column<Contact>[] = [
    { key: 'name', header: t('clients.contacts.name'), isRowHeader: true, cell: (contact) => contact.name },
    {
      key: 'role',
      header: t('clients.contacts.role'),
      cell: (contact) => contact.role || <span className="muted">{t('clients.none')}</span>,
    },
    {
      key: 'emails',
      header: t('clients.contacts.emails'),
      cell: (contact) => (
        <ul className="plain-list">
          {contact.emails.map((email) => (
            <li key={email} className="break">
              <a href={`mailto:${email}`}>{email}</a>
            </li>
          ))}
        </ul>
      ),
    },
    {
      key: 'phones',
      header: t('clients.contacts.phones'),
      cell: (contact) => (
        <ul className="plain-list">
          {contact.phones.map((phone) => (
            <li key={phone}>
              <a href={`tel:${phone.replace(/[^+\d]/g, '')}`}>{phone}</a>
            </li>
          ))}
        </ul>
      ),
    },
    ...(client.canEdit
      ? [
          {
            key: 'actions',
            header: t('clients.actions'),
            align: 'end' as const,
            cell: (contact: Contact) => (
              <RowActions
                kind="contacts"
                name={contact.name}
                deleting={remove.isPending}
                onEdit={() => setEditing(contact)}
                onDelete={() => remove.mutate({ clientId: client.id, contactId: contact.id })}
              />
            ),
          },
        ]
      : []),
  ];

  return (
    <Card
      title={t('clients.contacts.title')}
      description={t('clients.contacts.description')}
      actions={
        client.canEdit && editing === null ? (
          <Button size="small" variant="secondary" onClick={() => setEditing('new')}>
            {t('clients.contacts.add')}
          </Button>
        ) : null
      }
    >
      {remove.isError ? <Alert tone="error">{errorMessage(remove.error)}</Alert> : null}
      {editing ? (
        <ContactForm
          key={editing === 'new' ? 'new' : editing.id}
          clientId={client.id}
          contact={editing === 'new' ? null : editing}
          onDone={() => setEditing(null)}
        />
      ) : null}
      <DataTable
        caption={t('clients.contacts.title')}
        columns={columns}
        rows={client.contacts}
        rowKey={(contact) => contact.id}
        empty={t('clients.contacts.empty')}
      />
    </Card>
  );
}

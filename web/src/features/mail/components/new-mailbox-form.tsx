import { createMailboxSchema } from '@contracts/mail.contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { SelectField, TextField } from '@/components/ui/field';
import { isAdmin, useSession } from '@/lib/session';
import { useOwnerOptions } from '../api/get-mailboxes';
import { useCreateMailbox } from '../api/save-mailbox';
import {
  type ImapDraft,
  type ImapProblems,
  ImapSettingsFields,
  ImapTestButton,
  imapDraftOf,
  useImapDraftCheck,
} from './imap-settings-fields';
import { useMailErrorMessage } from './mail-errors';
import { splitAddresses } from './mailbox-card';

/** A new mailbox: its address and aliases, its owner (an admin may choose), and optionally how to read it over IMAP. */
export function NewMailboxForm() {
  const { t } = useTranslation();
  const session = useSession();
  const admin = isAdmin(session);
  const errorMessage = useMailErrorMessage();
  const check = useImapDraftCheck();
  const owners = useOwnerOptions(admin);
  const create = useCreateMailbox();
  const [address, setAddress] = useState('');
  const [aliases, setAliases] = useState('');
  const [ownerId, setOwnerId] = useState(session.user.id);
  const [readImap, setReadImap] = useState(true);
  const [draft, setDraft] = useState<ImapDraft>(imapDraftOf(null));
  const [problems, setProblems] = useState<ImapProblems & { address?: string; aliases?: string }>({});
  const [created, setCreated] = useState<string>();

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const imap = readImap ? check(draft, true) : { settings: null, problems: {} };
    const parsed = createMailboxSchema.safeParse({
      address: address.trim(),
      aliases: splitAddresses(aliases),
      ...(admin ? { ownerId } : {}),
    });
    const found: typeof problems = { ...imap.problems };
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        if (issue.path[0] === 'address') found.address = t('mail.mailboxes.problems.address');
        if (issue.path[0] === 'aliases') found.aliases = t('mail.mailboxes.problems.aliases');
      }
    }
    setProblems(found);
    if (!parsed.success || (readImap && !imap.settings)) return;
    create.mutate(
      { ...parsed.data, ...(imap.settings ? { imap: imap.settings } : {}) },
      {
        onSuccess: (mailbox) => {
          setCreated(mailbox.address);
          setAddress('');
          setAliases('');
          setDraft(imapDraftOf(null));
        },
      },
    );
  };

  return (
    <Card title={t('mail.mailboxes.new.title')} description={t('mail.mailboxes.new.description')}>
      <form className="form" onSubmit={onSubmit} noValidate>
        {created && !create.isError ? <Alert tone="success">{t('mail.mailboxes.new.created', { address: created })}</Alert> : null}
        <div className="form__row">
          <TextField
            label={t('mail.mailboxes.fields.address')}
            type="email"
            required
            autoComplete="off"
            value={address}
            error={problems.address}
            onChange={(event) => setAddress(event.target.value)}
          />
          {admin ? (
            <SelectField
              label={t('mail.mailboxes.fields.owner')}
              value={ownerId}
              onChange={(event) => setOwnerId(event.target.value)}
              options={(owners.data ?? [session.user]).map((user) => ({ value: user.id, label: `${user.name} <${user.email}>` }))}
            />
          ) : null}
        </div>
        <TextField
          label={t('mail.mailboxes.fields.aliases')}
          hint={t('mail.mailboxes.aliasesHint')}
          value={aliases}
          error={problems.aliases}
          onChange={(event) => setAliases(event.target.value)}
        />
        <label className="checkbox mail-checkbox">
          <input type="checkbox" checked={readImap} onChange={(event) => setReadImap(event.target.checked)} />
          {t('mail.mailboxes.new.readImap')}
        </label>
        {readImap ? (
          <>
            <ImapSettingsFields draft={draft} onChange={setDraft} problems={problems} hasStoredPassword={false} />
            <ImapTestButton mailboxId={null} draft={draft} onProblems={setProblems} />
          </>
        ) : null}
        {create.isError ? <Alert tone="error">{errorMessage(create.error)}</Alert> : null}
        <div className="form__actions">
          <Button type="submit" busy={create.isPending}>
            {t('mail.mailboxes.new.submit')}
          </Button>
        </div>
      </form>
    </Card>
  );
}

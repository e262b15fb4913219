import type { Mailbox } from '@contracts/mail.contracts';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { TextField } from '@/components/ui/field';
import { useFormatters } from '@/lib/format';
import { useMailboxProblems } from '../api/get-mailboxes';
import { useDeleteMailbox, useRemoveImap, useSaveImap, useSyncMailbox, useUpdateMailbox } from '../api/save-mailbox';
import {
  type ImapDraft,
  type ImapProblems,
  ImapSettingsFields,
  ImapTestButton,
  imapDraftOf,
  useImapDraftCheck,
} from './imap-settings-fields';
import { useMailErrorMessage } from './mail-errors';

type Status = { key: string; tone: BadgeTone };

/** How Baton reads the mailbox now, in one badge. */
function statusOf(mailbox: Mailbox): Status {
  if (!mailbox.imap) return { key: mailbox.kind, tone: 'neutral' };
  if (!mailbox.imap.enabled) return { key: 'paused', tone: 'neutral' };
  if (mailbox.imap.watch.state === 'idle') return { key: 'idle', tone: 'success' };
  if (mailbox.imap.watch.state === 'reconnecting') return { key: 'reconnecting', tone: 'warning' };
  if (mailbox.imap.watch.state === 'unsupported') return { key: 'unsupported', tone: 'info' };
  return { key: 'polling', tone: 'info' };
}

export const splitAddresses = (text: string) =>
  text
    .split(/[\s,;]+/)
    .map((entry) => entry.trim().toLowerCase())
    .filter(Boolean);

export function MailboxCard({ mailbox, canChange }: { mailbox: Mailbox; canChange: boolean }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const errorMessage = useMailErrorMessage();
  const [editing, setEditing] = useState(false);
  const [showProblems, setShowProblems] = useState(false);
  const sync = useSyncMailbox(mailbox.id);
  const update = useUpdateMailbox(mailbox.id);
  const removeImap = useRemoveImap(mailbox.id);
  const remove = useDeleteMailbox(mailbox.id);
  const status = statusOf(mailbox);
  const imap = mailbox.imap;
  const empty = mailbox.counts.ingested + mailbox.counts.quarantined === 0;
  const failure = [sync, update, removeImap, remove].find((mutation) => mutation.isError)?.error;

  const rows: [string, ReactNode][] = [
    [t('mail.mailboxes.fields.owner'), mailbox.ownerName],
    [t('mail.mailboxes.fields.aliases'), mailbox.aliases.length ? mailbox.aliases.join(', ') : t('mail.mailboxes.none')],
    [
      t('mail.mailboxes.fields.counts'),
      t('mail.mailboxes.counts', {
        ingested: format.number(mailbox.counts.ingested),
        quarantined: format.number(mailbox.counts.quarantined),
        skipped: format.number(mailbox.counts.skipped),
      }),
    ],
  ];
  if (imap) {
    rows.push(
      [
        t('mail.mailboxes.fields.server'),
        `${imap.host}:${imap.port} · ${imap.secure ? t('mail.mailboxes.tls') : t('mail.mailboxes.plain')}`,
      ],
      [t('mail.mailboxes.fields.login'), `${imap.username} · ${imap.folder}`],
      [
        t('mail.mailboxes.fields.lastSync'),
        imap.lastSyncAt ? (
          <time key="lastSync" dateTime={imap.lastSyncAt}>
            {format.dateTime(imap.lastSyncAt)}
          </time>
        ) : (
          t('mail.mailboxes.never')
        ),
      ],
    );
    if (imap.watch.nextRetryAt) {
      rows.push([
        t('mail.mailboxes.fields.nextRetry'),
        <time key="nextRetry" dateTime={imap.watch.nextRetryAt}>
          {format.dateTime(imap.watch.nextRetryAt)}
        </time>,
      ]);
    }
  }

  return (
    <Card
      title={<span className="break">{mailbox.address}</span>}
      description={t(`mail.mailboxes.statusHint.${status.key}`)}
      actions={<Badge tone={status.tone}>{t(`mail.mailboxes.status.${status.key}`)}</Badge>}
    >
      <div className="mail-stack">
        <dl className="details">
          {rows.map(([term, value]) => (
            <div key={term} className="details__row">
              <dt>{term}</dt>
              <dd className="break">{value}</dd>
            </div>
          ))}
        </dl>
        {imap?.lastError ? (
          <Alert tone="error" title={t('mail.mailboxes.lastError')}>
            <p className="break">{imap.lastError}</p>
          </Alert>
        ) : null}
        {imap?.watch.error ? (
          <Alert tone="warning" title={t('mail.mailboxes.watchError')}>
            <p className="break">{imap.watch.error}</p>
          </Alert>
        ) : null}
        {sync.data ? (
          <Alert tone={sync.data.status === 'failed' ? 'error' : 'success'}>
            {t(`mail.mailboxes.sync.${sync.data.status}`, { ...sync.data })}
          </Alert>
        ) : null}
        {failure ? <Alert tone="error">{errorMessage(failure)}</Alert> : null}

        {canChange ? (
          <div className="form__actions">
            {imap ? (
              <Button size="small" variant="secondary" busy={sync.isPending} onClick={() => sync.mutate()}>
                {t('mail.mailboxes.actions.sync')}
              </Button>
            ) : null}
            {imap ? (
              <Button
                size="small"
                variant="secondary"
                busy={update.isPending}
                onClick={() => update.mutate({ imapEnabled: !imap.enabled })}
              >
                {imap.enabled ? t('mail.mailboxes.actions.pause') : t('mail.mailboxes.actions.resume')}
              </Button>
            ) : null}
            <Button size="small" variant="secondary" aria-expanded={editing} onClick={() => setEditing(!editing)}>
              {imap ? t('mail.mailboxes.actions.edit') : t('mail.mailboxes.actions.readImap')}
            </Button>
            {imap ? (
              <Button
                size="small"
                variant="ghost"
                busy={removeImap.isPending}
                onClick={() => window.confirm(t('mail.mailboxes.confirmRemoveImap', { address: mailbox.address })) && removeImap.mutate()}
              >
                {t('mail.mailboxes.actions.removeImap')}
              </Button>
            ) : null}
            {empty ? (
              <Button
                size="small"
                variant="danger"
                busy={remove.isPending}
                onClick={() => window.confirm(t('mail.mailboxes.confirmDelete', { address: mailbox.address })) && remove.mutate()}
              >
                {t('mail.mailboxes.actions.delete')}
              </Button>
            ) : null}
          </div>
        ) : null}

        {editing ? <EditMailboxForm mailbox={mailbox} onDone={() => setEditing(false)} /> : null}

        {mailbox.counts.skipped + mailbox.counts.quarantined > 0 && imap !== null ? (
          <div>
            <Button size="small" variant="ghost" aria-expanded={showProblems} onClick={() => setShowProblems(!showProblems)}>
              {showProblems ? t('mail.mailboxes.problemsHide') : t('mail.mailboxes.problemsShow')}
            </Button>
            {showProblems ? <MailboxProblems mailboxId={mailbox.id} /> : null}
          </div>
        ) : null}
      </div>
    </Card>
  );
}

function EditMailboxForm({ mailbox, onDone }: { mailbox: Mailbox; onDone: () => void }) {
  const { t } = useTranslation();
  const errorMessage = useMailErrorMessage();
  const check = useImapDraftCheck();
  const save = useSaveImap(mailbox.id);
  const update = useUpdateMailbox(mailbox.id);
  const [aliases, setAliases] = useState(mailbox.aliases.join(', '));
  const [draft, setDraft] = useState<ImapDraft>(imapDraftOf(mailbox.imap));
  const [problems, setProblems] = useState<ImapProblems>({});

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const { settings, problems: found } = check(draft, mailbox.imap === null);
    setProblems(found);
    if (!settings) return;
    const nextAliases = splitAddresses(aliases);
    try {
      if (nextAliases.join(',') !== mailbox.aliases.join(',')) await update.mutateAsync({ aliases: nextAliases });
      await save.mutateAsync(settings);
      onDone();
    } catch {
      // Shown below from the mutation's error.
    }
  };
  const failure = save.error ?? update.error;

  return (
    <form className="form mail-edit" onSubmit={onSubmit} noValidate>
      <TextField
        label={t('mail.mailboxes.fields.aliases')}
        hint={t('mail.mailboxes.aliasesHint')}
        value={aliases}
        onChange={(event) => setAliases(event.target.value)}
      />
      <ImapSettingsFields draft={draft} onChange={setDraft} problems={problems} hasStoredPassword={mailbox.imap !== null} />
      <ImapTestButton mailboxId={mailbox.id} draft={draft} onProblems={setProblems} />
      {failure ? <Alert tone="error">{errorMessage(failure)}</Alert> : null}
      <div className="form__actions">
        <Button type="submit" busy={save.isPending || update.isPending}>
          {t('mail.mailboxes.actions.save')}
        </Button>
        <Button variant="secondary" onClick={onDone}>
          {t('mail.mailboxes.actions.cancel')}
        </Button>
      </div>
    </form>
  );
}

function MailboxProblems({ mailboxId }: { mailboxId: string }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const errorMessage = useMailErrorMessage();
  const problems = useMailboxProblems(mailboxId, true);
  if (problems.isPending) return <p role="status">{t('mail.mailboxes.loadingProblems')}</p>;
  if (problems.isError) return <Alert tone="error">{errorMessage(problems.error)}</Alert>;
  if (problems.data.length === 0) return <p>{t('mail.mailboxes.noProblems')}</p>;
  return (
    <ul className="mail-problems">
      {problems.data.map((problem) => (
        <li key={`${problem.uidValidity}:${problem.uid}`}>
          <p>
            <Badge tone={problem.outcome === 'skipped' ? 'danger' : 'warning'}>{t(`mail.mailboxes.outcome.${problem.outcome}`)}</Badge>{' '}
            {problem.messageId ? (
              <Link to={`/mail/${problem.messageId}`}>{problem.subject || t('mail.noSubject')}</Link>
            ) : (
              <strong>{problem.subject || t('mail.noSubject')}</strong>
            )}
          </p>
          <p className="muted break">
            {[
              problem.fromAddress ?? t('mail.noSender'),
              `UID ${problem.uid}`,
              `${format.number(problem.size)} B`,
              format.dateTime(problem.at),
            ].join(' · ')}
          </p>
          <p className="break">{problem.reason}</p>
        </li>
      ))}
    </ul>
  );
}

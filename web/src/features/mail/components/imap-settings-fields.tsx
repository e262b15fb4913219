import { type ImapSettingsInput, type ImapTestResult, imapSettingsInputSchema, type Mailbox } from '@contracts/mail.contracts';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { useTestImap } from '../api/save-mailbox';
import { useMailErrorMessage } from './mail-errors';

/** What the form holds: text as typed (the port too), the password always blank at first (it is write-only). */
export type ImapDraft = { host: string; port: string; secure: boolean; username: string; password: string; folder: string };
export type ImapProblems = Partial<Record<'host' | 'port' | 'username' | 'password' | 'folder', string>>;

export const imapDraftOf = (imap: Mailbox['imap']): ImapDraft =>
  imap
    ? { host: imap.host, port: String(imap.port), secure: imap.secure, username: imap.username, password: '', folder: imap.folder }
    : { host: '', port: '993', secure: true, username: '', password: '', folder: 'INBOX' };

/** Checks the draft with the API's own schema; field messages in the user's language. */
export function useImapDraftCheck() {
  const { t } = useTranslation();
  return (draft: ImapDraft, passwordRequired: boolean): { settings: ImapSettingsInput | null; problems: ImapProblems } => {
    const problems: ImapProblems = {};
    const parsed = imapSettingsInputSchema.safeParse({ ...draft, port: Number(draft.port) || 0 });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = issue.path[0];
        if (field === 'host' || field === 'port' || field === 'username' || field === 'password' || field === 'folder') {
          problems[field] = t(`mail.mailboxes.problems.${field}`);
        }
      }
    }
    if (passwordRequired && !draft.password) problems.password = t('mail.mailboxes.problems.password');
    return { settings: parsed.success && Object.keys(problems).length === 0 ? parsed.data : null, problems };
  };
}

type Props = {
  draft: ImapDraft;
  onChange: (draft: ImapDraft) => void;
  problems: ImapProblems;
  /** A saved mailbox: a blank password keeps (and tests with) the stored one. */
  hasStoredPassword: boolean;
};

export function ImapSettingsFields({ draft, onChange, problems, hasStoredPassword }: Props) {
  const { t } = useTranslation();
  const set = (patch: Partial<ImapDraft>) => onChange({ ...draft, ...patch });
  // Switching TLS moves a default port along with it; a custom port stays.
  const toggleSecure = (secure: boolean) =>
    set({ secure, port: draft.port === (secure ? '143' : '993') || draft.port === '' ? (secure ? '993' : '143') : draft.port });
  return (
    <fieldset className="fieldset form">
      <legend className="field__label">{t('mail.mailboxes.imap.legend')}</legend>
      <div className="form__row">
        <TextField
          label={t('mail.mailboxes.imap.host')}
          hint={t('mail.mailboxes.imap.hostHint')}
          required
          autoComplete="off"
          spellCheck={false}
          value={draft.host}
          error={problems.host}
          onChange={(event) => set({ host: event.target.value })}
        />
        <TextField
          label={t('mail.mailboxes.imap.port')}
          required
          inputMode="numeric"
          value={draft.port}
          error={problems.port}
          onChange={(event) => set({ port: event.target.value.replace(/\D/g, '').slice(0, 5) })}
        />
      </div>
      <label className="checkbox mail-checkbox">
        <input type="checkbox" checked={draft.secure} onChange={(event) => toggleSecure(event.target.checked)} />
        {t('mail.mailboxes.imap.secure')}
      </label>
      <div className="form__row">
        <TextField
          label={t('mail.mailboxes.imap.username')}
          required
          autoComplete="off"
          spellCheck={false}
          value={draft.username}
          error={problems.username}
          onChange={(event) => set({ username: event.target.value })}
        />
        <TextField
          label={t('mail.mailboxes.imap.password')}
          type="password"
          autoComplete="new-password"
          required={!hasStoredPassword}
          hint={hasStoredPassword ? t('mail.mailboxes.imap.passwordKeep') : t('mail.mailboxes.imap.passwordHint')}
          value={draft.password}
          error={problems.password}
          onChange={(event) => set({ password: event.target.value })}
        />
      </div>
      <TextField
        label={t('mail.mailboxes.imap.folder')}
        required
        spellCheck={false}
        value={draft.folder}
        error={problems.folder}
        onChange={(event) => set({ folder: event.target.value })}
      />
    </fieldset>
  );
}

/** "Test connection": tries the form's settings and says what happened, in words an admin can act on. */
export function ImapTestButton({
  mailboxId,
  draft,
  onProblems,
}: {
  mailboxId: string | null;
  draft: ImapDraft;
  onProblems: (problems: ImapProblems) => void;
}) {
  const { t } = useTranslation();
  const errorMessage = useMailErrorMessage();
  const check = useImapDraftCheck();
  const test = useTestImap(mailboxId);
  const run = () => {
    const { settings, problems } = check(draft, mailboxId === null);
    onProblems(problems);
    if (settings) test.mutate(settings);
  };
  return (
    <div className="mail-stack">
      <div className="form__actions">
        <Button variant="secondary" busy={test.isPending} onClick={run}>
          {test.isPending ? t('mail.mailboxes.test.running') : t('mail.mailboxes.test.button')}
        </Button>
      </div>
      {test.data ? <TestResult result={test.data} folder={draft.folder} /> : null}
      {test.isError ? <Alert tone="error">{errorMessage(test.error)}</Alert> : null}
    </div>
  );
}

function TestResult({ result, folder }: { result: ImapTestResult; folder: string }) {
  const { t } = useTranslation();
  if (result.ok) {
    return (
      <Alert tone="success" title={t('mail.mailboxes.test.ok', { count: result.messages, folder })}>
        <p>{result.idle ? t('mail.mailboxes.test.idle') : t('mail.mailboxes.test.noIdle')}</p>
      </Alert>
    );
  }
  return (
    <Alert tone="error" title={t(`mail.mailboxes.test.reasons.${result.reason}`)}>
      <p className="break">{result.message}</p>
    </Alert>
  );
}

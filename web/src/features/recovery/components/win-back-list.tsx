import type { WinBackReminder } from '@contracts/recovery.contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextAreaField } from '@/components/ui/field';
import { useFormatters } from '@/lib/format';
import { useLogWinBack } from '../api/get-win-back';
import { ReminderStateBadge } from './recovery-badges';
import { useRecoveryErrorMessage } from './use-recovery-error';

/** The sentence around a lost reason ends with its own full stop; the one people type at the end would double it. */
const withoutFullStop = (text: string) => text.trim().replace(/\.+$/, '');

function LogReminderForm({ reminder }: { reminder: WinBackReminder }) {
  const { t } = useTranslation();
  const errorMessage = useRecoveryErrorMessage();
  const log = useLogWinBack();
  const [note, setNote] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    log.mutate({ reminderId: reminder.id, note: note.trim() });
  };
  return (
    <form className="form" onSubmit={submit}>
      {log.isError ? <Alert tone="error">{errorMessage(log.error)}</Alert> : null}
      <TextAreaField
        label={t('recovery.winBack.note')}
        hint={t('recovery.winBack.noteHint')}
        value={note}
        onChange={(event) => setNote(event.target.value)}
        rows={2}
        maxLength={2000}
      />
      <div className="form__actions">
        <Button type="submit" busy={log.isPending}>
          {t('recovery.winBack.markDone')}
        </Button>
      </div>
    </form>
  );
}

function ReminderItem({ reminder }: { reminder: WinBackReminder }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const open = reminder.state === 'due' || reminder.state === 'scheduled';
  return (
    <li className="recovery-reminder">
      <article aria-labelledby={`reminder-${reminder.id}`}>
        <h3 id={`reminder-${reminder.id}`} className="recovery-client__name">
          <Link to={`/clients/${reminder.clientId}`}>{reminder.clientName}</Link>
          <span className="muted"> · {t('recovery.winBack.day', { count: reminder.day })}</span>
        </h3>
        <p className="recovery-client__badges">
          <ReminderStateBadge state={reminder.state} />
          <span className="muted">
            {reminder.state === 'done' && reminder.doneAt
              ? t('recovery.winBack.doneAt', { date: format.dateTime(reminder.doneAt), name: reminder.doneByName ?? '' })
              : t('recovery.winBack.dueAt', { date: format.date(reminder.dueAt) })}
          </span>
        </p>
        <p className="muted">
          {t('recovery.winBack.lost', { date: format.date(reminder.lostAt), reason: withoutFullStop(reminder.lostReason) })}
          {reminder.endedStatus ? ` ${t('recovery.winBack.ended', { status: t(`recovery.status.${reminder.endedStatus}`) })}` : ''}
        </p>
        {reminder.note ? <p className="pre-line">{reminder.note}</p> : null}
        {open ? (
          <>
            <details className="recovery-details">
              <summary>{t('recovery.winBack.script', { language: t(`languages.${reminder.script.language}`) })}</summary>
              <div lang={reminder.script.language}>
                {reminder.script.lines.map((line) => (
                  <p key={line}>{line}</p>
                ))}
              </div>
            </details>
            <LogReminderForm reminder={reminder} />
          </>
        ) : null}
      </article>
    </li>
  );
}

/** A group of reminders (due, upcoming, done or stopped), each with its script and log. */
export function WinBackList({ reminders, empty }: { reminders: WinBackReminder[]; empty: string }) {
  if (reminders.length === 0) return <p className="empty">{empty}</p>;
  return (
    <ul className="recovery-reminders">
      {reminders.map((reminder) => (
        <ReminderItem key={reminder.id} reminder={reminder} />
      ))}
    </ul>
  );
}

import type { BlameFinding, RecoveryTaskDetail } from '@contracts/recovery.contracts';
import { type FormEvent, type ReactNode, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextAreaField, TextField } from '@/components/ui/field';
import { ApiError } from '@/lib/api-client';
import { useBlameCheck } from '../api/check-blame';
import { useSendRecoveryMessage } from '../api/get-recovery-task';
import { useRecoveryErrorMessage } from './use-recovery-error';

/** The checked text with its flagged phrases marked. */
function Marked({ text, findings }: { text: string; findings: BlameFinding[] }) {
  const parts: ReactNode[] = [];
  let at = 0;
  for (const finding of findings) {
    if (finding.start > at) parts.push(text.slice(at, finding.start));
    parts.push(<mark key={finding.start}>{text.slice(finding.start, finding.end)}</mark>);
    at = finding.end;
  }
  parts.push(text.slice(at));
  return <p className="recovery-marked">{parts}</p>;
}

/**
 * Writing to the client from a task: the draft is checked for blame-shifting as it is written; a flagged message
 * is held by the server until the owner chooses to send it anyway.
 */
export function MessageForm({ task }: { task: RecoveryTaskDetail }) {
  const { t } = useTranslation();
  const errorMessage = useRecoveryErrorMessage();
  const send = useSendRecoveryMessage(task.id, task.absenceId);
  const compose = task.compose;
  const [subject, setSubject] = useState(compose?.subject ?? '');
  const [body, setBody] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [sent, setSent] = useState(false);
  const check = useBlameCheck(body);
  const checkId = useId();
  const confirmId = useId();
  if (!compose) return null;

  const submit = (confirmed: boolean) =>
    send.mutate(
      { subject: subject.trim(), body: body.trim(), confirmed },
      {
        onSuccess: () => {
          setBody('');
          setConfirming(false);
          setSent(true);
        },
        onError: (error) => setConfirming(error instanceof ApiError && error.code === 'recovery.blame_flagged'),
      },
    );
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setSent(false);
    submit(false);
  };
  const flagged = check.findings.length > 0;

  return (
    <form className="form" onSubmit={onSubmit}>
      <dl className="recovery-addressing">
        <div>
          <dt>{t('recovery.message.to')}</dt>
          <dd className="break">{compose.to}</dd>
        </div>
        <div>
          <dt>{t('recovery.message.from')}</dt>
          <dd className="break">{compose.from ?? t('recovery.message.defaultFrom')}</dd>
        </div>
      </dl>
      <p className="muted">{compose.threaded ? t('recovery.message.threaded') : t('recovery.message.notThreaded')}</p>
      {sent ? <Alert tone="success">{t('recovery.message.sent')}</Alert> : null}
      {send.isError && !confirming ? <Alert tone="error">{errorMessage(send.error)}</Alert> : null}
      <TextField
        label={t('recovery.message.subject')}
        value={subject}
        onChange={(event) => setSubject(event.target.value)}
        maxLength={300}
        required
      />
      <TextAreaField
        label={t('recovery.message.body')}
        hint={t('recovery.message.bodyHint')}
        value={body}
        onChange={(event) => {
          setBody(event.target.value);
          setConfirming(false);
        }}
        rows={8}
        maxLength={20000}
        required
        lang={task.language}
        aria-controls={checkId}
      />
      <div id={checkId} className="recovery-check" aria-live="polite">
        {flagged ? (
          <div className="alert alert--warning">
            <p className="alert__title">{t('recovery.message.flagged', { count: check.findings.length })}</p>
            <div className="alert__body">
              <p>{check.advice ?? t('recovery.message.advice')}</p>
              <Marked text={check.checkedText} findings={check.findings} />
              <ul className="recovery-findings">
                {check.findings.map((finding) => (
                  <li key={finding.start}>
                    <q>{finding.text}</q> — {t(`recovery.blame.${finding.kind}`)}
                  </li>
                ))}
              </ul>
            </div>
          </div>
        ) : body.trim() && !check.pending ? (
          <p className="muted">{t('recovery.message.clean')}</p>
        ) : null}
      </div>
      {confirming ? (
        <div className="alert alert--warning" role="alertdialog" aria-labelledby={confirmId}>
          <p id={confirmId} className="alert__title">
            {t('recovery.message.confirmTitle')}
          </p>
          <div className="alert__body">
            <p>{t('recovery.message.confirmText')}</p>
            <div className="form__actions">
              <Button variant="danger" busy={send.isPending} onClick={() => submit(true)}>
                {t('recovery.message.sendAnyway')}
              </Button>
              <Button variant="secondary" onClick={() => setConfirming(false)}>
                {t('recovery.message.keepEditing')}
              </Button>
            </div>
          </div>
        </div>
      ) : (
        <div className="form__actions">
          <Button type="submit" busy={send.isPending} disabled={!body.trim() || !subject.trim()}>
            {t('recovery.message.send')}
          </Button>
        </div>
      )}
    </form>
  );
}

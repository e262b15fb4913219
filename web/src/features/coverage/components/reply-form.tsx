import type { ContactDetail } from '@contracts/coverage.contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextAreaField } from '@/components/ui/field';
import { useSendReply } from '../api/send-reply';
import { useCoverageErrorMessage } from './use-coverage-error';

export const REPLY_FIELD_ID = 'coverage-reply';

/** The delegate's answer to the client; the text is the page's, so a FAQ answer can be dropped into it. */
export function ReplyForm({ contact, body, onBody }: { contact: ContactDetail; body: string; onBody: (body: string) => void }) {
  const { t } = useTranslation();
  const errorMessage = useCoverageErrorMessage();
  const send = useSendReply(contact.id);
  const [problem, setProblem] = useState<string>();
  const [sent, setSent] = useState(false);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!body.trim()) {
      setProblem(t('coverage.reply.empty'));
      return;
    }
    setProblem(undefined);
    setSent(false);
    send.mutate(
      { body },
      {
        onSuccess: () => {
          onBody('');
          setSent(true);
        },
      },
    );
  };

  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      <TextAreaField
        id={REPLY_FIELD_ID}
        label={t('coverage.reply.label')}
        hint={contact.replyTo ? t('coverage.reply.to', { address: contact.replyTo }) : t('coverage.reply.noAddress')}
        rows={7}
        value={body}
        error={problem}
        maxLength={20_000}
        onChange={(event) => {
          onBody(event.target.value);
          setSent(false);
        }}
      />
      {send.isError ? <Alert tone="error">{errorMessage(send.error)}</Alert> : null}
      {sent ? <Alert tone="success">{t('coverage.reply.sent')}</Alert> : null}
      <div className="form__actions">
        <Button type="submit" busy={send.isPending} disabled={!contact.replyTo}>
          {t('coverage.reply.send')}
        </Button>
      </div>
    </form>
  );
}

import '../mail.css';
import type { ReactNode } from 'react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { SelectField } from '@/components/ui/field';
import { Loading } from '@/components/ui/loading';
import { PageHeader } from '@/components/ui/page-header';
import { useErrorMessage } from '@/lib/errors';
import { useFormatters } from '@/lib/format';
import { isAdmin, useSession } from '@/lib/session';
import { useAttachSender } from '../api/attach-sender';
import { useClientOptions } from '../api/get-client-options';
import { useMailMessage } from '../api/get-mail-message';
import { useRetryQuarantined } from '../api/retry-quarantined';

/** The client's HTML, already sanitised by the server, shown in a frame that can run no script and reach no page. */
const frameDocument = (html: string) =>
  `<!doctype html><html><head><meta charset="utf-8"><base target="_blank"><style>body{font:15px/1.5 system-ui,sans-serif;margin:0;padding:8px;overflow-wrap:anywhere}img{max-width:100%}</style></head><body>${html}</body></html>`;

export function MailMessagePage() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const format = useFormatters();
  const session = useSession();
  const messageId = useParams().messageId ?? '';
  const message = useMailMessage(messageId);
  const retry = useRetryQuarantined(messageId);

  const back = (
    <p className="back-link">
      <Link to="/mail">← {t('mail.back')}</Link>
    </p>
  );
  if (message.isPending) return <Loading />;
  if (message.isError) {
    return (
      <>
        {back}
        <PageHeader title={t('mail.messageTitle')} />
        <Alert tone="error">{errorMessage(message.error)}</Alert>
      </>
    );
  }
  const mail = message.data;
  const details: [string, ReactNode][] = [
    [t('mail.columns.from'), mail.fromAddress ? `${mail.fromName ? `${mail.fromName} ` : ''}<${mail.fromAddress}>` : t('mail.noSender')],
    [t('mail.columns.to'), mail.to.map((entry) => entry.address).join(', ')],
    [
      t('mail.columns.client'),
      mail.clientName ? (
        `${mail.clientName} · ${t(`mail.matchedBy.${mail.matchedBy ?? 'contact'}`)}`
      ) : (
        <Badge key="client" tone="warning">
          {t('mail.unknownSender')}
        </Badge>
      ),
    ],
    [
      t('mail.columns.receivedAt'),
      <time key="received" dateTime={mail.receivedAt}>
        {format.dateTime(mail.receivedAt)}
      </time>,
    ],
    [t('mail.columns.language'), t(`mail.languages.${mail.language}`)],
    [
      t('mail.columns.autoReply'),
      mail.autoReplyDecision
        ? t(`mail.autoReply.${mail.autoReplyDecision}`, {
            reason: mail.autoReplyReason ? t(`mail.reasons.${mail.autoReplyReason}`, { defaultValue: mail.autoReplyReason }) : '',
          })
        : t('mail.autoReply.pending'),
    ],
  ];

  return (
    <>
      {back}
      <PageHeader title={mail.subject || t('mail.noSubject')} description={t('mail.messageTitle')} />
      {mail.status === 'quarantined' ? (
        <Alert tone="warning" title={t('mail.quarantinedTitle')}>
          <p>{mail.quarantineReason}</p>
          {isAdmin(session) ? (
            <Button size="small" variant="secondary" busy={retry.isPending} onClick={() => retry.mutate()}>
              {t('mail.retry')}
            </Button>
          ) : null}
          {retry.data ? <p role="status">{t(`mail.outcome.${retry.data.outcome}`)}</p> : null}
          {retry.isError ? <p>{errorMessage(retry.error)}</p> : null}
        </Alert>
      ) : null}
      <div className="card">
        <dl className="details">
          {details.map(([term, value]) => (
            <div key={term} className="details__row">
              <dt>{term}</dt>
              <dd className="break">{value}</dd>
            </div>
          ))}
        </dl>
      </div>
      {mail.status === 'ingested' && !mail.clientId && mail.fromAddress ? (
        <AttachSenderForm messageId={mail.id} address={mail.fromAddress} />
      ) : null}
      <section className="card" aria-labelledby="mail-body-heading">
        <h2 id="mail-body-heading" className="card__title">
          {t('mail.body')}
        </h2>
        {mail.safeHtml ? (
          <iframe
            title={t('mail.bodyFrame')}
            className="mail-frame"
            sandbox="allow-popups allow-popups-to-escape-sandbox"
            referrerPolicy="no-referrer"
            srcDoc={frameDocument(mail.safeHtml)}
            style={{ width: '100%', minHeight: '24rem', border: '1px solid var(--border, #ccc)', borderRadius: 6, background: '#fff' }}
          />
        ) : (
          <pre className="mail-body" lang={mail.language === 'other' ? undefined : mail.language}>
            {mail.textBody}
          </pre>
        )}
        {mail.attachments.length ? (
          <>
            <h3 className="card__title">{t('mail.attachments')}</h3>
            <ul className="mail-attachments">
              {mail.attachments.map((attachment) => (
                <li key={attachment.id} className="break">
                  {attachment.skippedReason ? (
                    attachment.filename
                  ) : (
                    <a
                      href={`/api/mail/messages/${mail.id}/attachments/${attachment.id}`}
                      download={attachment.filename}
                      aria-label={t('mail.downloadLabel', { filename: attachment.filename })}
                    >
                      {attachment.filename}
                    </a>
                  )}{' '}
                  · {attachment.contentType} · {format.number(attachment.size)} B
                  {attachment.skippedReason ? ` · ${t('mail.skipped', { reason: attachment.skippedReason })}` : ''}
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>
    </>
  );
}

function AttachSenderForm({ messageId, address }: { messageId: string; address: string }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const clients = useClientOptions();
  const attach = useAttachSender(messageId);
  const [clientId, setClientId] = useState('');
  const [as, setAs] = useState<'contact' | 'domain'>('contact');
  const domain = address.split('@')[1] ?? '';
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (clientId) attach.mutate({ clientId, as });
  };
  return (
    <section className="card" aria-labelledby="attach-heading">
      <h2 id="attach-heading" className="card__title">
        {t('mail.attach.title')}
      </h2>
      <p>{t('mail.attach.lead', { address })}</p>
      <form onSubmit={onSubmit} className="stack">
        <SelectField
          label={t('mail.attach.client')}
          value={clientId}
          onChange={(event) => setClientId(event.target.value)}
          options={[
            { value: '', label: t('mail.attach.choose') },
            ...(clients.data ?? []).map((client) => ({ value: client.id, label: client.name })),
          ]}
        />
        <SelectField
          label={t('mail.attach.as')}
          value={as}
          onChange={(event) => setAs(event.target.value === 'domain' ? 'domain' : 'contact')}
          options={[
            { value: 'contact', label: t('mail.attach.asContact', { address }) },
            { value: 'domain', label: t('mail.attach.asDomain', { domain }) },
          ]}
        />
        <Button type="submit" busy={attach.isPending} disabled={!clientId}>
          {t('mail.attach.submit')}
        </Button>
        {attach.isError ? <Alert tone="error">{errorMessage(attach.error)}</Alert> : null}
      </form>
    </section>
  );
}

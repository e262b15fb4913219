import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { Loading } from '@/components/ui/loading';
import { PageHeader } from '@/components/ui/page-header';
import { useErrorMessage } from '@/lib/errors';
import { useFormatters } from '@/lib/format';
import { useOutboxMessage } from '../api/get-outbox-message';
import { OutboxStatusBadge } from '../components/outbox-status-badge';

export function OutboxMessagePage() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const format = useFormatters();
  const outboxId = useParams().outboxId ?? '';
  const message = useOutboxMessage(outboxId);

  const back = (
    <p className="back-link">
      <Link to="/outbox">← {t('outbox.back')}</Link>
    </p>
  );

  if (message.isPending) return <Loading />;
  if (message.isError) {
    return (
      <>
        {back}
        <PageHeader title={t('outbox.messageTitle')} />
        <Alert tone="error">{errorMessage(message.error)}</Alert>
      </>
    );
  }
  const mail = message.data;
  const details: [string, ReactNode][] = [
    [t('outbox.columns.from'), mail.from],
    [t('outbox.columns.to'), mail.to],
    [t('outbox.columns.status'), <OutboxStatusBadge key="status" status={mail.status} />],
    [
      t('outbox.columns.createdAt'),
      <time key="created" dateTime={mail.createdAt}>
        {format.dateTime(mail.createdAt)}
      </time>,
    ],
    [
      t('outbox.columns.sentAt'),
      mail.sentAt ? (
        <time key="sent" dateTime={mail.sentAt}>
          {format.dateTime(mail.sentAt)}
        </time>
      ) : (
        t('outbox.notSent')
      ),
    ],
    [t('outbox.columns.kind'), <code key="kind">{mail.kind}</code>],
    [t('outbox.columns.language'), t(`languages.${mail.language}`, { defaultValue: mail.language })],
    [t('outbox.columns.transport'), `${mail.transport} · ${t('outbox.attempts', { count: mail.attempts })}`],
  ];

  return (
    <>
      {back}
      <PageHeader title={mail.subject || t('outbox.noSubject')} description={t('outbox.messageTitle')} />
      {mail.lastError ? (
        <Alert tone="error" title={t('outbox.lastError')}>
          {mail.lastError}
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
      <section className="card" aria-labelledby="mail-body-heading">
        <h2 id="mail-body-heading" className="card__title">
          {t('outbox.body')}
        </h2>
        <pre className="mail-body" lang={mail.language}>
          {mail.text}
        </pre>
      </section>
    </>
  );
}

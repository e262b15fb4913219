import type { MailMessageSummary } from '@contracts/mail.contracts';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Loading } from '@/components/ui/loading';
import { PageHeader } from '@/components/ui/page-header';
import { type Column, DataTable } from '@/components/ui/table';
import { useErrorMessage } from '@/lib/errors';
import { useFormatters } from '@/lib/format';
import { type MailFilter, useMailMessages } from '../api/get-mail-messages';

const filters: MailFilter[] = ['all', 'unknown', 'quarantined'];

export function MailPage() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const format = useFormatters();
  const [params] = useSearchParams();
  const filter = filters.find((entry) => entry === params.get('filter')) ?? 'all';
  const messages = useMailMessages(filter);

  const columns: Column<MailMessageSummary>[] = [
    {
      key: 'subject',
      header: t('mail.columns.subject'),
      isRowHeader: true,
      cell: (message) => <Link to={`/mail/${message.id}`}>{message.subject || t('mail.noSubject')}</Link>,
    },
    {
      key: 'from',
      header: t('mail.columns.from'),
      cell: (message) => <span className="break">{message.fromName || message.fromAddress || t('mail.noSender')}</span>,
    },
    {
      key: 'client',
      header: t('mail.columns.client'),
      cell: (message) =>
        message.status === 'quarantined' ? (
          <Badge tone="danger">{t('mail.quarantined')}</Badge>
        ) : message.clientName ? (
          message.clientName
        ) : (
          <Badge tone="warning">{t('mail.unknownSender')}</Badge>
        ),
    },
    {
      key: 'receivedAt',
      header: t('mail.columns.receivedAt'),
      cell: (message) => <time dateTime={message.receivedAt}>{format.dateTime(message.receivedAt)}</time>,
    },
  ];

  return (
    <>
      <PageHeader
        title={t('mail.title')}
        description={t('mail.description')}
        actions={
          <Link to="/mail/mailboxes" className="button button--secondary">
            {t('mail.mailboxesLink')}
          </Link>
        }
      />
      <nav aria-label={t('mail.filtersLabel')} className="mail-filters">
        {filters.map((entry) => (
          <Link
            key={entry}
            to={entry === 'all' ? '/mail' : `/mail?filter=${entry}`}
            className={`button button--small ${entry === filter ? 'button--primary' : 'button--secondary'}`}
            aria-current={entry === filter ? 'page' : undefined}
          >
            {t(`mail.filters.${entry}`)}
          </Link>
        ))}
      </nav>
      {messages.isPending ? <Loading /> : null}
      {messages.isError ? <Alert tone="error">{errorMessage(messages.error)}</Alert> : null}
      {messages.data ? (
        <div className="card">
          <DataTable
            caption={t(`mail.filters.${filter}`)}
            columns={columns}
            rows={messages.data}
            rowKey={(message) => message.id}
            empty={t('mail.empty')}
          />
        </div>
      ) : null}
    </>
  );
}

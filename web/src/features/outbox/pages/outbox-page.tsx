import type { OutboxMessage } from '@contracts/outbox.contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { Loading } from '@/components/ui/loading';
import { PageHeader } from '@/components/ui/page-header';
import { type Column, DataTable } from '@/components/ui/table';
import { useErrorMessage } from '@/lib/errors';
import { useFormatters } from '@/lib/format';
import { useOutboxMessages } from '../api/get-outbox-messages';
import { OutboxStatusBadge } from '../components/outbox-status-badge';

export function OutboxPage() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const format = useFormatters();
  const messages = useOutboxMessages();

  const columns: Column<OutboxMessage>[] = [
    {
      key: 'subject',
      header: t('outbox.columns.subject'),
      isRowHeader: true,
      cell: (message) => <Link to={`/outbox/${message.id}`}>{message.subject || t('outbox.noSubject')}</Link>,
    },
    { key: 'to', header: t('outbox.columns.to'), cell: (message) => <span className="break">{message.to}</span> },
    { key: 'status', header: t('outbox.columns.status'), cell: (message) => <OutboxStatusBadge status={message.status} /> },
    {
      key: 'createdAt',
      header: t('outbox.columns.createdAt'),
      cell: (message) => <time dateTime={message.createdAt}>{format.dateTime(message.createdAt)}</time>,
    },
  ];

  return (
    <>
      <PageHeader title={t('outbox.title')} description={t('outbox.description', { timezone: format.timezone })} />
      {messages.isPending ? <Loading /> : null}
      {messages.isError ? <Alert tone="error">{errorMessage(messages.error)}</Alert> : null}
      {messages.data ? (
        <div className="card">
          <DataTable
            caption={t('outbox.title')}
            columns={columns}
            rows={messages.data}
            rowKey={(message) => message.id}
            empty={t('outbox.empty')}
          />
        </div>
      ) : null}
    </>
  );
}

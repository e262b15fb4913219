import '../coverage.css';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Loading } from '@/components/ui/loading';
import { PageHeader } from '@/components/ui/page-header';
import { type QueueFilters as Filters, QUEUE_PAGE, useCoverageQueue } from '../api/get-coverage-queue';
import { LogCallForm } from '../components/log-call-form';
import { QueueFilters, readFilters } from '../components/queue-filters';
import { QueueList } from '../components/queue-list';
import { useServerNow } from '../components/server-clock';
import { useCoverageErrorMessage } from '../components/use-coverage-error';

export function CoverageQueuePage() {
  const { t } = useTranslation();
  const errorMessage = useCoverageErrorMessage();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const filters = readFilters(params);
  const [limit, setLimit] = useState(QUEUE_PAGE);
  const queue = useCoverageQueue(filters, limit);
  const now = useServerNow(queue.data?.now);
  const [logging, setLogging] = useState(false);

  const onFilters = (next: Filters) => {
    const search = new URLSearchParams();
    if (next.state !== 'open') search.set('state', next.state);
    if (next.scope !== 'mine') search.set('scope', next.scope);
    if (next.tier) search.set('tier', next.tier);
    if (next.clientId) search.set('clientId', next.clientId);
    setParams(search, { replace: true });
    setLimit(QUEUE_PAGE);
  };
  const filtered = filters.state !== 'open' || filters.scope !== 'mine' || filters.tier !== undefined || filters.clientId !== undefined;
  const contacts = queue.data?.contacts ?? [];

  return (
    <>
      <PageHeader
        title={t('coverage.title')}
        description={t('coverage.description')}
        actions={
          <div className="header-actions">
            <Link to="/coverage/escalations" className="button button--secondary">
              {t('coverage.escalations.nav')}
            </Link>
            <Button onClick={() => setLogging(true)} aria-expanded={logging}>
              {t('coverage.logCall.open')}
            </Button>
          </div>
        }
      />
      {logging ? (
        <Card title={t('coverage.logCall.title')} description={t('coverage.logCall.lead')}>
          <LogCallForm onCancel={() => setLogging(false)} onDone={(contact) => navigate(`/coverage/contacts/${contact.id}`)} />
        </Card>
      ) : null}
      <QueueFilters filters={filters} onChange={onFilters} />
      {queue.isPending ? <Loading /> : null}
      {queue.isError ? <Alert tone="error">{errorMessage(queue.error)}</Alert> : null}
      {queue.data ? (
        <>
          <p className="queue-count muted" role="status">
            {t(queue.data.hasMore ? 'coverage.countMore' : 'coverage.count', { count: contacts.length })}
          </p>
          {contacts.length ? (
            <>
              <QueueList contacts={contacts} now={now} caption={t('coverage.caption')} />
              {queue.data.hasMore ? (
                <Button variant="secondary" onClick={() => setLimit((current) => Math.min(500, current + QUEUE_PAGE))}>
                  {t('coverage.showMore')}
                </Button>
              ) : null}
            </>
          ) : (
            <div className="card queue-empty">
              <p className="queue-empty__title">{filtered ? t('coverage.empty.filteredTitle') : t('coverage.empty.title')}</p>
              <p className="muted">{filtered ? t('coverage.empty.filtered') : t('coverage.empty.lead')}</p>
            </div>
          )}
        </>
      ) : null}
    </>
  );
}

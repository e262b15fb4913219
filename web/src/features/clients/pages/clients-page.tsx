import '../clients.css';
import { type ClientStatus, type ClientSummary, type ClientTier, clientStatuses, clientTiers } from '@contracts/clients.contracts';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { SelectField, TextField } from '@/components/ui/field';
import { Loading } from '@/components/ui/loading';
import { PageHeader } from '@/components/ui/page-header';
import { type Column, DataTable } from '@/components/ui/table';
import { useFormatters } from '@/lib/format';
import { useClientsPage } from '../api/get-clients';
import { useMembers } from '../api/get-members';
import { ArchivedBadge, ClientStatusBadge, ClientTierBadge } from '../components/client-badges';
import { useClientErrorMessage } from '../components/use-client-error';

const PAGE_SIZE = 25;

export function ClientsPage() {
  const { t } = useTranslation();
  const format = useFormatters();
  const errorMessage = useClientErrorMessage();
  const members = useMembers();
  const [query, setQuery] = useState('');
  const [q, setQ] = useState('');
  const [tier, setTier] = useState<ClientTier | ''>('');
  const [status, setStatus] = useState<ClientStatus | ''>('');
  const [ownerId, setOwnerId] = useState('');
  const [includeArchived, setIncludeArchived] = useState(false);
  const [page, setPage] = useState(0);

  // Search as one types, without a request per keystroke.
  useEffect(() => {
    const timer = setTimeout(() => setQ(query.trim()), 250);
    return () => clearTimeout(timer);
  }, [query]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new filter starts again from the first page
  useEffect(() => setPage(0), [q, tier, status, ownerId, includeArchived]);

  const list = useClientsPage({ q, tier, status, ownerId, includeArchived, limit: PAGE_SIZE, offset: page * PAGE_SIZE });
  const ownerName = (id: string | null) => members.data?.find((member) => member.id === id)?.name ?? t('clients.noOwner');
  const total = list.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));

  const columns: Column<ClientSummary>[] = [
    {
      key: 'name',
      header: t('clients.columns.name'),
      isRowHeader: true,
      cell: (client) => (
        <span>
          <Link to={`/clients/${client.id}`}>{client.name}</Link> {client.archived ? <ArchivedBadge /> : null}
        </span>
      ),
    },
    { key: 'tier', header: t('clients.columns.tier'), cell: (client) => <ClientTierBadge tier={client.tier} /> },
    { key: 'status', header: t('clients.columns.status'), cell: (client) => <ClientStatusBadge status={client.status} /> },
    { key: 'owner', header: t('clients.columns.owner'), cell: (client) => ownerName(client.ownerId) },
    {
      key: 'domains',
      header: t('clients.columns.domains'),
      cell: (client) =>
        client.domains.length ? (
          <ul className="inline-list">
            {client.domains.map((domain) => (
              <li key={domain}>
                <code className="break">{domain}</code>
              </li>
            ))}
          </ul>
        ) : (
          <span className="muted">{t('clients.none')}</span>
        ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('clients.title')}
        description={t('clients.description')}
        actions={
          <>
            <Link className="button button--primary" to="/clients/new">
              {t('clients.new')}
            </Link>
            <Link className="button button--secondary" to="/clients/import">
              {t('clients.importCsv')}
            </Link>
          </>
        }
      />
      <section className="card" aria-labelledby="clients-filters">
        <h2 id="clients-filters" className="visually-hidden">
          {t('clients.filters')}
        </h2>
        <form className="form form--inline" onSubmit={(event) => event.preventDefault()}>
          <TextField label={t('clients.search')} type="search" value={query} onChange={(event) => setQuery(event.target.value)} />
          <SelectField
            label={t('clients.columns.tier')}
            value={tier}
            onChange={(event) => setTier(event.target.value as ClientTier | '')}
            options={[
              { value: '', label: t('clients.any') },
              ...clientTiers.map((value) => ({ value, label: t(`clients.tier.${value}`) })),
            ]}
          />
          <SelectField
            label={t('clients.columns.status')}
            value={status}
            onChange={(event) => setStatus(event.target.value as ClientStatus | '')}
            options={[
              { value: '', label: t('clients.any') },
              ...clientStatuses.map((value) => ({ value, label: t(`clients.status.${value}`) })),
            ]}
          />
          <SelectField
            label={t('clients.columns.owner')}
            value={ownerId}
            onChange={(event) => setOwnerId(event.target.value)}
            options={[
              { value: '', label: t('clients.anyone') },
              ...(members.data ?? []).map((member) => ({ value: member.id, label: member.name })),
            ]}
          />
          <label className="checkbox">
            <input type="checkbox" checked={includeArchived} onChange={(event) => setIncludeArchived(event.target.checked)} />
            {t('clients.includeArchived')}
          </label>
        </form>
        {list.isError ? <Alert tone="error">{errorMessage(list.error)}</Alert> : null}
        {list.isPending ? <Loading /> : null}
        <p className="toolbar__count" aria-live="polite">
          {list.data ? t('clients.count', { count: total, formatted: format.number(total) }) : ''}
        </p>
        {list.data ? (
          <>
            <DataTable
              caption={t('clients.title')}
              columns={columns}
              rows={list.data.clients}
              rowKey={(client) => client.id}
              empty={q || tier || status || ownerId ? t('clients.noMatch') : t('clients.empty')}
            />
            {pages > 1 ? (
              <nav className="form__actions pager" aria-label={t('clients.pagination')}>
                <Button variant="secondary" size="small" disabled={page === 0} onClick={() => setPage(page - 1)}>
                  {t('clients.previous')}
                </Button>
                <span className="muted">{t('clients.pageOf', { page: page + 1, pages })}</span>
                <Button variant="secondary" size="small" disabled={page + 1 >= pages} onClick={() => setPage(page + 1)}>
                  {t('clients.next')}
                </Button>
              </nav>
            ) : null}
          </>
        ) : null}
      </section>
    </>
  );
}

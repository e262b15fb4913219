import type { ClientSummary } from '@contracts/clients.contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/ui/alert';
import { TextField } from '@/components/ui/field';
import { Loading } from '@/components/ui/loading';
import { PageHeader } from '@/components/ui/page-header';
import { type Column, DataTable } from '@/components/ui/table';
import { useErrorMessage } from '@/lib/errors';
import { useClients } from '../api/get-clients';
import { ClientStatusBadge, ClientTierBadge } from '../components/client-badges';

const matches = (client: ClientSummary, query: string) => {
  const needle = query.trim().toLowerCase();
  return !needle || client.name.toLowerCase().includes(needle) || client.domains.some((domain) => domain.includes(needle));
};

export function ClientsPage() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const clients = useClients();
  const [query, setQuery] = useState('');

  const columns: Column<ClientSummary>[] = [
    { key: 'name', header: t('clients.columns.name'), cell: (client) => client.name, isRowHeader: true },
    { key: 'tier', header: t('clients.columns.tier'), cell: (client) => <ClientTierBadge tier={client.tier} /> },
    { key: 'status', header: t('clients.columns.status'), cell: (client) => <ClientStatusBadge status={client.status} /> },
    { key: 'language', header: t('clients.columns.language'), cell: (client) => t(`languages.${client.language}`) },
    {
      key: 'domains',
      header: t('clients.columns.domains'),
      cell: (client) =>
        client.domains.length ? (
          <ul className="inline-list">
            {client.domains.map((domain) => (
              <li key={domain}>
                <code>{domain}</code>
              </li>
            ))}
          </ul>
        ) : (
          <span className="muted">{t('common.none')}</span>
        ),
    },
  ];

  const visible = clients.data?.filter((client) => matches(client, query)) ?? [];

  return (
    <>
      <PageHeader title={t('clients.title')} description={t('clients.description')} />
      {clients.isPending ? <Loading /> : null}
      {clients.isError ? <Alert tone="error">{errorMessage(clients.error)}</Alert> : null}
      {clients.data ? (
        <div className="card">
          <div className="toolbar">
            <TextField label={t('clients.search')} type="search" value={query} onChange={(event) => setQuery(event.target.value)} />
            <p className="toolbar__count" aria-live="polite">
              {t('clients.count', { count: visible.length })}
            </p>
          </div>
          <DataTable
            caption={t('clients.title')}
            columns={columns}
            rows={visible}
            rowKey={(client) => client.id}
            empty={query ? t('clients.noMatch') : t('clients.empty')}
          />
        </div>
      ) : null}
    </>
  );
}

import { useTranslation } from 'react-i18next';
import { SelectField } from '@/components/ui/field';
import { useClientOptions } from '../api/get-client-options';
import type { QueueFilters as Filters } from '../api/get-coverage-queue';

const states = ['open', 'closed', 'all'] as const;
const scopes = ['mine', 'all'] as const;
const tiers = ['key', 'standard', 'triage'] as const;

export function readFilters(params: URLSearchParams): Filters {
  const pick = <T extends string>(values: readonly T[], value: string | null): T | undefined => values.find((entry) => entry === value);
  return {
    state: pick(states, params.get('state')) ?? 'open',
    scope: pick(scopes, params.get('scope')) ?? 'mine',
    tier: pick(tiers, params.get('tier')),
    clientId: params.get('clientId') || undefined,
  };
}

/** Filters live in the address, so a filtered queue can be bookmarked and survives a reload. */
export function QueueFilters({ filters, onChange }: { filters: Filters; onChange: (filters: Filters) => void }) {
  const { t } = useTranslation();
  const clients = useClientOptions();
  return (
    <form className="queue-filters" aria-label={t('coverage.filters.label')} onSubmit={(event) => event.preventDefault()}>
      <SelectField
        label={t('coverage.filters.scope')}
        value={filters.scope}
        onChange={(event) => onChange({ ...filters, scope: event.target.value === 'all' ? 'all' : 'mine' })}
        options={scopes.map((scope) => ({ value: scope, label: t(`coverage.filters.scopes.${scope}`) }))}
      />
      <SelectField
        label={t('coverage.filters.state')}
        value={filters.state}
        onChange={(event) => onChange({ ...filters, state: states.find((state) => state === event.target.value) ?? 'open' })}
        options={states.map((state) => ({ value: state, label: t(`coverage.filters.states.${state}`) }))}
      />
      <SelectField
        label={t('coverage.filters.tier')}
        value={filters.tier ?? ''}
        onChange={(event) => onChange({ ...filters, tier: tiers.find((tier) => tier === event.target.value) })}
        options={[
          { value: '', label: t('coverage.filters.tiers.any') },
          ...tiers.map((tier) => ({ value: tier, label: t(`coverage.filters.tiers.${tier}`) })),
        ]}
      />
      <SelectField
        label={t('coverage.filters.client')}
        value={filters.clientId ?? ''}
        onChange={(event) => onChange({ ...filters, clientId: event.target.value || undefined })}
        options={[
          { value: '', label: t('coverage.filters.anyClient') },
          ...(clients.data ?? []).map((client) => ({ value: client.id, label: client.name })),
        ]}
      />
    </form>
  );
}

import type { ImportSummary } from '@contracts/clients.contracts';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '@/lib/format';

export function ImportSummaryList({ summary }: { summary: ImportSummary }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const items = [
    ['rows', summary.rows],
    ['clients', summary.clients],
    ['create', summary.create],
    ['update', summary.update],
    ['unchanged', summary.unchanged],
    ['contactsAdded', summary.contactsAdded],
    ['domainsAdded', summary.domainsAdded],
  ] as const;
  return (
    <dl className="stats">
      {items.map(([key, value]) => (
        <div key={key} className="stat">
          <dt className="stat__label">{t(`clients.import.summary.${key}`)}</dt>
          <dd className="stat__value">{format.number(value)}</dd>
        </div>
      ))}
    </dl>
  );
}

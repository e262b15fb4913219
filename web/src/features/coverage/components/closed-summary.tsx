import type { ContactDetail } from '@contracts/coverage.contracts';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '@/lib/format';

/** How a closed contact ended, and by whose hand. */
export function ClosedSummary({ contact }: { contact: ContactDetail }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const closing = [...contact.activities].reverse().find((activity) => activity.kind === 'outcome');
  const rows: [string, string][] = [[t('coverage.closed.outcome'), contact.outcome ? t(`coverage.outcomes.${contact.outcome}`) : '—']];
  if (contact.followUpOn) rows.push([t('coverage.outcome.followUpOn'), format.calendarDay(contact.followUpOn)]);
  if (closing?.actorName) rows.push([t('coverage.closed.by'), closing.actorName]);
  if (contact.closedAt) rows.push([t('coverage.closed.at'), format.dateTime(contact.closedAt)]);
  if (contact.outcomeNote) rows.push([t('coverage.closed.note'), contact.outcomeNote]);
  return (
    <dl className="details">
      {rows.map(([term, value]) => (
        <div key={term} className="details__row">
          <dt>{term}</dt>
          <dd className="pre-line break">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

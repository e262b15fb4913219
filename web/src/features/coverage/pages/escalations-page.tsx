import '../coverage.css';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { Loading } from '@/components/ui/loading';
import { PageHeader } from '@/components/ui/page-header';
import { type EscalationFilter, useEscalations } from '../api/get-escalations';
import { EscalationItem } from '../components/escalation-item';
import { useCoverageErrorMessage } from '../components/use-coverage-error';

const filters: EscalationFilter[] = ['unresolved', 'open', 'acknowledged', 'resolved', 'all'];

export function EscalationsPage() {
  const { t } = useTranslation();
  const errorMessage = useCoverageErrorMessage();
  const [params] = useSearchParams();
  const state = filters.find((entry) => entry === params.get('state')) ?? 'unresolved';
  const escalations = useEscalations(state);

  return (
    <>
      <p className="back-link">
        <Link to="/coverage">← {t('coverage.back')}</Link>
      </p>
      <PageHeader title={t('coverage.escalations.title')} description={t('coverage.escalations.description')} />
      <nav aria-label={t('coverage.escalations.filtersLabel')} className="filter-links">
        {filters.map((entry) => (
          <Link
            key={entry}
            to={entry === 'unresolved' ? '/coverage/escalations' : `/coverage/escalations?state=${entry}`}
            className={`button button--small ${entry === state ? 'button--primary' : 'button--secondary'}`}
            aria-current={entry === state ? 'page' : undefined}
          >
            {t(`coverage.escalations.filters.${entry}`)}
          </Link>
        ))}
      </nav>
      {escalations.isPending ? <Loading /> : null}
      {escalations.isError ? <Alert tone="error">{errorMessage(escalations.error)}</Alert> : null}
      {escalations.data ? (
        escalations.data.length ? (
          <ul className="escalation-list">
            {escalations.data.map((escalation) => (
              <li key={escalation.id} className="card">
                <EscalationItem escalation={escalation} />
              </li>
            ))}
          </ul>
        ) : (
          <div className="card queue-empty">
            <p className="queue-empty__title">{t(`coverage.escalations.empty.${state}`)}</p>
            <p className="muted">{t('coverage.escalations.emptyLead')}</p>
          </div>
        )
      ) : null}
    </>
  );
}

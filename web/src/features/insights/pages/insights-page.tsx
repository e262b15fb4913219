import '../insights.css';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { Card } from '@/components/ui/card';
import { Loading } from '@/components/ui/loading';
import { PageHeader } from '@/components/ui/page-header';
import { ApiError } from '@/lib/api-client';
import { useErrorMessage } from '@/lib/errors';
import { isAdmin, useSession } from '@/lib/session';
import { insightsCsvUrl, useInsights } from '../api/get-insights';
import { AbsencesTable } from '../components/absences-table';
import { DelegateChart } from '../components/delegate-chart';
import { DelegatesTable } from '../components/delegates-table';
import { PeriodForm } from '../components/period-form';
import { ResponseTimeChart } from '../components/response-time-chart';
import type { TimeBasis } from '../components/time-basis';
import { Totals } from '../components/totals';

const dayPattern = /^\d{4}-\d{2}-\d{2}$/;

function Download({ href, children }: { href: string; children: string }) {
  return (
    <p className="insights-download">
      <a className="button button--secondary button--small" href={href} download>
        {children}
      </a>
    </p>
  );
}

/** Team insights for managers: per absence and per delegate over a period, charts above tables with the same numbers. */
export function InsightsPage() {
  const { t } = useTranslation();
  const session = useSession();
  const fallbackError = useErrorMessage();
  const [params, setParams] = useSearchParams();
  const day = (name: string) => {
    const value = params.get(name);
    return value && dayPattern.test(value) ? value : undefined;
  };
  const basis: TimeBasis = params.get('time') === 'business' ? 'business' : 'clock';
  const allowed = isAdmin(session) || session.user.role === 'manager';
  const insights = useInsights({ from: day('from'), to: day('to') });
  const errorMessage = (error: unknown) =>
    error instanceof ApiError ? t(`insights.errors.${error.code}`, { defaultValue: fallbackError(error) }) : fallbackError(error);

  const update = (changes: Record<string, string | null>) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      for (const [key, value] of Object.entries(changes)) {
        if (value === null) next.delete(key);
        else next.set(key, value);
      }
      return next;
    });

  if (!allowed) {
    return (
      <>
        <PageHeader title={t('insights.title')} />
        <Alert tone="warning">{t('insights.managersOnly')}</Alert>
        <p>
          <Link to="/">{t('notFound.home')}</Link>
        </p>
      </>
    );
  }

  const data = insights.data;
  return (
    <>
      <PageHeader title={t('insights.title')} description={t('insights.description')} />
      <Card title={t('insights.period.title')}>
        <PeriodForm
          period={data?.period ?? null}
          basis={basis}
          busy={insights.isFetching}
          onPeriod={(period) => update(period)}
          onBasis={(next) => update({ time: next === 'business' ? 'business' : null })}
        />
        {insights.isError ? <Alert tone="error">{errorMessage(insights.error)}</Alert> : null}
        {data ? <Totals totals={data.totals} basis={basis} /> : null}
      </Card>
      {insights.isPending ? <Loading /> : null}
      {data ? (
        data.absences.length === 0 ? (
          <Alert tone="info">{t('insights.empty')}</Alert>
        ) : (
          <>
            <Card title={t('insights.sections.absences')} description={t('insights.sections.absencesDescription')}>
              <ResponseTimeChart absences={data.absences} basis={basis} />
              <AbsencesTable insights={data} basis={basis} />
              <Download href={insightsCsvUrl(data.period, 'absences')}>{t('insights.csv.absences')}</Download>
            </Card>
            <Card title={t('insights.sections.delegates')} description={t('insights.sections.delegatesDescription')}>
              <DelegateChart delegates={data.delegates} />
              <DelegatesTable delegates={data.delegates} basis={basis} />
              <Download href={insightsCsvUrl(data.period, 'delegates')}>{t('insights.csv.delegates')}</Download>
            </Card>
            <Card title={t('insights.definitions.title')} level={2}>
              <dl className="insights-definitions">
                {(['readiness', 'firstResponse', 'slaBreach', 'handledBy', 'escalations', 'clients'] as const).map((key) => (
                  <div key={key}>
                    <dt>{t(`insights.definitions.${key}.term`)}</dt>
                    <dd>{t(`insights.definitions.${key}.text`)}</dd>
                  </div>
                ))}
              </dl>
            </Card>
          </>
        )
      ) : null}
    </>
  );
}

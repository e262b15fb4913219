import '../debrief.css';
import type { DebriefView } from '@contracts/debrief.contracts';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Loading } from '@/components/ui/loading';
import { PageHeader } from '@/components/ui/page-header';
import { useFormatters } from '@/lib/format';
import { useDebrief } from '../api/get-debrief';
import { useOpenDebrief } from '../api/open-debrief';
import { ConcludePanel } from '../components/conclude-panel';
import { FindingsEditor } from '../components/findings-editor';
import { QuestionList } from '../components/question-list';
import { useDebriefErrorMessage } from '../components/use-debrief-error';

/** Says what the meeting is for before anything else: facts, not fault; and who will read what. */
function Intro({ view }: { view: DebriefView }) {
  const { t } = useTranslation();
  const people = { owner: view.absence.ownerName, manager: view.absence.managerName };
  return (
    <section className="debrief-intro" aria-labelledby="debrief-intro">
      <h2 id="debrief-intro" className="debrief-intro__title">
        {t('debrief.intro.title')}
      </h2>
      <p>{t('debrief.intro.text')}</p>
      <p>
        {view.viewer.organises
          ? `${t('debrief.intro.private', people)} ${t('debrief.intro.organiser')}`
          : t('debrief.intro.delegate', people)}
      </p>
    </section>
  );
}

function OpenDebrief({ view }: { view: DebriefView }) {
  const { t } = useTranslation();
  const errorMessage = useDebriefErrorMessage();
  const open = useOpenDebrief(view.absence.id);
  const returned = view.absence.state === 'returned' || view.absence.state === 'closed';
  if (!returned) return <Alert tone="info">{t('debrief.open.notReturned', { owner: view.absence.ownerName })}</Alert>;
  return (
    <Card title={t('debrief.open.title')} description={t('debrief.open.description')}>
      <div className="stack">
        {open.isError ? <Alert tone="error">{errorMessage(open.error)}</Alert> : null}
        <p className="muted">{t('debrief.open.notice')}</p>
        <div>
          <Button busy={open.isPending} onClick={() => open.mutate()}>
            {t('debrief.open.button')}
          </Button>
        </div>
      </div>
    </Card>
  );
}

/**
 * The debrief of an absence: the guide of questions with answer boxes saved as one types; for the owner and the
 * manager, everybody's answers, the findings and the conclusion. A delegate sees the questions and their own answers.
 */
export function DebriefPage() {
  const { t } = useTranslation();
  const format = useFormatters();
  const errorMessage = useDebriefErrorMessage();
  const absenceId = useParams().absenceId ?? '';
  const query = useDebrief(absenceId);

  if (query.isPending) return <Loading />;
  if (query.isError)
    return (
      <>
        <PageHeader title={t('debrief.notFound')} />
        <Alert tone="error">{errorMessage(query.error)}</Alert>
        <Link to={`/absences/${absenceId}`}>{t('debrief.backToAbsence')}</Link>
      </>
    );
  const view = query.data;
  const { absence, debrief } = view;
  const organises = view.viewer.organises;

  return (
    <>
      {organises ? (
        <Link className="back-link" to={`/absences/${absence.id}/return`}>
          {t('debrief.backToReturn')}
        </Link>
      ) : (
        <Link className="back-link" to={`/absences/${absence.id}`}>
          {t('debrief.backToAbsence')}
        </Link>
      )}
      <PageHeader
        title={t('debrief.title')}
        description={t('debrief.description', {
          owner: absence.ownerName,
          from: format.date(absence.startsAt),
          to: format.date(absence.returnedAt ?? absence.endsAt),
        })}
        actions={
          debrief ? <Badge tone={debrief.state === 'open' ? 'accent' : 'neutral'}>{t(`debrief.state.${debrief.state}`)}</Badge> : null
        }
      />
      <Intro view={view} />
      {!debrief ? (
        organises ? (
          <OpenDebrief view={view} />
        ) : (
          <p className="empty">{t('debrief.open.notYet')}</p>
        )
      ) : (
        <>
          {debrief.state === 'concluded' && debrief.concludedAt ? (
            <Alert tone="info">
              {t('debrief.concluded', { date: format.date(debrief.concludedAt), name: debrief.concludedByName ?? '—' })}
            </Alert>
          ) : null}
          <Card
            title={t('debrief.questions.title')}
            description={
              <>
                {t('debrief.with', {
                  names: debrief.delegates.map((person) => `${person.name} (${t(`debrief.role.${person.role}`)})`).join(', '),
                })}
                {' · '}
                {t('debrief.questions.description', { count: debrief.questions.length })}
              </>
            }
          >
            <QuestionList view={view} debrief={debrief} />
          </Card>
          {organises ? (
            <Card title={t('debrief.findings.title')} description={t('debrief.findings.description')}>
              <FindingsEditor debrief={debrief} />
            </Card>
          ) : null}
          {organises && debrief.state === 'open' ? (
            <Card title={t('debrief.conclude.title')} description={t('debrief.conclude.description')}>
              <ConcludePanel debrief={debrief} />
            </Card>
          ) : null}
        </>
      )}
    </>
  );
}

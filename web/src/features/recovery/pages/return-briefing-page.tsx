import '../recovery.css';
import type { BriefingClient, RecoveryTask, ReturnBriefing } from '@contracts/recovery.contracts';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Loading } from '@/components/ui/loading';
import { PageHeader } from '@/components/ui/page-header';
import { type Column, DataTable } from '@/components/ui/table';
import { useFormatters } from '@/lib/format';
import { useSession } from '@/lib/session';
import { useAbsenceTasks, useCreateTasks } from '../api/get-recovery-tasks';
import { useReturnBriefing } from '../api/get-return-briefing';
import { BriefingCounts } from '../components/briefing-counts';
import { ContactList } from '../components/contact-list';
import { ClientStatusBadge, KeyAccountBadge, TaskStateBadge } from '../components/recovery-badges';
import { RiskReasons } from '../components/risk-reasons';
import { useRecoveryErrorMessage } from '../components/use-recovery-error';

function ClientEntry({ client, task }: { client: BriefingClient; task: RecoveryTask | undefined }) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <li className="recovery-client">
      <article aria-labelledby={`client-${client.clientId}`}>
        <header className="recovery-client__header">
          <span className="recovery-rank">
            <span className="visually-hidden">{t('recovery.briefing.rank')} </span>
            {client.rank}
          </span>
          <h3 id={`client-${client.clientId}`} className="recovery-client__name">
            {client.name}
          </h3>
          <span className="recovery-client__badges">
            {client.tier === 'key' ? <KeyAccountBadge /> : null}
            <ClientStatusBadge status={client.status} />
            {task ? <TaskStateBadge state={task.state} /> : null}
          </span>
        </header>
        <RiskReasons reasons={client.reasons} score={client.score} />
        <BriefingCounts counts={client.counts} compact />
        <p className="muted">
          {client.medianFirstResponseMinutes === null
            ? t('recovery.briefing.noFirstResponse')
            : t('recovery.briefing.medianFirstResponse', { count: Math.round(client.medianFirstResponseMinutes) })}
          {client.longestWaitHours > 0 ? ` · ${t('recovery.briefing.longestWait', { hours: format.number(client.longestWaitHours) })}` : ''}
          {client.handledBy.length > 0
            ? ` · ${t('recovery.briefing.handledBy', { names: client.handledBy.map((person) => person.name).join(', ') })}`
            : ''}
        </p>
        {client.signals.angry || client.signals.cancellationIntent || client.signals.urgent ? (
          <div className="recovery-signals">
            <p>
              {client.signals.angry ? <Badge tone="danger">{t('recovery.signals.angry')}</Badge> : null}{' '}
              {client.signals.cancellationIntent ? <Badge tone="danger">{t('recovery.signals.cancellation')}</Badge> : null}{' '}
              {client.signals.urgent ? <Badge tone="warning">{t('recovery.signals.urgent')}</Badge> : null}
            </p>
            {client.signals.evidence.length > 0 ? (
              <p className="muted">
                {t('recovery.signals.evidence')}{' '}
                {client.signals.evidence.map((evidence, index) => (
                  <span key={evidence}>
                    {index > 0 ? ', ' : ''}
                    <q>{evidence}</q>
                  </span>
                ))}
              </p>
            ) : null}
          </div>
        ) : null}
        <h4 className="recovery-subtitle">{t('recovery.briefing.contacts', { count: client.contacts.length })}</h4>
        <ContactList contacts={client.contacts} />
        {task ? (
          <p>
            <Link to={`/recovery/tasks/${task.id}`}>{t('recovery.briefing.openTask', { name: client.name })}</Link>
          </p>
        ) : null}
      </article>
    </li>
  );
}

/**
 * Whom to call first after an absence, and why: the ranked clients with their facts and contacts. `debriefPanel`, the
 * way to the debrief with the delegates, is provided by the debrief feature through the app's router.
 */
export function ReturnBriefingPage({ debriefPanel }: { debriefPanel?: (absenceId: string, state: ReturnBriefing['state']) => ReactNode }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const session = useSession();
  const errorMessage = useRecoveryErrorMessage();
  const absenceId = useParams().absenceId ?? '';
  const briefing = useReturnBriefing(absenceId);
  const tasks = useAbsenceTasks(absenceId, { enabled: briefing.isSuccess });
  const create = useCreateTasks(absenceId);

  if (briefing.isPending) return <Loading />;
  if (briefing.isError)
    return (
      <>
        <PageHeader title={t('recovery.briefing.title')} />
        <Alert tone="error">{errorMessage(briefing.error)}</Alert>
        <Link to={`/absences/${absenceId}`}>{t('recovery.briefing.backToAbsence')}</Link>
      </>
    );
  const data = briefing.data;
  const isOwner = session.user.id === data.ownerId;
  const taskList = tasks.data?.tasks ?? [];
  const taskOf = (clientId: string) => taskList.find((task) => task.clientId === clientId);
  const touched = data.clients.filter((client) => client.counts.contacts > 0 || client.score > 0);
  const quiet = data.clients.filter((client) => client.counts.contacts === 0 && client.score === 0);

  const taskColumns: Column<RecoveryTask>[] = [
    { key: 'rank', header: t('recovery.tasks.columns.rank'), cell: (task) => task.rank },
    {
      key: 'client',
      header: t('recovery.tasks.columns.client'),
      isRowHeader: true,
      cell: (task) => <Link to={`/recovery/tasks/${task.id}`}>{task.clientName}</Link>,
    },
    { key: 'state', header: t('recovery.tasks.columns.state'), cell: (task) => <TaskStateBadge state={task.state} /> },
    {
      key: 'last',
      header: t('recovery.tasks.columns.last'),
      cell: (task) => (task.lastOutcome ? t(`recovery.outcome.${task.lastOutcome}`) : t('recovery.tasks.notCalled')),
    },
  ];

  return (
    <>
      <Link className="back-link" to={`/absences/${absenceId}`}>
        {t('recovery.briefing.backToAbsence')}
      </Link>
      <PageHeader
        title={t('recovery.briefing.title')}
        description={
          data.returnedAt
            ? t('recovery.briefing.returned', {
                name: data.ownerName,
                from: format.dateTime(data.startsAt),
                to: format.dateTime(data.returnedAt),
              })
            : t('recovery.briefing.live', { name: data.ownerName, from: format.dateTime(data.startsAt) })
        }
      />
      {data.state === 'active' ? <Alert tone="info">{t('recovery.briefing.liveNotice')}</Alert> : null}
      <p>
        <Link to={`/absences/${absenceId}/report`}>{isOwner ? t('recovery.briefing.report') : t('recovery.briefing.reportSent')}</Link>
      </p>
      <Card
        title={t('recovery.briefing.totals')}
        description={t('recovery.briefing.totalsDescription', { count: data.totals.clientsWithContacts })}
      >
        <BriefingCounts counts={data.totals} medianMinutes={data.totals.medianFirstResponseMinutes} />
      </Card>
      {data.state !== 'active' ? (
        <Card title={t('recovery.tasks.title')} description={t('recovery.tasks.description')}>
          {create.isError ? <Alert tone="error">{errorMessage(create.error)}</Alert> : null}
          {tasks.isPending ? (
            <Loading />
          ) : taskList.length === 0 ? (
            <div className="stack">
              <p className="empty">{t('recovery.tasks.none')}</p>
              {isOwner && touched.some((client) => client.counts.contacts > 0) ? (
                <div>
                  <Button busy={create.isPending} onClick={() => create.mutate()}>
                    {t('recovery.tasks.create')}
                  </Button>
                </div>
              ) : null}
            </div>
          ) : (
            <DataTable caption={t('recovery.tasks.title')} columns={taskColumns} rows={taskList} rowKey={(task) => task.id} />
          )}
        </Card>
      ) : null}
      {debriefPanel?.(data.absenceId, data.state)}
      <Card title={t('recovery.briefing.ranked')} description={t('recovery.briefing.rankedDescription')}>
        {touched.length === 0 ? (
          <p className="empty">{t('recovery.briefing.nothing')}</p>
        ) : (
          <ol className="recovery-clients">
            {touched.map((client) => (
              <ClientEntry key={client.clientId} client={client} task={taskOf(client.clientId)} />
            ))}
          </ol>
        )}
        {quiet.length > 0 ? (
          <p className="muted recovery-quiet">
            {t('recovery.briefing.quiet', { count: quiet.length, names: quiet.map((client) => client.name).join(', ') })}
          </p>
        ) : null}
      </Card>
    </>
  );
}

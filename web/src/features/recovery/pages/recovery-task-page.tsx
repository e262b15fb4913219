import '../recovery.css';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { Card } from '@/components/ui/card';
import { Loading } from '@/components/ui/loading';
import { PageHeader } from '@/components/ui/page-header';
import { useFormatters } from '@/lib/format';
import { useRecoveryTask } from '../api/get-recovery-task';
import { BriefingCounts } from '../components/briefing-counts';
import { CallScript } from '../components/call-script';
import { ContactList } from '../components/contact-list';
import { LogCallForm } from '../components/log-call-form';
import { MessageForm } from '../components/message-form';
import { ClientStatusBadge, KeyAccountBadge, TaskStateBadge } from '../components/recovery-badges';
import { RiskReasons } from '../components/risk-reasons';
import { useRecoveryErrorMessage } from '../components/use-recovery-error';

/** One apology call: the script, the client's history during the absence, the call log and writing to the client. */
export function RecoveryTaskPage() {
  const { t } = useTranslation();
  const format = useFormatters();
  const errorMessage = useRecoveryErrorMessage();
  const taskId = useParams().taskId ?? '';
  const task = useRecoveryTask(taskId);

  if (task.isPending) return <Loading />;
  if (task.isError)
    return (
      <>
        <PageHeader title={t('recovery.task.notFound')} />
        <Alert tone="error">{errorMessage(task.error)}</Alert>
        <Link to="/recovery">{t('recovery.back')}</Link>
      </>
    );
  const data = task.data;

  return (
    <>
      <Link className="back-link" to={`/absences/${data.absenceId}/return`}>
        {t('recovery.task.backToBriefing')}
      </Link>
      <PageHeader
        title={t('recovery.task.title', { name: data.clientName })}
        description={
          <span className="recovery-client__badges">
            <span>{t('recovery.task.rank', { rank: data.rank })}</span>
            {data.tier === 'key' ? <KeyAccountBadge /> : null}
            <ClientStatusBadge status={data.clientStatus} />
            <TaskStateBadge state={data.state} />
          </span>
        }
        actions={<Link to={`/clients/${data.clientId}`}>{t('recovery.task.clientPage')}</Link>}
      />
      {data.state === 'open' && data.retryOn ? (
        <Alert tone="info">{t('recovery.task.retry', { date: format.calendarDay(data.retryOn) })}</Alert>
      ) : null}
      {!data.canAct ? <Alert tone="info">{t('recovery.task.readOnly', { name: data.ownerName })}</Alert> : null}
      <div className="grid grid--two">
        <Card title={t('recovery.script.title')} description={t('recovery.script.description')}>
          <CallScript script={data.script} />
        </Card>
        <div>
          <Card title={t('recovery.task.why')}>
            <RiskReasons reasons={data.reasons} score={data.score} />
          </Card>
          <Card title={t('recovery.task.history')} description={t('recovery.task.historyDescription')}>
            <BriefingCounts counts={data.history.counts} compact />
            <ContactList contacts={data.history.contacts} />
          </Card>
        </div>
      </div>
      {data.canAct ? (
        <Card title={t('recovery.call.title')} description={t('recovery.call.description')}>
          <LogCallForm taskId={data.id} absenceId={data.absenceId} />
        </Card>
      ) : null}
      <Card title={t('recovery.call.history', { count: data.calls.length })}>
        {data.calls.length === 0 ? (
          <p className="empty">{t('recovery.call.none')}</p>
        ) : (
          <ol className="recovery-log">
            {data.calls.map((call) => (
              <li key={call.id}>
                <p>
                  <strong>{t(`recovery.outcome.${call.outcome}`)}</strong>
                  <span className="muted">
                    {' · '}
                    <time dateTime={call.calledAt}>{format.dateTime(call.calledAt)}</time>
                    {call.calledByName ? ` · ${call.calledByName}` : ''}
                  </span>
                </p>
                {call.lostReason ? <p>{t('recovery.call.lostBecause', { reason: call.lostReason })}</p> : null}
                {call.retryOn ? <p>{t('recovery.call.retryOnLabel', { date: format.calendarDay(call.retryOn) })}</p> : null}
                {call.notes ? <p className="pre-line">{call.notes}</p> : null}
                {call.nextStep ? <p>{t('recovery.call.nextStepLabel', { step: call.nextStep })}</p> : null}
              </li>
            ))}
          </ol>
        )}
      </Card>
      {data.canAct ? (
        <Card title={t('recovery.message.title')} description={t('recovery.message.description')}>
          {data.compose ? (
            <MessageForm key={data.id} task={data} />
          ) : (
            <Alert tone="info">
              {t('recovery.message.noAddress')} <Link to={`/clients/${data.clientId}`}>{t('recovery.task.clientPage')}</Link>
            </Alert>
          )}
        </Card>
      ) : null}
      {data.messages.length > 0 ? (
        <Card title={t('recovery.message.history', { count: data.messages.length })}>
          <ol className="recovery-log">
            {data.messages.map((message) => (
              <li key={message.id}>
                <p>
                  <strong>{message.subject}</strong>
                  <span className="muted">
                    {' · '}
                    {t('recovery.message.sentTo', { to: message.to })} {' · '}
                    <time dateTime={message.sentAt}>{format.dateTime(message.sentAt)}</time>
                  </span>
                </p>
                {message.findings.length > 0 ? (
                  <p className="recovery-hint">{t('recovery.message.sentDespite', { count: message.findings.length })}</p>
                ) : null}
                <p className="pre-line" lang={data.language}>
                  {message.body}
                </p>
              </li>
            ))}
          </ol>
        </Card>
      ) : null}
    </>
  );
}

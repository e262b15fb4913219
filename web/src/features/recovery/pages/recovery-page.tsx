import '../recovery.css';
import type { RecoveryTask } from '@contracts/recovery.contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { Card } from '@/components/ui/card';
import { Loading } from '@/components/ui/loading';
import { PageHeader } from '@/components/ui/page-header';
import { type Column, DataTable } from '@/components/ui/table';
import { useFormatters } from '@/lib/format';
import { useMyTasks } from '../api/get-recovery-tasks';
import { useWinBack } from '../api/get-win-back';
import { ClientStatusBadge, TaskStateBadge } from '../components/recovery-badges';
import { useRecoveryErrorMessage } from '../components/use-recovery-error';
import { WinBackList } from '../components/win-back-list';
import { WinBackSettings } from '../components/win-back-settings';

/** The owner's recovery work: apology calls still to make, and win-back calls with lost clients. */
export function RecoveryPage() {
  const { t } = useTranslation();
  const format = useFormatters();
  const errorMessage = useRecoveryErrorMessage();
  const tasks = useMyTasks();
  const winBack = useWinBack();

  const columns: Column<RecoveryTask>[] = [
    {
      key: 'client',
      header: t('recovery.tasks.columns.client'),
      isRowHeader: true,
      cell: (task) => <Link to={`/recovery/tasks/${task.id}`}>{task.clientName}</Link>,
    },
    { key: 'rank', header: t('recovery.tasks.columns.rank'), cell: (task) => task.rank },
    { key: 'status', header: t('recovery.tasks.columns.status'), cell: (task) => <ClientStatusBadge status={task.clientStatus} /> },
    { key: 'state', header: t('recovery.tasks.columns.state'), cell: (task) => <TaskStateBadge state={task.state} /> },
    {
      key: 'last',
      header: t('recovery.tasks.columns.last'),
      cell: (task) =>
        task.state === 'open' && task.retryOn
          ? t('recovery.tasks.retryOn', { date: format.calendarDay(task.retryOn) })
          : task.lastOutcome
            ? t(`recovery.outcome.${task.lastOutcome}`)
            : t('recovery.tasks.notCalled'),
    },
    {
      key: 'absence',
      header: t('recovery.tasks.columns.absence'),
      cell: (task) => <Link to={`/absences/${task.absenceId}/return`}>{t('recovery.tasks.briefing')}</Link>,
    },
  ];
  const reminders = winBack.data?.reminders ?? [];
  const byState = (...states: string[]) => reminders.filter((reminder) => states.includes(reminder.state));

  return (
    <>
      <PageHeader title={t('recovery.title')} description={t('recovery.description')} />
      <Card title={t('recovery.tasks.mine')} description={t('recovery.tasks.mineDescription')}>
        {tasks.isPending ? <Loading /> : null}
        {tasks.isError ? <Alert tone="error">{errorMessage(tasks.error)}</Alert> : null}
        {tasks.isSuccess ? (
          <DataTable
            caption={t('recovery.tasks.mine')}
            columns={columns}
            rows={tasks.data.tasks}
            rowKey={(task) => task.id}
            empty={t('recovery.tasks.noneMine')}
          />
        ) : null}
      </Card>
      <Card title={t('recovery.winBack.due')} description={t('recovery.winBack.description')}>
        {winBack.isPending ? <Loading /> : null}
        {winBack.isError ? <Alert tone="error">{errorMessage(winBack.error)}</Alert> : null}
        {winBack.isSuccess ? <WinBackList reminders={byState('due')} empty={t('recovery.winBack.noneDue')} /> : null}
      </Card>
      {winBack.isSuccess ? (
        <>
          <Card title={t('recovery.winBack.upcoming')}>
            <WinBackList reminders={byState('scheduled')} empty={t('recovery.winBack.noneUpcoming')} />
          </Card>
          {byState('done', 'cancelled').length > 0 ? (
            <Card title={t('recovery.winBack.past')}>
              <WinBackList reminders={byState('done', 'cancelled').reverse()} empty="" />
            </Card>
          ) : null}
        </>
      ) : null}
      <WinBackSettings />
    </>
  );
}

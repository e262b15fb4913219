import '../absences.css';
import type { Absence } from '@contracts/absences.contracts';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { Loading } from '@/components/ui/loading';
import { PageHeader } from '@/components/ui/page-header';
import { type Column, DataTable } from '@/components/ui/table';
import { useFormatters } from '@/lib/format';
import { useSession } from '@/lib/session';
import { type AbsenceScope, useAbsences } from '../api/get-absences';
import { usePeople } from '../api/get-people';
import { AbsenceStateBadge, useAbsenceErrorMessage, usePersonName } from '../components/absence-helpers';
import { CalendarFeeds } from '../components/calendar-feeds';

const scopes: AbsenceScope[] = ['mine', 'covering', 'all'];

export function AbsencesPage() {
  const { t } = useTranslation();
  const session = useSession();
  const format = useFormatters();
  const errorMessage = useAbsenceErrorMessage();
  const [params, setParams] = useSearchParams();
  const scope = scopes.find((candidate) => candidate === params.get('scope')) ?? 'mine';
  const absences = useAbsences(scope);
  const people = usePeople();
  const nameOf = usePersonName(people.data);
  const isManager = session.user.role !== 'member';

  const columns: Column<Absence>[] = [
    {
      key: 'owner',
      header: t('absences.columns.owner'),
      isRowHeader: true,
      cell: (absence) => <Link to={`/absences/${absence.id}`}>{t('absences.list.awayName', { name: nameOf(absence.ownerId) })}</Link>,
    },
    {
      key: 'dates',
      header: t('absences.columns.dates'),
      cell: (absence) => t('absences.list.range', { from: format.dateTime(absence.startsAt), to: format.dateTime(absence.endsAt) }),
    },
    { key: 'primary', header: t('absences.roles.primary'), cell: (absence) => nameOf(absence.primaryDelegateId) },
    { key: 'backup', header: t('absences.roles.backup'), cell: (absence) => nameOf(absence.backupDelegateId) },
    { key: 'state', header: t('absences.columns.state'), cell: (absence) => <AbsenceStateBadge state={absence.state} /> },
  ];

  return (
    <>
      <PageHeader
        title={t('absences.title')}
        description={t('absences.description')}
        actions={
          <Link className="button button--primary" to="/absences/new">
            {t('absences.plan')}
          </Link>
        }
      />
      <nav className="absences-tabs" aria-label={t('absences.list.scopes')}>
        <ul>
          {scopes.map((candidate) => (
            <li key={candidate}>
              <Link
                to={`?scope=${candidate}`}
                aria-current={candidate === scope ? 'page' : undefined}
                className="absences-tabs__link"
                onClick={(event) => {
                  event.preventDefault();
                  setParams({ scope: candidate });
                }}
              >
                {t(`absences.list.${candidate === 'all' && !isManager ? 'allVisible' : candidate}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <div className="card">
        {absences.isPending ? <Loading /> : null}
        {absences.isError ? <Alert tone="error">{errorMessage(absences.error)}</Alert> : null}
        {absences.data ? (
          <DataTable
            caption={t(`absences.list.${scope === 'all' && !isManager ? 'allVisible' : scope}`)}
            columns={columns}
            rows={absences.data}
            rowKey={(absence) => absence.id}
            empty={t(`absences.list.empty.${scope}`)}
          />
        ) : null}
      </div>
      <CalendarFeeds />
    </>
  );
}

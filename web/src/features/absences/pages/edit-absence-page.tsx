import '../absences.css';
import { defaultAutoReplyTexts } from '@contracts/absences.contracts';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { Loading } from '@/components/ui/loading';
import { PageHeader } from '@/components/ui/page-header';
import { useAbsence } from '../api/get-absence';
import { useUpdateAbsence } from '../api/update-absence';
import { AbsenceForm } from '../components/absence-form';
import { useAbsenceErrorMessage } from '../components/absence-helpers';

export function EditAbsencePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const absenceId = useParams().absenceId ?? '';
  const absence = useAbsence(absenceId);
  const update = useUpdateAbsence();
  const errorMessage = useAbsenceErrorMessage();
  return (
    <>
      <Link className="back-link" to={`/absences/${absenceId}`}>
        {t('absences.backToAbsence')}
      </Link>
      <PageHeader title={t('absences.form.editTitle')} />
      {absence.isPending ? <Loading /> : null}
      {absence.isError ? <Alert tone="error">{errorMessage(absence.error)}</Alert> : null}
      {absence.data ? (
        <AbsenceForm
          absence={absence.data}
          defaultAutoReply={defaultAutoReplyTexts}
          busy={update.isPending}
          error={update.error}
          onSubmit={(values) =>
            update.mutate(absence.data.state === 'active' ? { absenceId, autoReply: values.autoReply } : { absenceId, ...values }, {
              onSuccess: () => navigate(`/absences/${absenceId}`),
            })
          }
        />
      ) : null}
    </>
  );
}

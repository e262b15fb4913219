import '../absences.css';
import { defaultAutoReplyTexts } from '@contracts/absences.contracts';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { PageHeader } from '@/components/ui/page-header';
import { useCreateAbsence } from '../api/create-absence';
import { AbsenceForm } from '../components/absence-form';

export function PlanAbsencePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateAbsence();
  return (
    <>
      <Link className="back-link" to="/absences">
        {t('absences.back')}
      </Link>
      <PageHeader title={t('absences.form.newTitle')} description={t('absences.form.newDescription')} />
      <AbsenceForm
        defaultAutoReply={defaultAutoReplyTexts}
        busy={create.isPending}
        error={create.error}
        onSubmit={(values) => create.mutate(values, { onSuccess: (absence) => navigate(`/absences/${absence.id}`) })}
      />
    </>
  );
}

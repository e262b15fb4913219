import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { PageHeader } from '@/components/ui/page-header';
import { AbsenceBriefsPanel } from '../components/absence-briefs-panel';

/** Temporary home of the briefs panel until the absence detail page renders it in its slot. */
export function HandoverPage() {
  const { absenceId = '' } = useParams();
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('briefs.handoverTitle')} description={t('briefs.handoverDescription')} />
      <AbsenceBriefsPanel absenceId={absenceId} />
    </>
  );
}

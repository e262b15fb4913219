import '../coverage.css';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { Loading } from '@/components/ui/loading';
import { PageHeader } from '@/components/ui/page-header';
import { useCoverageSettings } from '../api/get-coverage-settings';
import { CoverageSettingsForm } from '../components/coverage-settings-form';
import { useCoverageErrorMessage } from '../components/use-coverage-error';

export function CoverageSettingsPage() {
  const { t } = useTranslation();
  const errorMessage = useCoverageErrorMessage();
  const settings = useCoverageSettings();
  return (
    <>
      <p className="back-link">
        <Link to="/settings">← {t('coverage.settings.back')}</Link>
      </p>
      <PageHeader title={t('coverage.settings.title')} description={t('coverage.settings.description')} />
      {settings.isPending ? <Loading /> : null}
      {settings.isError ? <Alert tone="error">{errorMessage(settings.error)}</Alert> : null}
      {settings.data ? <CoverageSettingsForm settings={settings.data} /> : null}
    </>
  );
}

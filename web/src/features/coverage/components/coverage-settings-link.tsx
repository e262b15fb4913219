import '../coverage.css';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Card } from '@/components/ui/card';

/** Shown on the workspace settings page (composed there by the router). */
export function CoverageSettingsLink() {
  const { t } = useTranslation();
  return (
    <div className="coverage-settings-link">
      <Card title={t('coverage.settings.title')} description={t('coverage.settings.linkDescription')}>
        <Link to="/settings/coverage">{t('coverage.settings.open')}</Link>
      </Card>
    </div>
  );
}

import '../webhooks.css';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Card } from '@/components/ui/card';

/** Shown on the workspace settings page (composed there by the router). */
export function WebhooksSettingsLink() {
  const { t } = useTranslation();
  return (
    <div className="webhooks-settings-link">
      <Card title={t('webhooks.title')} description={t('webhooks.linkDescription')}>
        <Link to="/settings/webhooks">{t('webhooks.open')}</Link>
      </Card>
    </div>
  );
}

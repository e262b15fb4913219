import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/ui/alert';
import { Loading } from '@/components/ui/loading';
import { PageHeader } from '@/components/ui/page-header';
import { useErrorMessage } from '@/lib/errors';
import { useWorkspace } from '../api/get-workspace';
import { WorkspaceSettingsForm } from '../components/workspace-settings-form';

/** `sections`: other features' settings (links or cards), composed here by the router. */
export function SettingsPage({ sections }: { sections?: ReactNode }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const workspace = useWorkspace();
  return (
    <>
      <PageHeader title={t('settings.title')} description={t('settings.description')} />
      {workspace.isPending ? <Loading /> : null}
      {workspace.isError ? <Alert tone="error">{errorMessage(workspace.error)}</Alert> : null}
      {workspace.data ? <WorkspaceSettingsForm key={workspace.data.id} workspace={workspace.data} /> : null}
      {sections}
    </>
  );
}

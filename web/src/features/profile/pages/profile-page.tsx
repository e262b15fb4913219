import { useTranslation } from 'react-i18next';
import { PageHeader } from '@/components/ui/page-header';
import { ApiTokens } from '../components/api-tokens';
import { PasswordForm } from '../components/password-form';
import { ProfileForm } from '../components/profile-form';

export function ProfilePage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('profile.title')} description={t('profile.description')} />
      <div className="grid grid--two">
        <ProfileForm />
        <PasswordForm />
      </div>
      <ApiTokens />
    </>
  );
}

import { useTranslation } from 'react-i18next';
import { PageHeader } from '@/components/ui/page-header';
import { useSession } from '@/lib/session';
import { ApiTokens } from '../components/api-tokens';
import { PasswordForm } from '../components/password-form';
import { ProfileForm } from '../components/profile-form';

export function ProfilePage() {
  const { t } = useTranslation();
  const { user } = useSession();
  return (
    <>
      <PageHeader title={t('profile.title')} description={t('profile.description')} />
      <div className="grid grid--two">
        {/* Remount when the header switcher changes the language, so the form never saves a stale one. */}
        <ProfileForm key={user.language} />
        <PasswordForm />
      </div>
      <ApiTokens />
    </>
  );
}

import type { Language } from '@contracts/workspaces.contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { SelectField, TextField } from '@/components/ui/field';
import { useErrorMessage } from '@/lib/errors';
import { useSession } from '@/lib/session';
import { useUpdateProfile } from '../api/update-profile';

export function ProfileForm() {
  const { t, i18n } = useTranslation();
  const errorMessage = useErrorMessage();
  const { user } = useSession();
  const update = useUpdateProfile();
  const [name, setName] = useState(user.name);
  const [language, setLanguage] = useState<Language>(user.language);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    update.mutate({ name: name.trim(), language }, { onSuccess: (saved) => void i18n.changeLanguage(saved.language) });
  };

  return (
    <Card
      title={t('profile.details.title')}
      description={t('profile.details.description', { email: user.email, role: t(`roles.${user.role}`) })}
    >
      {update.isSuccess ? <Alert tone="success">{t('profile.details.saved')}</Alert> : null}
      {update.isError ? <Alert tone="error">{errorMessage(update.error)}</Alert> : null}
      <form className="form" onSubmit={onSubmit}>
        <TextField
          label={t('profile.details.name')}
          autoComplete="name"
          required
          maxLength={120}
          value={name}
          onChange={(event) => setName(event.target.value)}
        />
        <SelectField
          label={t('profile.details.language')}
          hint={t('profile.details.languageHint')}
          value={language}
          onChange={(event) => setLanguage(event.target.value as Language)}
          options={[
            { value: 'en', label: 'English' },
            { value: 'it', label: 'Italiano' },
          ]}
        />
        <div className="form__actions">
          <Button type="submit" busy={update.isPending}>
            {t('common.save')}
          </Button>
        </div>
      </form>
    </Card>
  );
}

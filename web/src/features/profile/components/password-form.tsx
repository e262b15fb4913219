import { passwordSchema } from '@contracts/workspaces.contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { TextField } from '@/components/ui/field';
import { useErrorMessage } from '@/lib/errors';
import { useChangePassword } from '../api/change-password';

export function PasswordForm() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const change = useChangePassword();
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [problems, setProblems] = useState<{ currentPassword?: string; newPassword?: string; confirm?: string }>({});

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const next: typeof problems = {};
    if (!currentPassword) next.currentPassword = t('validation.currentPassword');
    if (!passwordSchema.safeParse(newPassword).success) next.newPassword = t('validation.passwordLength');
    if (newPassword !== confirm) next.confirm = t('validation.passwordsDiffer');
    setProblems(next);
    if (Object.keys(next).length > 0) return;
    change.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          setCurrentPassword('');
          setNewPassword('');
          setConfirm('');
        },
      },
    );
  };

  return (
    <Card title={t('profile.password.title')}>
      {change.isSuccess ? <Alert tone="success">{t('profile.password.changed')}</Alert> : null}
      {change.isError ? <Alert tone="error">{errorMessage(change.error)}</Alert> : null}
      <form className="form" onSubmit={onSubmit} noValidate>
        <TextField
          label={t('profile.password.current')}
          type="password"
          autoComplete="current-password"
          required
          error={problems.currentPassword}
          value={currentPassword}
          onChange={(event) => setCurrentPassword(event.target.value)}
        />
        <TextField
          label={t('profile.password.new')}
          type="password"
          autoComplete="new-password"
          required
          hint={t('validation.passwordHint')}
          error={problems.newPassword}
          value={newPassword}
          onChange={(event) => setNewPassword(event.target.value)}
        />
        <TextField
          label={t('profile.password.confirm')}
          type="password"
          autoComplete="new-password"
          required
          error={problems.confirm}
          value={confirm}
          onChange={(event) => setConfirm(event.target.value)}
        />
        <div className="form__actions">
          <Button type="submit" busy={change.isPending}>
            {t('profile.password.submit')}
          </Button>
        </div>
      </form>
    </Card>
  );
}

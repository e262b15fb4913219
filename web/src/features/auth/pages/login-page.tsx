import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { useErrorMessage } from '@/lib/errors';
import { useDocumentTitle } from '@/lib/use-document-title';
import { useLogin } from '../api/login';

export function LoginPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('auth.login.title'));
  const errorMessage = useErrorMessage();
  const navigate = useNavigate();
  const location = useLocation();
  const login = useLogin();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const signedOut = new URLSearchParams(location.search).has('signedOut');

  const from = (location.state as { from?: string } | null)?.from;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    login.mutate(
      { email: email.trim(), password },
      { onSuccess: () => navigate(from && from !== '/login' ? from : '/', { replace: true }) },
    );
  };

  return (
    <div className="auth-panel">
      <h1 className="auth-panel__title">{t('auth.login.title')}</h1>
      <p className="auth-panel__lead">{t('auth.login.lead')}</p>
      {signedOut && !login.isError ? <Alert tone="success">{t('auth.login.signedOut')}</Alert> : null}
      {login.isError ? <Alert tone="error">{errorMessage(login.error)}</Alert> : null}
      <form className="form" onSubmit={onSubmit}>
        <TextField
          label={t('auth.login.email')}
          type="email"
          name="email"
          autoComplete="username"
          required
          value={email}
          onChange={(event) => setEmail(event.target.value)}
        />
        <TextField
          label={t('auth.login.password')}
          type="password"
          name="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(event) => setPassword(event.target.value)}
        />
        <Button type="submit" busy={login.isPending} className="button--block">
          {login.isPending ? t('auth.login.submitting') : t('auth.login.submit')}
        </Button>
      </form>
      <p className="auth-panel__footnote">{t('auth.login.noAccount')}</p>
    </div>
  );
}

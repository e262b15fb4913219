import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { Loading } from '@/components/ui/loading';
import { useErrorMessage } from '@/lib/errors';
import { useDocumentTitle } from '@/lib/use-document-title';
import { acceptInvitationSchema, useAcceptInvitation } from '../api/accept-invitation';
import { useInvitationPreview } from '../api/get-invitation-preview';
import { useLogin } from '../api/login';

export function AcceptInvitationPage() {
  const { t, i18n } = useTranslation();
  useDocumentTitle(t('auth.invite.title'));
  const errorMessage = useErrorMessage();
  const navigate = useNavigate();
  const token = useParams().token ?? '';
  const preview = useInvitationPreview(token);
  const accept = useAcceptInvitation();
  const login = useLogin();
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [problems, setProblems] = useState<{ name?: string; password?: string; confirm?: string }>({});

  // The admin chose the newcomer's language: greet them in it.
  const invitedLanguage = preview.data?.language;
  useEffect(() => {
    if (invitedLanguage) void i18n.changeLanguage(invitedLanguage);
  }, [invitedLanguage, i18n]);

  if (preview.isPending) return <Loading />;
  if (preview.isError) {
    return (
      <div className="auth-panel">
        <h1 className="auth-panel__title">{t('auth.invite.title')}</h1>
        <Alert tone="error">{errorMessage(preview.error)}</Alert>
        <p>
          <Link to="/login">{t('auth.invite.goToLogin')}</Link>
        </p>
      </div>
    );
  }
  const invitation = preview.data;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = acceptInvitationSchema.safeParse({ token, name, password });
    const next: typeof problems = {};
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        if (issue.path[0] === 'name') next.name = t('auth.invite.nameRequired');
        if (issue.path[0] === 'password') next.password = t('validation.passwordLength');
      }
    }
    if (password !== confirm) next.confirm = t('validation.passwordsDiffer');
    setProblems(next);
    if (Object.keys(next).length > 0 || !parsed.success) return;
    accept.mutate(parsed.data, {
      onSuccess: (user) =>
        login.mutate(
          { email: user.email, password },
          { onSuccess: () => navigate('/', { replace: true }), onError: () => navigate('/login') },
        ),
    });
  };

  return (
    <div className="auth-panel">
      <h1 className="auth-panel__title">{t('auth.invite.title')}</h1>
      <p className="auth-panel__lead">{t('auth.invite.lead', { workspace: invitation.workspaceName })}</p>
      {accept.isError ? <Alert tone="error">{errorMessage(accept.error)}</Alert> : null}
      <form className="form" onSubmit={onSubmit} noValidate>
        <TextField label={t('auth.login.email')} type="email" value={invitation.email} readOnly autoComplete="username" />
        <TextField
          label={t('auth.invite.name')}
          autoComplete="name"
          required
          value={name}
          error={problems.name}
          onChange={(event) => setName(event.target.value)}
        />
        <TextField
          label={t('auth.invite.password')}
          type="password"
          autoComplete="new-password"
          required
          minLength={10}
          hint={t('validation.passwordHint')}
          error={problems.password}
          value={password}
          onChange={(event) => setPassword(event.target.value)}
        />
        <TextField
          label={t('auth.invite.confirm')}
          type="password"
          autoComplete="new-password"
          required
          error={problems.confirm}
          value={confirm}
          onChange={(event) => setConfirm(event.target.value)}
        />
        <Button type="submit" busy={accept.isPending || login.isPending} className="button--block">
          {t('auth.invite.submit')}
        </Button>
      </form>
    </div>
  );
}

import type { Language, SessionResponse } from '@contracts/workspaces.contracts';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { LanguageSelect } from '@/components/ui/language-select';
import { Loading } from '@/components/ui/loading';
import { useSessionQuery } from '@/features/auth/api/get-session';
import { useLogout } from '@/features/auth/api/logout';
import { useUpdateProfile } from '@/features/profile/api/update-profile';
import { isLanguage, rememberLanguage } from '@/i18n';
import { useErrorMessage } from '@/lib/errors';
import { isAdmin, SessionContext } from '@/lib/session';
import { SkipLink } from './skip-link';

function Header({ session }: { session: SessionResponse }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const logout = useLogout();
  const updateProfile = useUpdateProfile();

  const onLanguage = (language: Language) => {
    // Switch at once; the profile keeps the choice for the next sign-in and for mails.
    rememberLanguage(language);
    void i18n.changeLanguage(language);
    updateProfile.mutate({ language });
  };
  const onLogout = () => logout.mutate(undefined, { onSettled: () => navigate('/login?signedOut=1', { replace: true }) });

  const links = [
    { to: '/', label: t('nav.home'), end: true },
    { to: '/clients', label: t('nav.clients') },
    { to: '/absences', label: t('absences.title') },
    { to: '/mail', label: t('mail.nav') },
    { to: '/coverage', label: t('coverage.nav'), end: true },
    ...(isAdmin(session) || session.user.role === 'manager' ? [{ to: '/coverage/escalations', label: t('coverage.escalations.nav') }] : []),
    { to: '/recovery', label: t('recovery.nav') },
    ...(isAdmin(session) || session.user.role === 'manager' ? [{ to: '/insights', label: t('insights.nav') }] : []),
    ...(isAdmin(session) || session.user.role === 'manager' ? [{ to: '/brief-templates', label: t('briefs.templates.nav') }] : []),
    ...(isAdmin(session)
      ? [
          { to: '/users', label: t('nav.users') },
          { to: '/outbox', label: t('nav.outbox') },
          { to: '/settings', label: t('nav.settings') },
        ]
      : []),
    { to: '/profile', label: t('nav.profile') },
  ];

  return (
    <header className="app-header">
      <div className="app-header__inner">
        <div className="app-header__top">
          <NavLink to="/" className="brand" aria-label={t('nav.homeBrand', { workspace: session.workspace.name })}>
            <span className="brand__mark" aria-hidden="true">
              B
            </span>
            <span className="brand__text">
              <span className="brand__name">Baton</span>
              <span className="brand__workspace">{session.workspace.name}</span>
            </span>
          </NavLink>
          {session.workspace.isDemo ? <Badge tone="warning">{t('common.demo')}</Badge> : null}
          <div className="app-header__account">
            <LanguageSelect
              value={isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : session.user.language}
              onChange={onLanguage}
            />
            <span className="app-header__user" title={session.user.email}>
              {session.user.name}
            </span>
            <Button variant="secondary" size="small" onClick={onLogout} busy={logout.isPending}>
              {t('nav.logout')}
            </Button>
          </div>
        </div>
        <nav className="app-nav" aria-label={t('nav.label')}>
          <ul>
            {links.map((link) => (
              <li key={link.to}>
                <NavLink to={link.to} end={link.end} className="app-nav__link">
                  {link.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      </div>
    </header>
  );
}

/** Everything behind sign-in: loads the session, follows the user's language, and shares the session below. */
export function AppLayout() {
  const { t, i18n } = useTranslation();
  const errorMessage = useErrorMessage();
  const location = useLocation();
  const session = useSessionQuery();
  const language = session.data?.user.language;

  useEffect(() => {
    if (!language) return;
    // Remembered on this device too, so the login page speaks it after signing out.
    rememberLanguage(language);
    if (i18n.language !== language) void i18n.changeLanguage(language);
  }, [language, i18n]);

  if (session.isPending) {
    return (
      <main id="main" className="app-main">
        <Loading />
      </main>
    );
  }
  if (session.isError) {
    return (
      <main id="main" className="app-main">
        <h1>{t('common.appError')}</h1>
        <Alert tone="error">{errorMessage(session.error)}</Alert>
        <Button onClick={() => session.refetch()}>{t('common.retry')}</Button>
      </main>
    );
  }
  if (!session.data) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;

  return (
    <SessionContext.Provider value={session.data}>
      <div className="app-shell">
        <SkipLink />
        <Header session={session.data} />
        <main id="main" tabIndex={-1} className="app-main">
          <Outlet />
        </main>
      </div>
    </SessionContext.Provider>
  );
}

import type { Language } from '@contracts/workspaces.contracts';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { LanguageSelect } from '@/components/ui/language-select';
import { isLanguage, rememberLanguage } from '@/i18n';
import { SkipLink } from './skip-link';

/** Login and invitation pages: no session yet, so the language lives on this device only. */
export function PublicLayout() {
  const { t, i18n } = useTranslation();
  const language: Language = isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'en';
  const onLanguage = (next: Language) => {
    rememberLanguage(next);
    void i18n.changeLanguage(next);
  };
  return (
    <div className="public-shell">
      <SkipLink />
      <header className="public-header">
        <span className="brand">
          <span className="brand__mark" aria-hidden="true">
            B
          </span>
          <span className="brand__name">Baton</span>
        </span>
        <LanguageSelect value={language} onChange={onLanguage} />
      </header>
      <main id="main" tabIndex={-1} className="public-main">
        <Outlet />
      </main>
      <footer className="public-footer">
        <p>{t('common.tagline')}</p>
      </footer>
    </div>
  );
}

import type { Language } from '@contracts/workspaces.contracts';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './locales/en.json';
import it from './locales/it.json';

export const supportedLanguages = ['en', 'it'] as const satisfies readonly Language[];
const STORAGE_KEY = 'baton.language';

export const isLanguage = (value: unknown): value is Language => supportedLanguages.includes(value as Language);

/** Before sign-in: the last language chosen on this device, else the browser's, else English. */
function initialLanguage(): Language {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (isLanguage(stored)) return stored;
  } catch {
    // Storage can be disabled; the browser's language is good enough.
  }
  const fromBrowser = navigator.languages.map((locale) => locale.toLowerCase().split('-')[0]).find(isLanguage);
  return fromBrowser ?? 'en';
}

export function rememberLanguage(language: Language) {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Not remembering is harmless.
  }
}

i18n.on('languageChanged', (language) => {
  document.documentElement.lang = language;
});

/**
 * Each feature may keep its strings beside it in `features/<feature>/locales/{en,it}.json`; they are
 * merged under the feature's name (`t('absences.title')`), so features never edit a shared file.
 */
const featureLocales = import.meta.glob<{ default: Record<string, unknown> }>('../features/*/locales/*.json', { eager: true });
function withFeatureStrings(language: Language, base: Record<string, unknown>) {
  const merged: Record<string, unknown> = { ...base };
  for (const [file, module] of Object.entries(featureLocales)) {
    const match = file.match(/features\/([^/]+)\/locales\/(\w+)\.json$/);
    if (match?.[2] === language && match[1]) merged[match[1]] = { ...(merged[match[1]] as object | undefined), ...module.default };
  }
  return merged;
}

void i18n.use(initReactI18next).init({
  resources: { en: { translation: withFeatureStrings('en', en) }, it: { translation: withFeatureStrings('it', it) } },
  lng: initialLanguage(),
  fallbackLng: 'en',
  supportedLngs: [...supportedLanguages],
  interpolation: { escapeValue: false },
  returnEmptyString: false,
});

export default i18n;

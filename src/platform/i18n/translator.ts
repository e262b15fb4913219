import i18next, { type TOptions } from 'i18next';
import type { Language } from '../../contracts/workspaces.contracts';

export type MailTexts = Record<string, string>;
export type Translate = (language: Language, key: string, values?: TOptions) => string;

/** Server-side texts (mails) in English and Italian, through the same i18next the web UI uses. */
export function createTranslator(resources: Record<Language, MailTexts>): Translate {
  const instance = i18next.createInstance();
  void instance.init({
    resources: { en: { translation: resources.en }, it: { translation: resources.it } },
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  return (language, key, values) => instance.getFixedT(language)(key, values ?? {});
}

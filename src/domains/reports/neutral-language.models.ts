// Placeholder so the report compiles: the lead's neutral-language check replaces this file at merge.
export type NeutralLanguageFinding = { phrase: string; start: number; end: number; suggestion: string };

export function checkNeutralLanguage(_text: string, _language: 'en' | 'it'): NeutralLanguageFinding[] {
  return [];
}

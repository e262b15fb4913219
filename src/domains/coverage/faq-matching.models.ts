// Which answers of a client's brief fit the message a delegate is reading. Lexical, not semantic:
// words are folded to their stems (Snowball, English and Italian) so "invoices" meets "invoice" and
// "fatture" meets "fattura"; a paraphrase that shares no stem does not match, by design (no model,
// no surprises). Pure and deterministic: the same message and brief give the same list.
import { stemmer as englishStemmer } from '@orama/stemmers/english';
import { stemmer as italianStemmer } from '@orama/stemmers/italian';
import { stopwords as englishStopwords } from '@orama/stopwords/english';
import { stopwords as italianStopwords } from '@orama/stopwords/italian';

export type FaqEntry = { question: string; answer: string };
export type FaqMatch = { index: number; question: string; answer: string; score: number; matchedTerms: string[] };
export type FaqMessage = { subject: string; text: string; lang: 'en' | 'it' | 'other' };
export type FaqMatchOptions = { limit?: number; minScore?: number };

export const DEFAULT_FAQ_LIMIT = 3;
/** Calibrated on the table tests: one shared everyday word stays below it, a shared topic clears it. */
export const DEFAULT_FAQ_MIN_SCORE = 0.2;

/** The best `limit` FAQ entries for a message, best first, each with the message's words that matched. */
export function matchFaq(message: FaqMessage, faq: FaqEntry[], options: FaqMatchOptions = {}): FaqMatch[] {
  const limit = options.limit ?? DEFAULT_FAQ_LIMIT;
  const minScore = options.minScore ?? DEFAULT_FAQ_MIN_SCORE;
  if (faq.length === 0 || limit <= 0) return [];
  const messageText = `${stripSubjectPrefixes(message.subject)}\n${stripQuotedReply(message.text)}`;
  // Both sides go through the same stemmer, so a FAQ in either language meets a message in it.
  const languages: Language[] = message.lang === 'other' ? ['en', 'it'] : [message.lang];
  const best = new Map<number, { score: number; matched: string[] }>();
  for (const language of languages) {
    for (const [index, result] of scoreEntries(analyse(messageText, language), faq, language)) {
      const previous = best.get(index);
      if (!previous || result.score > previous.score) best.set(index, result);
    }
  }
  return [...best]
    .filter(([, result]) => result.score >= minScore)
    .sort(([indexA, a], [indexB, b]) => b.score - a.score || indexA - indexB)
    .slice(0, limit)
    .map(([index, result]) => {
      const entry = faq[index] as FaqEntry;
      return { index, question: entry.question, answer: entry.answer, score: round(result.score), matchedTerms: result.matched };
    });
}

// ── scoring ──────────────────────────────────────────────────────────────────────────────────────

/** How much each view counts; see scoreEntries. */
const WEIGHTS = { question: 0.45, answer: 0.2, message: 0.35 };
/** One shared stem is weak evidence, two are better, three nearly certain. */
const confidence = (sharedStems: number) => 1 - 0.4 ** sharedStems;

/**
 * Per entry, three idf-weighted shares of stems, blended: how much of the question the message
 * contains (the question names the topic), how much of the answer (its vocabulary catches some
 * paraphrases), and how much of the message the entry explains (a message about something else
 * that shares a word stays low). Then discounted when only one or two stems carry it. Idf is
 * over the brief's entries, so a word that every entry uses (the project's name) decides little.
 * A share rather than a cosine keeps the scale independent of the message's length, so one
 * threshold fits a one-line question and a long email.
 */
function scoreEntries(message: Analysis, faq: FaqEntry[], language: Language): Map<number, { score: number; matched: string[] }> {
  const entries = faq.map((entry) => ({
    question: analyseCached(entry.question, language),
    answer: analyseCached(entry.answer, language),
  }));
  const documentFrequency = new Map<string, number>();
  for (const { question, answer } of entries)
    for (const term of new Set([...question.keys(), ...answer.keys()])) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
  const idf = (term: string) => {
    // A message word no entry uses counts as a rare one, not as rarer still: it is unexplained, not decisive.
    const frequency = Math.max(1, documentFrequency.get(term) ?? 0);
    return Math.log(1 + (entries.length - frequency + 0.5) / (frequency + 0.5));
  };
  const share = (terms: Iterable<string>, isFound: (term: string) => boolean) => {
    let total = 0;
    let found = 0;
    for (const term of terms) {
      total += idf(term);
      if (isFound(term)) found += idf(term);
    }
    return total === 0 ? 0 : found / total;
  };
  const results = new Map<number, { score: number; matched: string[] }>();
  entries.forEach(({ question, answer }, index) => {
    const inEntry = (term: string) => question.has(term) || answer.has(term);
    const matched = [...message].filter(([term]) => inEntry(term)).sort(([, a], [, b]) => a.position - b.position);
    if (matched.length === 0) return;
    const inMessage = (term: string) => message.has(term);
    const blended =
      WEIGHTS.question * share(question.keys(), inMessage) +
      WEIGHTS.answer * share(answer.keys(), inMessage) +
      WEIGHTS.message * share(message.keys(), inEntry);
    results.set(index, { score: blended * confidence(matched.length), matched: matched.map(([, occurrence]) => occurrence.form) });
  });
  return results;
}

const round = (score: number) => Math.round(score * 1000) / 1000;

// ── text → stems ─────────────────────────────────────────────────────────────────────────────────

type Language = 'en' | 'it';
/** Stem → its first occurrence in the text (the form shown to the delegate). */
type Analysis = Map<string, { form: string; position: number }>;

const fold = (word: string) => word.normalize('NFD').replace(/\p{M}/gu, '');

/**
 * Words that carry no topic in a client email: greetings, sign-offs, politeness, question words and
 * the verbs every request uses ("please find attached", "could you send"). Listed as written, with
 * their inflections: matched before stemming, so no stem of a real topic word is ever dropped.
 */
const mailFillers = [
  ...['hi', 'hello', 'hey', 'dear', 'thanks', 'thank', 'thx', 'regards', 'best', 'kind', 'kindly', 'please', 'cheers', 'sincerely'],
  ...['let', 'know', 'would', 'could', 'also', 'just', 'any', 'news', 'update', 'updates', 'question', 'questions', 'ask', 'asking'],
  ...['wondering', 'wonder', 'hope', 'well', 'ok', 'okay', 'yes', 'sure', 'find', 'attached', 'attachment', 'send', 'sent', 'sending'],
  ...['get', 'got', 'need', 'needs', 'want', 'like', 'tell', 'see', 'soon', 'asap', 'possible', 'something', 'anything', 'one'],
  ...['ciao', 'buongiorno', 'buonasera', 'salve', 'gentile', 'gentili', 'egregio', 'egregia', 'grazie', 'cordiali', 'saluti'],
  ...['cordialmente', 'distinti', 'prego', 'cortesemente', 'gentilmente', 'gradirei', 'vorrei', 'volevo', 'sapere', 'chiedo'],
  ...['chiedere', 'domanda', 'domande', 'quando', 'cosa', 'qual', 'novità', 'aggiornamenti', 'aggiornamento', 'può', 'puoi'],
  ...['potete', 'potreste', 'potrebbe', 'potrei', 'fatemi', 'fammi', 'mille', 'buona', 'giornata', 'allegato', 'allegata'],
  ...['allegati', 'allegate', 'trovate', 'trova', 'inviare', 'inviate', 'mandare', 'mandate', 'mandi', 'mandarmi', 'inviarmi', 'ok', 'sì'],
];
const stopwords = new Set([...englishStopwords, ...italianStopwords, ...mailFillers].flatMap((word) => [word, fold(word)]));

const stemmers: Record<Language, (word: string) => string> = { en: englishStemmer, it: italianStemmer };
/** Stemming dominates the cost on a 200-entry brief; a brief's words repeat across calls. */
const stemCache: Record<Language, Map<string, string>> = { en: new Map(), it: new Map() };
const STEM_CACHE_SIZE = 50_000;

function stem(word: string, language: Language): string {
  const cache = stemCache[language];
  let stemmed = cache.get(word);
  if (stemmed === undefined) {
    // Stem first: the Italian stemmer reads accents (città → citt); folding after makes "perché" meet "perche".
    stemmed = fold(stemmers[language](word));
    if (cache.size >= STEM_CACHE_SIZE) cache.clear();
    cache.set(word, stemmed);
  }
  return stemmed;
}

/** Addresses and links tokenise into noise (com, www, https) that every signature shares. */
const addressesAndLinks = /\b(?:https?:\/\/|www\.)\S+|\S+@\S+/giu;
/** Words with inner apostrophes kept whole first (don't, l'ordine), so a stopword list can see them. */
const wordPattern = /[\p{L}\p{N}]+(?:'[\p{L}\p{N}]+)*/gu;

/** A brief is matched against many messages: its entries' analyses are kept (bounded, keyed by text). */
const analysisCache = new Map<string, Analysis>();
const ANALYSIS_CACHE_SIZE = 2_000;

function analyseCached(text: string, language: Language): Analysis {
  const key = `${language}\u0000${text}`;
  let analysis = analysisCache.get(key);
  if (analysis === undefined) {
    analysis = analyse(text, language);
    if (analysisCache.size >= ANALYSIS_CACHE_SIZE) analysisCache.clear();
    analysisCache.set(key, analysis);
  }
  return analysis;
}

function analyse(text: string, language: Language): Analysis {
  const analysis: Analysis = new Map();
  const normalised = text
    .normalize('NFC')
    .replace(/[’‘`´]/g, "'")
    .replace(addressesAndLinks, ' ');
  let position = 0;
  for (const match of normalised.matchAll(wordPattern)) {
    const lower = match[0].toLowerCase();
    if (stopwords.has(lower)) continue;
    // Italian elision (dell'ordine) and English possessives (client's): the parts are words.
    for (const [offset, part] of splitApostrophes(match[0], lower)) {
      if (part.lower.length < 2 || /^\p{N}+$/u.test(part.lower) || stopwords.has(part.lower) || stopwords.has(fold(part.lower))) continue;
      const term = stem(part.lower, language);
      if (term.length > 0 && !analysis.has(term)) analysis.set(term, { form: part.form, position: position + offset });
    }
    position += 1;
  }
  return analysis;
}

function splitApostrophes(form: string, lower: string): [number, { form: string; lower: string }][] {
  if (!form.includes("'")) return [[0, { form, lower }]];
  const forms = form.split("'");
  const lowers = lower.split("'");
  return forms.map((part, index) => [index / forms.length, { form: part, lower: lowers[index] ?? part.toLowerCase() }]);
}

// ── the message's own words ──────────────────────────────────────────────────────────────────────

/** `Re: R: Fwd: I: [Ticket 12]` and the like say nothing about the topic. */
export function stripSubjectPrefixes(subject: string): string {
  return subject.replace(/^(?:\s*(?:re|r|fw|fwd|i|rif|inoltro)\s*(?:\[\d+\])?\s*:\s*)+/iu, '').trim();
}

/** Where a quoted earlier message begins; everything from there on is someone else's words. */
const replyHeaders = [
  // "On Mon, 2 Nov 2026 at 10:00, Anna <anna@example.com> wrote:" (mail clients wrap it on two lines)
  /^[ \t]*On\b[^\n]{0,300}(?:\n[^\n]{0,300})?\bwrote:[ \t]*$/imu,
  /^[ \t]*Il\b[^\n]{0,300}(?:\n[^\n]{0,300})?\bha scritto:[ \t]*$/imu,
  /^[ \t]*-{2,}[ \t]*(?:Original Message|Messaggio originale|Forwarded message|Messaggio inoltrato)[ \t]*-{2,}/imu,
  // Outlook: a From:/Da: line directly followed by Sent:/Inviato:
  /^[ \t]*(?:From|Da):[^\n]*\n[ \t]*(?:Sent|Inviato|Date|Data):/imu,
];

/** The new text of a reply: `>` lines dropped, and everything after an "On … wrote:" header cut. */
export function stripQuotedReply(original: string): string {
  const text = original.replace(/\r\n?/g, '\n');
  let cut = text.length;
  for (const header of replyHeaders) {
    const found = header.exec(text);
    if (found && found.index < cut) cut = found.index;
  }
  return text
    .slice(0, cut)
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('>'))
    .join('\n');
}

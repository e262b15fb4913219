// @nlpjs/lang-it ships no types; Baton uses only its Italian stemmer and sentiment lexicon.
declare module '@nlpjs/lang-it' {
  export class StemmerIt {
    stem(word: string): string;
  }
  /** The Pattern (CLiPS) Italian lexicon: stem → polarity in -1..1. */
  export const SentimentIt: { pattern: Record<string, number>; stemmed: boolean };
}

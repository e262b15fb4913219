// Finding phrases in free text by rules written as regular-expression fragments, for the checks that point at
// wording the writer may want to change (blame-shifting to clients, loaded words in a report). Matching is
// case-insensitive, whole-word, tolerant of any run of whitespace and of typographic apostrophes; every match
// carries its span in the original text so a UI can mark it.

export type PhraseMatch<Kind extends string> = { start: number; end: number; text: string; kind: Kind };

/** Letters or digits on either side mean the phrase is part of a longer word ("collegamento", "heleft"). */
const BEFORE = '(?<![\\p{L}\\p{N}])';
const AFTER = '(?![\\p{L}\\p{N}])';

/** `è` is often typed `e'` or `é`. */
export const E_ACCENT = "(?:è|e'|é)";

export type PhraseRules<Kind extends string> = { kind: Kind; regex: RegExp }[];

export function compilePhraseRules<Kind extends string>(rules: Record<Kind, string[]>): PhraseRules<Kind> {
  return (Object.entries(rules) as [Kind, string[]][]).flatMap(([kind, patterns]) =>
    patterns.map((pattern) => ({ kind, regex: new RegExp(`${BEFORE}${pattern.replaceAll(' ', '\\s+')}${AFTER}`, 'giu') })),
  );
}

/** Typographic apostrophes become ASCII ones; each is one UTF-16 unit, so spans still index the original text. */
const normalise = (text: string) => text.replace(/[\u2019\u2018\u02BC]/g, "'");

/** The phrases the rules find, in text order; overlapping matches merge into one, of the kind found first. */
export function findPhrases<Kind extends string>(text: string, rules: PhraseRules<Kind>): PhraseMatch<Kind>[] {
  const normalised = normalise(text);
  const matches: PhraseMatch<Kind>[] = [];
  for (const { kind, regex } of rules) {
    for (const match of normalised.matchAll(regex)) {
      const start = match.index;
      matches.push({ start, end: start + match[0].length, text: text.slice(start, start + match[0].length), kind });
    }
  }
  matches.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: PhraseMatch<Kind>[] = [];
  for (const match of matches) {
    const last = kept.at(-1);
    if (last && match.start < last.end) {
      if (match.end > last.end) kept[kept.length - 1] = { ...last, end: match.end, text: text.slice(last.start, match.end) };
      continue;
    }
    kept.push(match);
  }
  return kept;
}

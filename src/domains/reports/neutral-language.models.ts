// The neutral-language check of the owner's own narrative in the report for her manager. A report that accuses
// ("he sabotaged my clients", "ha mentito") turns facts anyone can check into a quarrel, and the manager stops
// reading it as evidence. The check points at accusatory or loaded wording and suggests how to say it as a fact
// with its source; the owner decides. English and Italian rules are checked together (a narrative may mix them);
// the suggestion is in the owner's language.
import type { Language } from '../../contracts/workspaces.contracts';
import { compilePhraseRules, findPhrases } from '../../platform/text/phrase-rules';

export type LoadedWordingKind = 'intent' | 'dishonesty' | 'insult' | 'idiom' | 'absolute' | 'loaded';

export type NeutralLanguageFinding = {
  phrase: string;
  start: number;
  end: number;
  kind: LoadedWordingKind;
  suggestion: string;
};

const someone = '(?:me|us|him|her|them)';

const rules: Record<LoadedWordingKind, string[]> = {
  intent: [
    'sabotag(?:e|ed|es|ing)',
    'saboteurs?',
    'on purpose',
    '(?:deliberately|intentionally|purposely|wilfully|willfully)',
    'sabot(?:ato|ata|ati|ate|aggio|are|ando)',
    // "Apposta" is also the participle of "apporre" ("è stata apposta la firma").
    'apposta(?!\\s+(?:la|le|una|sul|sulla|sui|in|nel|nella|a|da)(?![\\p{L}\\p{N}]))',
    'di proposito',
    '(?:deliberatamente|intenzionalmente|volutamente)',
  ],
  dishonesty: [
    '(?:lied|lying|liars?)',
    `(?:told|telling|tells) (?:${someone} )?(?:a )?lies`,
    'dishonest(?:ly|y)?',
    '(?:ha|hanno|aveva|avevano) mentito',
    'mentito',
    'bugiard[oaie]',
    '(?:una|delle|le) bugi[ae]',
    'disonest(?:o|a|i|e|à)',
  ],
  insult: [
    '(?:incompetent|incompetence|useless|lazy|idiots?|idiotic|clueless|stupid|careless)',
    'incompetent[ei]',
    'incompetenza',
    'incapac[ei]',
    'inett[oaie]',
    'pigr[oaie]',
    'scansafatiche',
    'fannullon[ei]',
    'idiot[ai]',
    'stupid[oaie]',
  ],
  idiom: [
    `(?:threw|thrown|throw|throws|throwing) ${someone} under the bus`,
    `(?:stabbed|stab|stabbing) ${someone} in the back`,
    'back-?stab(?:bed|bing|ber)?',
    `(?:hung|hang|left) ${someone} out to dry`,
    'left me hanging',
    `(?:mi|ci|l'|lo|la) (?:ha|hanno) (?:pugnalat[oaie]|tradit[oaie]) alle spalle`,
    'pugnalat[oaie] alle spalle',
    `(?:mi|ci) (?:ha|hanno) (?:scaricato|buttato) addosso`,
    `(?:mi|ci) (?:ha|hanno) lasciat[oaie] (?:nei guai|da sol[oaie]|in mezzo ai guai)`,
    `(?:mi|ci) (?:ha|hanno) fatto le scarpe`,
  ],
  absolute: [
    '(?:he|she|they) (?:never|always)',
    'as (?:usual|always)',
    `typical(?:ly)? (?:of )?${someone}`,
    'come (?:al solito|sempre)',
    '(?:tipico|tipica) di (?:lui|lei|loro)',
    '(?:lui|lei|loro) non \\p{L}+ mai',
  ],
  loaded: [
    '(?:disaster|disasters|disastrous|catastroph(?:e|ic)|disgrace(?:ful)?|shameful|appalling|outrageous|unacceptable)',
    'negligen(?:ce|t|tly)',
    'betray(?:ed|al)',
    'disastr(?:o|i|oso|osa|osi|ose)',
    'catastrof(?:e|ico|ica|ici|iche)',
    'vergogn(?:a|oso|osa|osi|ose)',
    'inaccettabil[ei]',
    'negligen(?:za|te|ti)',
    'tradit[oaie]',
    'tradimento',
    'scandalos[oaie]',
  ],
};

const compiled = compilePhraseRules(rules);

const suggestions: Record<Language, Record<LoadedWordingKind, string>> = {
  en: {
    intent:
      'Intent is a judgement the records cannot show. State what happened and when, e.g. “Brief v3 was acknowledged on 3 July; the contact of 14 July was closed as ‘no information’.”',
    dishonesty:
      'Put the two statements that differ side by side with their sources, e.g. “On 15 July Peter wrote that no date was left; brief v3 (acknowledged 3 July) gives the date.”',
    insult: 'Describe the action, not the person, e.g. “The email of 14 July had no answer until 17 July.”',
    idiom:
      'Say in plain facts what happened and what it caused, e.g. “Orsini was told nothing had been left; brief v3 covered the go-live date.”',
    absolute: 'Give the count and the period instead, e.g. “2 of 5 emails were answered within the SLA between 1 and 15 July.”',
    loaded: 'Let the facts carry the weight: name the event, its time and its effect on the client.',
  },
  it: {
    intent:
      'L\'intenzione è un giudizio che i dati non possono dimostrare. Scrivi cosa è successo e quando, per esempio: «Il brief v3 è stato confermato il 3 luglio; il contatto del 14 luglio è stato chiuso come "nessuna informazione".»',
    dishonesty:
      'Metti a confronto le due affermazioni con le loro fonti, per esempio: «Il 15 luglio Peter ha scritto che non era stata lasciata una data; il brief v3 (confermato il 3 luglio) la riporta.»',
    insult: "Descrivi l'azione, non la persona, per esempio: «L'email del 14 luglio non ha avuto risposta fino al 17 luglio.»",
    idiom:
      'Racconta con fatti semplici cosa è successo e cosa ha causato, per esempio: «A Orsini è stato detto che non era stato lasciato nulla; il brief v3 riportava la data di go-live.»',
    absolute: 'Indica invece il numero e il periodo, per esempio: «2 email su 5 hanno avuto risposta entro lo SLA tra l’1 e il 15 luglio.»',
    loaded: "Lascia parlare i fatti: indica l'evento, quando è avvenuto e che effetto ha avuto sul cliente.",
  },
};

/** Accusatory or loaded wording in the owner's narrative, in text order, each with a factual rewording hint. */
export function checkNeutralLanguage(text: string, language: Language): NeutralLanguageFinding[] {
  return findPhrases(text, compiled).map((match) => ({
    phrase: match.text,
    start: match.start,
    end: match.end,
    kind: match.kind,
    suggestion: suggestions[language][match.kind],
  }));
}

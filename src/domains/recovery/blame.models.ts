// The blame-shifting check of what the owner writes to a client after her return. Explaining who was at fault
// ("my colleague was supposed to…") puts the client in the middle of an internal quarrel; the check points at the
// phrases that do it and leaves the decision to the owner. Phrase rules, English and Italian, checked together
// (a message may mix them); every finding carries its span so the UI can mark it.
import type { BlameFinding, BlameKind } from '../../contracts/recovery.contracts';
import type { Language } from '../../contracts/workspaces.contracts';
import { compilePhraseRules, E_ACCENT, findPhrases } from '../../platform/text/phrase-rules';

const E = E_ACCENT;
const he = '(?:he|she|they)';
const lui = '(?:lui|lei|loro)';

const rules: Record<BlameKind, string[]> = {
  colleague: [
    "my (?:colleague|co-?worker|teammate|stand-?in|replacement|deputy)s?(?:'s)?",
    '(?:the|my) (?:person|people|colleagues?) (?:who (?:was|were) )?(?:covering|standing in) for me',
    'whoever (?:was )?covering',
    '(?:(?:il|la|i|le|dal|dalla|dai|dalle|al|alla|ai|alle|del|della|dei|delle|col|coi|un|una|con il|con la) )?(?:mio|mia|miei|mie) (?:collega|colleghi|colleghe|sostitut[oaie])',
    '(?:chi|la persona che|il collega che|la collega che) mi (?:sostituiva|copriva|ha sostituit[oa])',
  ],
  not_my_fault: [
    "(?:(?:it|this|that)(?: was| is|'s)? )?(?:not|wasn't|isn't|never) (?:my|our) (?:fault|doing|responsibility)",
    "(?:i|we)(?: am|'m| was| are|'re| were) not (?:to blame|the one to blame|responsible for (?:this|that|it))",
    '(?:had )?nothing to do with me',
    '(?:it was )?out of my hands',
    "it wasn't me",
    `(?:non|nn) ${E} (?:stata )?(?:colpa mia|mia la colpa|una mia colpa|colpa nostra)`,
    `la colpa non ${E} (?:mia|nostra)`,
    'non dipendeva da me',
    'non (?:ho|abbiamo) (?:nessuna |alcuna )?colpa',
    `non (?:${E}|era) (?:(?:una|la) )?(?:mia|nostra) responsabilità`,
  ],
  left_information: [
    "i(?: had|'d)? left (?:(?:all|every|the|detailed|clear|full|complete|precise|written|him|her|them) )*(?:information|info|details|instructions|notes|everything|a (?:full |detailed |complete )?(?:brief|handover))",
    'everything was (?:in the|written in the|clearly in the) (?:brief|handover|notes)',
    `${he} (?:had been|was|were) (?:fully |properly )?(?:told|briefed|informed)`,
    'i (?:had )?(?:briefed|told|informed) (?:him|her|them|my colleague)',
    '(?:io )?avevo lasciato (?:(?:tutt[oaie]|le|gli|i|il|la|delle|dei|precise|chiare|dettagliate) )*(?:informazioni|istruzioni|indicazioni|dettagli|note|consegne|documenti|riferimenti)',
    '(?:io )?avevo lasciato tutto',
    `(?:era|${E}) tutto (?:scritto )?nel (?:brief|passaggio di consegne|documento)`,
    `(?:${lui} )?(?:era|erano) stat[oaie] (?:informat[oaie]|avvisat[oaie])`,
    '(?:gli|le) avevo (?:detto|spiegato|lasciato) tutto',
  ],
  supposed_to: [
    `(?:${he}|(?:colleague|co-?worker|replacement|stand-?in|deputy)s?) (?:was|were) supposed to`,
    `${he} should have`,
    `${he} (?:failed|forgot|neglected|didn't bother) to`,
    `(?:it|that) was (?:his|her|their) (?:job|responsibility|task)`,
    `(?:his|her|their) (?:fault|mistake)`,
    `${he} dropped the ball`,
    `doveva occuparsene(?: ${lui})?`,
    `(?:${lui}) (?:doveva|avrebbe dovuto)`,
    `avrebbe dovuto (?:occuparsene|pensarci|rispondere|risponderle|risponderti|richiamarla|richiamarti|gestir\\p{L}*|farlo)`,
    `(?:spettava|toccava) a ${lui}`,
    `(?:era|${E}) (?:compito|responsabilità) su[oa]`,
    `(?:colpa|errore) su[oa]`,
    `se n'${E} dimenticat[oa]`,
  ],
};

const compiled = compilePhraseRules(rules);

/** The phrases that shift blame, in text order; overlapping matches keep the longest. */
export const checkBlame = (text: string): BlameFinding[] => findPhrases(text, compiled);

const advice: Record<Language, string> = {
  en: 'Clients should not feel caught in the crossfire. Speak for the team (“we”), apologise for the experience, and talk about what happens next rather than who was at fault.',
  it: 'Il cliente non deve sentirsi preso nel fuoco incrociato. Parla a nome del team (“noi”), scusati per il disagio e concentrati su cosa succede adesso, non su chi ha sbagliato.',
};

export const blameAdvice = (findings: BlameFinding[], language: Language) => (findings.length > 0 ? advice[language] : null);

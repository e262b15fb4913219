import { describe, expect, it } from 'vitest';
import { checkNeutralLanguage, type LoadedWordingKind } from './neutral-language.models';

describe('the neutral-language check of the owner’s narrative', () => {
  it.each<[string, LoadedWordingKind, string]>([
    ['He sabotaged my key account while I was away.', 'intent', 'sabotaged'],
    ['It feels like sabotage.', 'intent', 'sabotage'],
    ['He ignored the brief on purpose.', 'intent', 'on purpose'],
    ['She deliberately left Orsini without an answer.', 'intent', 'deliberately'],
    ['Peter lied to the client about the brief.', 'dishonesty', 'lied'],
    ['He told me lies about the calls.', 'dishonesty', 'told me lies'],
    ['Frankly, he is incompetent.', 'insult', 'incompetent'],
    ['The cover was useless.', 'insult', 'useless'],
    ['He threw me under the bus with Orsini.', 'idiom', 'threw me under the bus'],
    ['They stabbed me in the back.', 'idiom', 'stabbed me in the back'],
    ['He never answers his email.', 'absolute', 'He never'],
    ['As usual, nobody called back.', 'absolute', 'As usual'],
    ['The whole fortnight was a disaster.', 'loaded', 'disaster'],
    ['This is unacceptable.', 'loaded', 'unacceptable'],
    ['Il mio lavoro è stato sabotato.', 'intent', 'sabotato'],
    ['Ha ignorato il brief apposta.', 'intent', 'apposta'],
    ['Non ha risposto di proposito.', 'intent', 'di proposito'],
    ['Peter ha mentito al cliente.', 'dishonesty', 'ha mentito'],
    ['È un bugiardo.', 'dishonesty', 'bugiardo'],
    ['Si è dimostrato incompetente.', 'insult', 'incompetente'],
    ['Mi ha pugnalato alle spalle.', 'idiom', 'Mi ha pugnalato alle spalle'],
    ['Mi ha scaricato addosso tutto il lavoro.', 'idiom', 'Mi ha scaricato addosso'],
    ['Come al solito nessuno ha richiamato.', 'absolute', 'Come al solito'],
    ['Lui non risponde mai alle email.', 'absolute', 'Lui non risponde mai'],
    ['È stato un disastro.', 'loaded', 'disastro'],
    ['Un comportamento vergognoso.', 'loaded', 'vergognoso'],
  ])('flags “%s” as %s', (text, kind, phrase) => {
    const findings = checkNeutralLanguage(text, 'en');
    expect(findings).toContainEqual(expect.objectContaining({ kind, phrase }));
    for (const finding of findings) expect(text.slice(finding.start, finding.end)).toBe(finding.phrase);
  });

  it.each([
    'Peter acknowledged brief v3 on 3 July at 09:12 and read it back.',
    'Orsini’s email of 14 July was answered on 17 July, after the SLA deadline.',
    'The contact of 14 July was closed as “no information” with the note “no date was left”.',
    'The purpose of the call was to agree a new go-live date.',
    'We took the bus to the client’s office.',
    'The brief applied to both projects.',
    'Il brief v3 è stato confermato da Peter il 3 luglio alle 9:12.',
    'L’email di Orsini del 14 luglio ha avuto risposta il 17 luglio.',
    'È stata apposta la firma sul contratto il 2 luglio.',
    'Il cliente ha smentito la notizia del ritardo.',
    'Sara ha gestito tre contatti come backup.',
  ])('leaves the factual sentence “%s” alone', (text) => {
    expect(checkNeutralLanguage(text, 'it')).toEqual([]);
  });

  it('suggests a factual rewording in the owner’s language, whatever the language of the text', () => {
    const [english] = checkNeutralLanguage('Ha mentito.', 'en');
    const [italian] = checkNeutralLanguage('He lied.', 'it');
    expect(english?.suggestion).toMatch(/side by side with their sources/);
    expect(italian?.suggestion).toMatch(/con le loro fonti/);
  });

  it('marks each phrase once, in text order, across a whole narrative', () => {
    const text = 'He deliberately ignored Orsini. As usual, he lied about it; è stato un disastro.';
    expect(checkNeutralLanguage(text, 'en').map((finding) => finding.phrase)).toEqual(['deliberately', 'As usual', 'lied', 'disastro']);
  });
});

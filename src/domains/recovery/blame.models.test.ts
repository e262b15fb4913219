import { describe, expect, it } from 'vitest';
import type { BlameKind } from '../../contracts/recovery.contracts';
import { blameAdvice, checkBlame } from './blame.models';

describe('the blame-shifting check', () => {
  it.each<[string, string, BlameKind]>([
    ['a colleague named', 'My colleague should have called you back.', 'colleague'],
    ['a colleague, plural', 'My colleagues were covering my clients.', 'colleague'],
    ['the person covering', 'The person covering for me did not have the details.', 'colleague'],
    ['not my fault', 'Honestly, it was not my fault.', 'not_my_fault'],
    ['not my fault, contracted', "It wasn't my fault, I promise.", 'not_my_fault'],
    ['typographic apostrophe', 'It’s not my fault.', 'not_my_fault'],
    ['out of my hands', 'It was out of my hands while I was away.', 'not_my_fault'],
    ['left all the information', 'I had left all the information before leaving.', 'left_information'],
    ['left clear instructions', "I'd left clear instructions.", 'left_information'],
    ['he had been told', 'He had been told about the new date.', 'left_information'],
    ['he was supposed to', 'He was supposed to send you the report.', 'supposed_to'],
    ['she should have', 'She should have answered on Monday.', 'supposed_to'],
    ['their mistake', 'That was their mistake, not ours.', 'supposed_to'],
    ['non è colpa mia', 'Le assicuro che non è colpa mia.', 'not_my_fault'],
    ["non e' colpa mia, typed without the accent", "Non e' colpa mia.", 'not_my_fault'],
    ['non è stata colpa mia', 'Non è stata colpa mia se nessuno ha risposto.', 'not_my_fault'],
    ['non dipendeva da me', 'Purtroppo non dipendeva da me.', 'not_my_fault'],
    ['il mio collega', 'Il mio collega avrebbe dovuto risponderle.', 'colleague'],
    ['la mia collega', 'Ne avevo parlato con la mia collega.', 'colleague'],
    ['chi mi sostituiva', 'Chi mi sostituiva non aveva le informazioni.', 'colleague'],
    ['avevo lasciato tutte le informazioni', 'Avevo lasciato tutte le informazioni prima di partire.', 'left_information'],
    ['avevo lasciato tutto', 'Io avevo lasciato tutto scritto.', 'left_information'],
    ['era stato informato', 'Lui era stato informato della scadenza.', 'left_information'],
    ['doveva occuparsene lui', 'Doveva occuparsene lui.', 'supposed_to'],
    ['doveva occuparsene lei', 'Doveva occuparsene lei, non io.', 'supposed_to'],
    ['spettava a lei', 'Spettava a lei richiamarla.', 'supposed_to'],
    ['avrebbe dovuto pensarci', 'Avrebbe dovuto pensarci qualcun altro.', 'supposed_to'],
  ])('flags %s', (_name, text, kind) => {
    const findings = checkBlame(text);
    expect(findings.map((finding) => finding.kind)).toContain(kind);
    for (const finding of findings) expect(text.slice(finding.start, finding.end)).toBe(finding.text);
  });

  it.each([
    ['an apology and a plan', 'I am sorry you were kept waiting. I will send you the new go-live date by Friday.'],
    ['thanks for patience', 'Thank you for your patience while I was away; we are on it now.'],
    ['taking responsibility as a team', 'We let you down on this, and I want to put it right.'],
    ['a factual Italian apology', "Mi dispiace per l'attesa. Le mando la nuova data entro venerdì."],
    ['a word that contains collega', 'Il mio collegamento con il server è attivo.'],
    ['an Italian plan', 'Ci occupiamo noi della consegna e la richiamo domani alle 10.'],
    ['colleague without blame words', 'Our team has reviewed the request.'],
    ['an empty message', ''],
  ])('leaves %s alone', (_name, text) => {
    expect(checkBlame(text)).toEqual([]);
  });

  it('returns the spans in text order, a phrase running into another marked once', () => {
    const text = 'My colleague was supposed to call. It was not my fault: I had left all the information.';
    const findings = checkBlame(text);
    expect(findings.map(({ text, kind }) => [text, kind])).toEqual([
      ['My colleague was supposed to', 'colleague'],
      ['It was not my fault', 'not_my_fault'],
      ['I had left all the information', 'left_information'],
    ]);
    expect(findings.map((finding) => finding.start)).toEqual([0, text.indexOf('It was'), text.indexOf('I had')]);
  });

  it('merges overlapping phrases into one span', () => {
    const findings = checkBlame('Non è stata colpa mia, la colpa non è mia.');
    expect(findings.map((finding) => finding.text)).toEqual(['Non è stata colpa mia', 'la colpa non è mia']);
  });

  it('gives the crossfire advice in the reader’s language, only when something was flagged', () => {
    const findings = checkBlame('Il mio collega doveva occuparsene.');
    expect(blameAdvice(findings, 'en')).toMatch(/caught in the crossfire/);
    expect(blameAdvice(findings, 'it')).toMatch(/fuoco incrociato/);
    expect(blameAdvice([], 'en')).toBeNull();
  });
});

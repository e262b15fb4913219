import { describe, expect, it } from 'vitest';
import { ANGRY_THRESHOLD, type SignalId, type SignalLanguage, scoreMessage } from './signals.models';

function signal(text: string, lang: SignalLanguage, id: SignalId) {
  return scoreMessage({ text, lang }).signals.find((found) => found.id === id);
}

describe('each signal fires with the words that fired it', () => {
  it.each<[SignalId, SignalLanguage, string, string]>([
    ['cancellation', 'en', 'We have decided to cancel our subscription at the end of the month.', 'cancel our subscription'],
    ['cancellation', 'en', 'Please take this as our notice of termination.', 'notice of termination'],
    ['cancellation', 'en', 'We will not be renewing the contract in January.', 'will not be renewing the'],
    ['cancellation', 'it', 'Con la presente vi inviamo disdetta del contratto.', 'disdetta'],
    ['cancellation', 'it', "Vorrei disdire l'abbonamento con effetto immediato.", "disdire l'abbonamento"],
    ['cancellation', 'it', 'Intendiamo recedere dal contratto.', 'recedere'],
    ['legal_threat', 'en', 'Our lawyer will be in touch about the missed dates.', 'Our lawyer will be in touch'],
    ['legal_threat', 'en', 'We are prepared to take legal action.', 'legal action'],
    ['legal_threat', 'it', 'Procederemo per vie legali.', 'vie legali'],
    ['legal_threat', 'it', 'Il nostro avvocato vi contatterà domani.', 'nostro avvocato vi contatterà'],
    ['competitor', 'en', 'Another agency quoted us half the price.', 'Another agency'],
    ['competitor', 'en', 'If nothing changes we will take our business elsewhere.', 'take our business elsewhere'],
    ['competitor', 'it', 'Stiamo parlando con un altro fornitore.', 'un altro fornitore'],
    ['competitor', 'it', 'Se non cambia nulla, ci rivolgeremo altrove.', 'rivolgeremo altrove'],
    ['repeated_follow_up', 'en', 'This is the third time I write about the invoice.', 'is the third time'],
    ['repeated_follow_up', 'en', 'As I said last week, the logo is wrong.', 'As I said'],
    ['repeated_follow_up', 'en', 'We are still waiting for the report.', 'still waiting'],
    ['repeated_follow_up', 'it', 'Ancora nessuna risposta sulla fattura.', 'Ancora nessuna'],
    ['competitor', 'it', 'Se non migliora nulla ci rivolgeremo altrove.', 'rivolgeremo altrove'],
    ['repeated_follow_up', 'it', 'Vi scrivo per la terza volta.', 'per la terza volta'],
    ['repeated_follow_up', 'it', 'Come già scritto, il logo è sbagliato.', 'Come già scritto'],
    ['urgency', 'en', 'Please send it ASAP.', 'ASAP'],
    ['urgency', 'en', 'We need the signed copy by end of day.', 'by end of day'],
    ['urgency', 'it', 'Mi serve la fattura entro oggi.', 'entro oggi'],
    ['urgency', 'it', 'È urgente.', 'urgente'],
    ['complaint', 'en', 'Frankly, this is unacceptable.', 'unacceptable'],
    ['complaint', 'en', 'I am very disappointed with the report.', 'disappointed'],
    ['complaint', 'it', 'È inaccettabile.', 'inaccettabile'],
    ['complaint', 'it', 'Sono molto deluso dal report.', 'deluso'],
    ['sarcasm', 'en', 'Great, the website is down again.', 'Great, the website is down'],
    ['sarcasm', 'it', 'Complimenti, il sito è di nuovo offline.', 'Complimenti, il sito è di nuovo'],
    ['recurring_problem', 'en', 'The export is broken again.', 'broken again'],
    ['recurring_problem', 'it', 'Il report è arrivato in ritardo per il quarto mese consecutivo.', 'mese consecutivo'],
    ['blame', 'en', 'We were promised a dedicated account manager.', 'We were promised'],
    ['blame', 'en', 'Is it too much to ask for a reply within a week?', 'Is it too much to'],
    ['blame', 'it', 'Ma vi rendete conto di cosa avete mandato?', 'vi rendete conto'],
    ['ultimatum', 'en', 'Consider this my final warning.', 'final warning'],
    ['ultimatum', 'it', "Questo è l'ultimo avviso.", 'ultimo avviso'],
    ['escalation', 'en', "We'll be raising this with your managing director.", 'raising this with your managing director'],
    ['escalation', 'it', 'Chiedo un incontro con la direzione entro venerdì.', 'incontro con la direzione'],
    ['damage', 'en', 'The outage lost us three orders.', 'lost us three orders'],
    ['damage', 'it', 'Abbiamo perso 40.000 euro di contributi.', 'Abbiamo perso 40.000 euro'],
  ])('%s (%s): %s', (id, lang, text, evidence) => {
    expect(signal(text, lang, id)?.evidence).toBe(evidence);
  });

  it('shouting: a run of capitals, or one long word in capitals', () => {
    expect(signal('WHY IS THE SITE STILL DOWN', 'en', 'shouting')?.evidence).toBe('WHY IS THE SITE STILL DOWN');
    expect(signal('The invoice is wrong AGAIN.', 'en', 'shouting')?.evidence).toBe('AGAIN');
    expect(signal('La fattura è di nuovo SBAGLIATA.', 'it', 'shouting')?.evidence).toBe('SBAGLIATA');
  });

  it('shouting: acronyms and a capitalised "URGENT" are not shouting', () => {
    expect(signal('URGENT: please send the PDF of the SEO audit and the KPI list to our CFO.', 'en', 'shouting')).toBeUndefined();
    expect(signal('Vi mando la PEC con la fattura per lo SDI, IVA inclusa.', 'it', 'shouting')).toBeUndefined();
  });

  it('exclamations: a mixed run weighs more than enthusiasm', () => {
    expect(signal('Why is it still broken?!', 'en', 'exclamations')).toEqual({ id: 'exclamations', weight: 0.25, evidence: '?!' });
    expect(signal('Thank you!!', 'en', 'exclamations')).toEqual({ id: 'exclamations', weight: 0.1, evidence: '!!' });
    expect(signal('Thank you!', 'en', 'exclamations')).toBeUndefined();
  });

  it('negative sentiment: the lexicon words, in English and Italian', () => {
    expect(signal('The new layout is confusing and the colours are ugly.', 'en', 'negative_sentiment')?.evidence).toBe('confusing, ugly');
    expect(signal('Il nuovo sito è lento e confuso, un lavoro scadente.', 'it', 'negative_sentiment')?.evidence).toContain('scadente');
  });

  it('friction: several kinds of friction words together, none alone', () => {
    const upset = signal('Three weeks and the export is still broken. You never told us why.', 'en', 'friction');
    expect(upset).toMatchObject({ weight: 0.5 });
    expect(upset?.evidence).toBe('three weeks, still, broken, you never');
    expect(signal('Is the kickoff still on for Monday? I have not seen the invite yet.', 'en', 'friction')?.weight).toBe(0.1);
    expect(signal('Sono tre settimane che il gestionale è fermo e nessuno ci ha spiegato niente.', 'it', 'friction')?.weight).toBe(0.4);
  });

  it('repeated follow-ups: the unanswered messages the caller counted', () => {
    const once = scoreMessage({ text: 'Any news on the invoice?', lang: 'en', followUps: 1 });
    const thrice = scoreMessage({ text: 'Any news on the invoice?', lang: 'en', followUps: 3 });
    expect(once.signals).toEqual([{ id: 'repeated_follow_up', weight: 0.15, evidence: '1 earlier message unanswered' }]);
    expect(thrice.signals).toEqual([{ id: 'repeated_follow_up', weight: 0.45, evidence: '3 earlier messages unanswered' }]);
    expect(thrice.score).toBeGreaterThan(once.score);
  });

  it.each([Number.NaN, -2, 0, Number.POSITIVE_INFINITY])('ignores a follow-up count of %s', (followUps) => {
    expect(scoreMessage({ text: 'Any news on the invoice?', lang: 'en', followUps }).signals).toEqual([]);
  });
});

describe('negation and softening', () => {
  it.each<[SignalLanguage, string]>([
    ['en', 'Not a problem at all, Friday is fine.'],
    ['en', 'No complaints here, everything runs smoothly.'],
    ['en', 'We do not want to cancel our contract, we only need a new invoice.'],
    ['en', 'Nothing urgent, whenever you have a moment.'],
    ['en', 'I am not disappointed at all.'],
    ['it', 'Nessun problema, venerdì va benissimo.'],
    ['it', 'Non è urgente, quando hai un momento.'],
    ['it', 'Niente di grave, solo un refuso.'],
    ['it', 'Nessuna lamentela da parte nostra.'],
    ['it', 'Non vogliamo disdire il contratto, ci serve solo una nuova fattura.'],
  ])('%s: "%s" raises no signal', (lang, text) => {
    expect(scoreMessage({ text, lang }).signals).toEqual([]);
  });

  it('a softened complaint counts half', () => {
    expect(signal('It is a bit annoying for our sales team.', 'en', 'complaint')?.weight).toBe(0.25);
    expect(signal("È un po' deludente.", 'it', 'complaint')?.weight).toBe(0.25);
  });

  it('negated praise counts as negative sentiment', () => {
    expect(signal('The new menu is confusing and not good.', 'en', 'negative_sentiment')?.evidence).toBe('confusing, not good');
  });
});

describe('only what the client wrote now is scored', () => {
  const calmReply = 'Thanks, all good on our side now.';
  const quotedAnger = 'This is unacceptable, we will cancel our contract and our lawyer will be in touch!!!';

  it.each([
    ['lines quoted with ">"', `${calmReply}\n\n> ${quotedAnger}`],
    ['an "On … wrote:" block', `${calmReply}\n\nOn Mon, 3 Jun 2024 at 09:12, Paul <paul@client.example> wrote:\n${quotedAnger}`],
    [
      'an "On … wrote:" header folded on two lines',
      `${calmReply}\n\nOn Mon, 3 Jun 2024 at 09:12, Paul Smith <\npaul@client.example> wrote:\n${quotedAnger}`,
    ],
    ['an Outlook original message', `${calmReply}\n\n-----Original Message-----\nFrom: Paul\nSent: Monday\n${quotedAnger}`],
    ['an Outlook header block', `${calmReply}\n\nFrom: Paul <paul@client.example>\nSent: Monday, 3 June 2024 09:12\n${quotedAnger}`],
    ['a "-- " signature', `${calmReply}\n-- \nPaul\n${quotedAnger}`],
  ])('ignores %s', (_, text) => {
    expect(scoreMessage({ text, lang: 'en' })).toMatchObject({ score: 0, angry: false, signals: [] });
  });

  it('ignores an Italian "Il … ha scritto:" block', () => {
    const text =
      'Grazie, da noi ora è tutto a posto.\n\nIl giorno lun 3 giu 2024 alle 09:12 Paolo <p@cliente.example> ha scritto:\n> È inaccettabile, vi diamo disdetta!';
    expect(scoreMessage({ text, lang: 'it' }).signals).toEqual([]);
  });

  it('ignores a confidentiality disclaimer and a signature block', () => {
    const text =
      'Please find attached the signed statement of work.\n\nKind regards,\nLuca Bianchi\nFinance Manager | ACME\n\nThis email is confidential and intended solely for the addressee. If you received it in error, delete it: any unauthorised use is strictly prohibited.';
    expect(scoreMessage({ text, lang: 'en' }).signals).toEqual([]);
  });

  it('keeps a paragraph that follows a "Thanks," line', () => {
    const text = `Thanks,\n\nbut I have to say this is unacceptable. ${'The report arrived late again and the figures are wrong. '.repeat(2)}`;
    expect(scoreMessage({ text, lang: 'en' }).angry).toBe(true);
  });

  it('reads the subject too, without its "Re:" prefix', () => {
    const result = scoreMessage({ subject: 'Re: R: Disdetta contratto', text: 'Vedi oggetto.', lang: 'it' });
    expect(result.cancellationIntent).toBe(true);
    expect(result.signals[0]?.evidence).toBe('Disdetta');
  });
});

describe('the verdict', () => {
  it.each<[SignalLanguage, string]>([
    ['en', 'Could you send me the updated invoice with our new VAT number? Thanks!'],
    ['en', 'Thank you so much for the great work on the launch!!! The team is thrilled.'],
    ['en', "I'm out of the office until 12 August. For urgent matters please contact my colleague Mark."],
    ['en', 'Please cancel tomorrow’s meeting, I have a conflict. Could we do Friday instead?'],
    ['en', 'Our lawyer made two small edits to the NDA, marked in red.'],
    ['it', 'Ciao Anna, mi mandi la fattura aggiornata con la nuova partita IVA? Grazie!'],
    ['it', 'Grazie mille per il lavoro sul lancio!!! Tutto il team è entusiasta.'],
    ['it', 'Sono fuori ufficio fino al 12 agosto. Per urgenze contattate il collega Marco.'],
    ['it', 'Vi chiedo di annullare la riunione di domani, ho un impegno. Possiamo fare venerdì?'],
    ['it', 'Il nostro avvocato ha fatto due piccole modifiche all’NDA, evidenziate in rosso.'],
  ])('%s: a calm message scores low: "%s"', (lang, text) => {
    const result = scoreMessage({ text, lang });
    expect(result.angry).toBe(false);
    expect(result.cancellationIntent).toBe(false);
    expect(result.score).toBeLessThan(0.3);
  });

  it.each<[SignalLanguage, string]>([
    ['en', 'This is the third time I write about invoice 118. Frankly, I am disappointed.'],
    ['en', 'Please consider this email formal notice that we will not be renewing the contract.'],
    ['en', 'Great teamwork, guys. The server went down during our biggest sale and nobody picked up the phone.'],
    ['it', 'Vi scrivo per la terza volta per la fattura 118. Sinceramente sono deluso.'],
    ['it', 'Vi informiamo che non intendiamo rinnovare il contratto in scadenza a gennaio.'],
    ['it', 'Bel lavoro di squadra, ragazzi. Il server è caduto durante la promozione e nessuno ha risposto al telefono.'],
  ])('%s: an upset message is angry: "%s"', (lang, text) => {
    expect(scoreMessage({ text, lang }).score).toBeGreaterThanOrEqual(ANGRY_THRESHOLD);
  });

  it('sets the cancellation and urgency flags, and orders signals by weight', () => {
    const result = scoreMessage({ text: 'We will cancel our contract unless this is fixed by end of day. Unacceptable.', lang: 'en' });
    expect(result).toMatchObject({ angry: true, cancellationIntent: true, urgent: true });
    expect(result.signals.map((found) => found.id)).toEqual(['cancellation', 'complaint', 'urgency']);
    expect(result.score).toBe(0.91);
  });

  it('a cue that is often neutral needs a second one', () => {
    expect(scoreMessage({ text: 'Could you process the refund for the cancelled workshop?', lang: 'en' }).angry).toBe(false);
    expect(scoreMessage({ text: 'Do you have a better price for three licences?', lang: 'en' }).angry).toBe(false);
    expect(scoreMessage({ text: 'Come già detto, la riunione è alle 15.', lang: 'it' }).angry).toBe(false);
  });

  it('three unanswered messages are enough to flag a plain question', () => {
    expect(scoreMessage({ text: 'Any news on the invoice?', lang: 'en', followUps: 3 }).angry).toBe(true);
    expect(scoreMessage({ text: 'Any news on the invoice?', lang: 'en', followUps: 1 }).angry).toBe(false);
  });

  it('polite urgency is urgent, not angry', () => {
    expect(scoreMessage({ text: 'Urgent: please send the signed contract by end of day. Thanks a lot!', lang: 'en' })).toMatchObject({
      angry: false,
      urgent: true,
    });
  });

  it('"other" applies both languages', () => {
    expect(scoreMessage({ text: 'Inaccettabile. Unacceptable.', lang: 'other' }).signals[0]?.evidence).toBe('Inaccettabile; Unacceptable');
    expect(scoreMessage({ text: 'Inaccettabile. Unacceptable.', lang: 'other' }).signals).toHaveLength(1);
    expect(scoreMessage({ text: 'Inaccettabile.', lang: 'en' }).signals).toEqual([]);
  });

  it('is deterministic', () => {
    const input = { text: 'WHY?! This is the fifth time. Our lawyer will be in touch.', lang: 'en' as const, followUps: 2 };
    expect(scoreMessage(input)).toEqual(scoreMessage(input));
  });

  it('scores an empty message as calm', () => {
    expect(scoreMessage({ text: '', lang: 'other' })).toEqual({
      score: 0,
      angry: false,
      cancellationIntent: false,
      urgent: false,
      signals: [],
    });
  });
});

import { describe, expect, it } from 'vitest';
import {
  DEFAULT_FAQ_MIN_SCORE,
  type FaqEntry,
  type FaqMessage,
  matchFaq,
  stripQuotedReply,
  stripSubjectPrefixes,
} from './faq-matching.models';

const englishFaq: FaqEntry[] = [
  {
    question: 'When is the website go-live?',
    answer: 'The go-live of the new site is planned for 15 March 2027; the date is confirmed once Giulia signs off the final design.',
  },
  {
    question: 'Where can I find my invoices?',
    answer: 'Invoices are sent by the accounts team on the 5th of each month and are also in the client portal under Billing.',
  },
  {
    question: 'Can we add a new page to the menu?',
    answer: 'Yes, small content changes are included: send the text and images to the delegate and they go live within two working days.',
  },
  {
    question: 'Who do I call if the site is down?',
    answer: 'Call the support line +39 02 1234 5678 (24/7) and open a ticket; hosting outages are handled by the provider.',
  },
  { question: 'What time does support open?', answer: 'Support is staffed from 9 to 18, Monday to Friday.' },
  { question: 'Will the Q3 dashboard be ready?', answer: 'Yes, once the data migration finishes in week two.' },
];

const italianFaq: FaqEntry[] = [
  { question: 'Quando va online il nuovo sito?', answer: 'A settembre, appena Giulia approva la data proposta.' },
  { question: 'Quando arriva la fattura di luglio?', answer: 'Entro il 5 del mese successivo, da amministrazione.' },
  { question: 'Come si cambia un prezzo nel negozio?', answer: 'Lo fa Paolo dal pannello; se serve aiuto, c’è la guida nel link.' },
  {
    question: 'Possiamo spostare la riunione di avanzamento?',
    answer: 'Sì, proponete due date alternative e confermiamo entro un giorno.',
  },
  { question: 'La data di go-live è confermata?', answer: 'Sì: il go-live resta fissato per il 15 marzo, salvo problemi in collaudo.' },
];

const en = (subject: string, text: string): FaqMessage => ({ subject, text, lang: 'en' });
const it_ = (subject: string, text: string): FaqMessage => ({ subject, text, lang: 'it' });
const other = (subject: string, text: string): FaqMessage => ({ subject, text, lang: 'other' });

describe('matchFaq finds the answer a client message asks for', () => {
  const cases: { name: string; message: FaqMessage; faq: FaqEntry[]; top: number; terms?: string[] }[] = [
    {
      name: 'go-live date moved (shared stems with the question)',
      message: en('go-live date moved?', 'Hi, has the go-live date moved? Thanks, Anna'),
      faq: englishFaq,
      top: 0,
      terms: ['go', 'live', 'date'],
    },
    {
      name: 'a paraphrase that shares the answer’s words',
      message: en('Launch', 'Any news on the launch date of the new site?'),
      faq: englishFaq,
      top: 0,
    },
    {
      name: 'invoice (singular) meets invoices',
      message: en('Invoice for October', 'Hello, I cannot find the invoice for October, could you resend it?'),
      faq: englishFaq,
      top: 1,
      terms: ['Invoice'],
    },
    { name: 'invoices (plural) meets the same entry', message: en('Billing', 'Are my invoices in the portal?'), faq: englishFaq, top: 1 },
    {
      name: 'a site that is down',
      message: en('URGENT site down', 'Our website is not loading since this morning, who should we call?'),
      faq: englishFaq,
      top: 3,
    },
    {
      name: 'the dashboard',
      message: en('Q3 dashboard', 'Is the dashboard going to be ready for the board meeting?'),
      faq: englishFaq,
      top: 5,
    },
    {
      name: 'a new menu page',
      message: en('New page', 'We would like to add a page about our team to the menu, is that possible?'),
      faq: englishFaq,
      top: 2,
    },
    {
      name: 'fatture meets fattura',
      message: it_('Fatture', 'Buongiorno, le fatture di luglio sono già state emesse?'),
      faq: italianFaq,
      top: 1,
      terms: ['Fatture', 'luglio'],
    },
    {
      name: 'a one-line request about the invoices',
      message: it_('Re: fatture', 'Mi mandate le fatture?'),
      faq: italianFaq,
      top: 1,
      terms: ['fatture'],
    },
    { name: 'the new site online', message: it_('Sito', 'Ciao, quando sarà online il sito nuovo? Grazie'), faq: italianFaq, top: 0 },
    {
      name: 'data di go-live',
      message: it_('Go-live', 'Ci sono novità sulla data di go-live? È ancora confermata?'),
      faq: italianFaq,
      top: 4,
    },
    { name: 'moving the meeting', message: it_('Riunione', 'Possiamo spostare la riunione di giovedì?'), faq: italianFaq, top: 3 },
    {
      name: 'prices in the shop',
      message: it_('Prezzi', 'Dovrei aggiornare i prezzi di due prodotti nel negozio online'),
      faq: italianFaq,
      top: 2,
      terms: ['Prezzi', 'negozio'],
    },
    {
      name: 'an Italian message meets an English FAQ through go-live and data ~ date',
      message: it_('Go-live', 'La data di go-live è cambiata?'),
      faq: englishFaq,
      top: 0,
    },
    { name: '“other” language is stemmed as Italian too', message: other('fatture', 'fatture luglio?'), faq: italianFaq, top: 1 },
    { name: '“other” language is stemmed as English too', message: other('', 'invoices?'), faq: englishFaq, top: 1 },
    {
      name: 'accents are folded (citta = città)',
      message: it_('', "In che citta sara l'evento?"),
      faq: [{ question: 'In quale città si tiene l’evento?', answer: 'A Milano.' }],
      top: 0,
    },
  ];
  it.each(cases)('$name', ({ message, faq, top, terms }) => {
    const [best] = matchFaq(message, faq);
    expect(best?.index).toBe(top);
    expect(best?.question).toBe(faq[top]?.question);
    expect(best?.answer).toBe(faq[top]?.answer);
    expect(best?.score).toBeGreaterThanOrEqual(DEFAULT_FAQ_MIN_SCORE);
    expect(best?.score).toBeLessThanOrEqual(1);
    if (terms) expect(best?.matchedTerms).toEqual(terms);
  });
});

describe('matchFaq stays silent when nothing fits', () => {
  const cases: { name: string; message: FaqMessage; faq: FaqEntry[] }[] = [
    {
      name: 'a thank-you that shares one everyday word (time)',
      message: en('Lunch', 'Thanks for your time yesterday, the lunch was lovely. See you soon!'),
      faq: englishFaq,
    },
    {
      name: 'a long email about something else, signature included',
      message: en(
        'Holiday plans',
        'Dear Marco,\nI hope you are well. I will be on holiday from next Monday with my family in Sardinia; my colleague Paolo will handle the budget approvals while I am away.\n\nKind regards,\nAnna Rossi\nHead of Marketing, Acme S.p.A., Via Roma 1, Milano\nanna.rossi@acme.example | www.acme.example',
      ),
      faq: englishFaq,
    },
    { name: 'a signed contract in attachment', message: en('Contract', 'Please find attached the signed contract.'), faq: englishFaq },
    { name: 'photos of an event', message: en('Photos', 'Can you send me the photos from the event?'), faq: englishFaq },
    { name: 'Christmas wishes', message: it_('Auguri', 'Tanti auguri di buon Natale a tutto il team!'), faq: italianFaq },
    {
      name: 'a newsletter approval',
      message: it_('Newsletter', 'Il numero di agosto della newsletter è pronto da approvare'),
      faq: italianFaq,
    },
    {
      name: 'an English message and an Italian FAQ with no word in common',
      message: en('Invoice', 'Where is the July invoice?'),
      faq: italianFaq,
    },
    { name: 'an empty FAQ', message: en('Invoices', 'Where are my invoices?'), faq: [] },
    { name: 'an empty message', message: en('', ''), faq: englishFaq },
    { name: 'a message of stopwords only', message: en('Re:', 'Is it? Yes it is, and it was.'), faq: englishFaq },
    {
      name: 'words only in the quoted earlier message',
      message: en(
        'Re: Thursday',
        'Thanks, got it.\n\nOn Mon, 2 Nov 2026 at 10:00, Marco <marco@agency.example> wrote:\n> Invoices are in the portal under Billing.',
      ),
      faq: englishFaq,
    },
  ];
  it.each(cases)('$name', ({ message, faq }) => {
    expect(matchFaq(message, faq)).toEqual([]);
  });
});

describe('matchFaq ranking and options', () => {
  const billingFaq: FaqEntry[] = [
    { question: 'How do I update the billing address?', answer: 'Write to accounts with the new address.' },
    { question: 'When are invoices issued?', answer: 'On the 5th of each month.' },
    {
      question: 'Can an invoice be paid by bank transfer?',
      answer: 'Yes, invoices can be paid by bank transfer to the IBAN on the invoice.',
    },
    { question: 'Where is the office?', answer: 'Via Roma 1, Milano.' },
  ];
  const message = en(
    'Invoice payment',
    'Can I pay the March invoice by bank transfer? When is the next invoice issued, and to which address?',
  );

  it('sorts by score, the closest entry first, and leaves out what does not fit', () => {
    const matches = matchFaq(message, billingFaq);
    expect(matches.map((match) => match.index)).toEqual([2, 1]);
    expect(matches[0]?.score).toBeGreaterThan(matches[1]?.score ?? 1);
    expect(matches[0]?.matchedTerms).toEqual(['Invoice', 'bank', 'transfer']);
  });

  it('returns at most `limit` entries', () => {
    expect(matchFaq(message, billingFaq, { limit: 1 }).map((match) => match.index)).toEqual([2]);
    expect(matchFaq(message, billingFaq, { limit: 0 })).toEqual([]);
  });

  it('a lower minScore lets weaker matches through, a higher one keeps only the best', () => {
    expect(matchFaq(message, billingFaq, { minScore: 0, limit: 10 }).map((match) => match.index)).toEqual([2, 1, 0]);
    expect(matchFaq(message, billingFaq, { minScore: 0.5 }).map((match) => match.index)).toEqual([2]);
  });

  it('breaks ties by the order of the brief', () => {
    const twice = [billingFaq[1] as FaqEntry, billingFaq[1] as FaqEntry];
    expect(matchFaq(en('', 'When are invoices issued?'), twice).map((match) => match.index)).toEqual([0, 1]);
  });

  it('question words weigh more than answer words', () => {
    const faq: FaqEntry[] = [
      { question: 'Is hosting included?', answer: 'Yes, the domain renewal too.' },
      { question: 'Who renews the domain?', answer: 'We do; hosting is billed apart.' },
    ];
    expect(matchFaq(en('', 'Who takes care of the domain renewal?'), faq)[0]?.index).toBe(1);
    expect(matchFaq(en('', 'Is the hosting included in the fee?'), faq)[0]?.index).toBe(0);
  });

  it('is deterministic and unaffected by earlier calls', () => {
    const first = matchFaq(message, billingFaq);
    matchFaq(it_('Fatture', 'le fatture'), italianFaq);
    matchFaq(other('x', 'invoice invoice'), [...billingFaq].reverse());
    expect(matchFaq(message, billingFaq)).toEqual(first);
  });

  it('handles a 200-entry brief with long answers', () => {
    const faq = Array.from({ length: 200 }, (_, index) => ({
      question: `${englishFaq[index % englishFaq.length]?.question} (case ${index})`,
      answer: `${englishFaq[(index + 1) % englishFaq.length]?.answer} `.repeat(20),
    }));
    const matches = matchFaq(other('go-live', 'Has the go-live date moved? Also, where are the invoices?'), faq);
    expect(matches).toHaveLength(3);
    expect(matches.every((match) => match.score >= DEFAULT_FAQ_MIN_SCORE)).toBe(true);
  });
});

describe('stripQuotedReply keeps only the sender’s new words', () => {
  const cases: { name: string; text: string; expected: string }[] = [
    { name: 'quoted lines', text: 'New question\n> old text\n>> older text\nmore', expected: 'New question\nmore' },
    {
      name: 'an English reply header',
      text: 'Yes please.\n\nOn Mon, 2 Nov 2026 at 10:00, Marco <m@example.com> wrote:\nold text',
      expected: 'Yes please.\n\n',
    },
    {
      name: 'a reply header wrapped on two lines',
      text: 'Yes.\nOn Mon, 2 Nov 2026 at 10:00, Marco Bianchi\n<m@example.com> wrote:\nold',
      expected: 'Yes.\n',
    },
    {
      name: 'an Italian reply header',
      text: 'Va bene.\nIl giorno lun 2 nov 2026 alle 10:00 Marco <m@example.com> ha scritto:\nvecchio',
      expected: 'Va bene.\n',
    },
    { name: 'Outlook', text: 'Ok\n-----Original Message-----\nFrom: Marco\nold', expected: 'Ok\n' },
    { name: 'Outlook in Italian', text: 'Ok\nDa: Marco Bianchi\nInviato: lunedì 2 novembre 2026\nvecchio', expected: 'Ok\n' },
    { name: 'Windows line ends', text: 'Yes.\r\n> old\r\nOn Mon, 2 Nov 2026, Marco <m@example.com> wrote:\r\nold', expected: 'Yes.\n' },
    { name: 'a sentence that only starts with On', text: 'On Monday we wrote the spec.', expected: 'On Monday we wrote the spec.' },
  ];
  it.each(cases)('$name', ({ text, expected }) => {
    expect(stripQuotedReply(text)).toBe(expected);
  });
});

describe('stripSubjectPrefixes', () => {
  it.each([
    ['Re: Invoices', 'Invoices'],
    ['RE: Fwd: R: I: fatture', 'fatture'],
    ['Re[2]: launch', 'launch'],
    ['Rif: ordine', 'ordine'],
    ['Request for quote', 'Request for quote'],
    ['Invoices re: March', 'Invoices re: March'],
  ])('%s → %s', (subject, expected) => {
    expect(stripSubjectPrefixes(subject)).toBe(expected);
  });
});

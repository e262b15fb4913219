// The mail of Anna's summer absence (DEMO.md), as it reached her mailbox: each client writes in its own language.
// Built as raw RFC 5322 messages so the demo goes through the real ingestion pipeline (matching, threading,
// language detection), the way an IMAP or SMTP driver would hand them over.
import { DateTime } from 'luxon';
import { encodeWord, encodeWords, quoteString } from 'nodemailer/lib/mime-funcs';

export type DemoAddress = { name: string; address: string };
export type DemoMail = {
  /** Names the Message-ID, so a reply can point back at it. */
  key: string;
  from: DemoAddress;
  subject: string;
  text: string;
  /** The sender's zone, for the Date header. */
  zone: string;
  headers?: Record<string, string>;
  /** Message-IDs (with angle brackets) this message answers, oldest first; the last is In-Reply-To. */
  replyTo?: string[];
};

export const annaAddress: DemoAddress = { name: 'Anna Ferri', address: 'anna@ferri-bellini.example' };

const ascii = /^[\x20-\x7e]*$/;
const mailbox = ({ name, address }: DemoAddress) => `${ascii.test(name) ? quoteString(name) : encodeWord(name, 'Q', 52)} <${address}>`;

export const messageIdOf = (mail: Pick<DemoMail, 'key' | 'from'>, sentAt: Date) =>
  `<${mail.key}.${sentAt.getTime().toString(36)}@${mail.from.address.split('@')[1]}>`;

/** A plain-text UTF-8 message, CRLF line ends, as a mail server stores it. */
export function rawMessage(mail: DemoMail, sentAt: Date): Buffer {
  const references = mail.replyTo ?? [];
  const headers = [
    `From: ${mailbox(mail.from)}`,
    `To: ${mailbox(annaAddress)}`,
    `Subject: ${ascii.test(mail.subject) ? mail.subject : encodeWords(mail.subject, 'Q', 52)}`,
    `Date: ${DateTime.fromJSDate(sentAt, { zone: mail.zone }).toRFC2822()}`,
    `Message-ID: ${messageIdOf(mail, sentAt)}`,
    ...(references.length > 0 ? [`In-Reply-To: ${references.at(-1)}`, `References: ${references.join(' ')}`] : []),
    ...Object.entries(mail.headers ?? {}).map(([name, value]) => `${name}: ${value}`),
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
  ];
  return Buffer.from(`${headers.join('\r\n')}\r\n\r\n${mail.text.replaceAll('\n', '\r\n')}\r\n`, 'utf8');
}

const giulia: DemoAddress = { name: 'Giulia Orsini', address: 'giulia.orsini@orsini-costruzioni.example' };
const james: DemoAddress = { name: 'James Whitaker', address: 'james.whitaker@northwind-logistics.example' };
const rome = 'Europe/Rome';
const london = 'Europe/London';

/** Orsini's CFO asks for the new go-live date; a day later she writes again, before phoning. */
export const orsiniMails = {
  first: {
    key: 'go-live-date',
    from: giulia,
    zone: rome,
    subject: 'Nuova data di go-live del sito',
    text: `Buongiorno Anna,

riprendo il discorso del rilancio del sito. Ci avevate anticipato che il go-live sarebbe slittato a settembre, ma non abbiamo ancora ricevuto una data precisa da approvare.

Il nostro consiglio di amministrazione si riunisce a fine mese e vorrei presentare la nuova data insieme al piano di comunicazione. Mi può indicare il giorno che proponete e cosa serve ancora da parte nostra?

Cordiali saluti,
Giulia Orsini
Direttore Finanziario – Orsini Costruzioni S.p.A.
Tel. +39 06 5550 1201`,
  },
  second: (replyTo: string[]): DemoMail => ({
    key: 'go-live-date-2',
    from: giulia,
    zone: rome,
    subject: 'Re: Nuova data di go-live del sito',
    replyTo,
    text: `Buongiorno Mr Marsh,

grazie per la risposta di ieri, ma la data non mi è ancora arrivata. Prima di approvarla devo sapere se i testi e le foto che vi abbiamo mandato a giugno bastano, e come sapete il contratto lega la data a una penale se andiamo oltre settembre.

La chiamo in mattinata, così ne parliamo a voce.

Cordiali saluti,
Giulia Orsini`,
  }),
} satisfies Record<string, DemoMail | ((replyTo: string[]) => DemoMail)>;

/** Peter's holding answer to Giulia's first email (recorded as his reply; it left through Anna's mailbox). */
export const peterToGiulia = (returnDate: string) => `Gentile dott.ssa Orsini,

Anna è in ferie fino a ${returnDate}; nel frattempo seguo io i suoi clienti. Verifico la data proposta per il go-live e le rispondo al più presto.

Cordiali saluti,
Peter Marsh
Ferri & Bellini Consulting`;

export const orsiniCall = {
  with: 'Giulia Orsini (CFO)',
  summary:
    'Giulia called about the new go-live date of the website relaunch. She needs a date to approve before her board meets at the end of the month, and asked whether the content they sent in June is enough. The brief says the new date must be approved in writing, but not which date we propose or where the content stands. I told her I would come back to her.',
  note: 'No details on the new date were left',
};

export const viniMail: DemoMail = {
  key: 'fattura',
  from: { name: 'Paolo Lucchesi', address: 'amministrazione@vinilucchesi.example' },
  zone: rome,
  subject: 'Fattura gestione negozio online',
  text: `Buongiorno,

non abbiamo ancora ricevuto la fattura del mese scorso per la gestione del negozio online. Ci serve per chiudere la contabilità: quando arriva?

Grazie e buona giornata,
Paolo Lucchesi
Vini Lucchesi – Amministrazione`,
};

export const peterToPaolo = `Buongiorno Paolo,

la fattura del mese scorso viene emessa dalla nostra amministrazione entro il 5 del mese successivo: la riceverà a questo indirizzo nei prossimi giorni. Se le serve prima una copia pro forma, me lo scriva pure.

Cordiali saluti,
Peter Marsh
Ferri & Bellini Consulting`;

/** Three emails from Northwind's Head of Operations on one day, each angrier than the last. */
export const northwindMails = {
  first: {
    key: 'dashboard-deadline',
    from: james,
    zone: london,
    subject: 'Quarterly dashboard – migration deadline',
    text: `Hi Anna,

The data migration for the quarterly reporting dashboard was supposed to be finished by now, and the dashboard is still showing last quarter's numbers. Priya tells me she hasn't heard from your side since you went on leave.

Can someone confirm where we are and when the new data will be in?

Thanks,
James Whitaker
Head of Operations, Northwind Logistics Ltd`,
  },
  second: (replyTo: string[]): DemoMail => ({
    key: 'dashboard-deadline-2',
    from: james,
    zone: london,
    subject: 'Re: Quarterly dashboard – migration deadline',
    replyTo,
    text: `Hi,

I haven't had an answer to my email this morning. Our board pack goes out this week and I still don't know whether the dashboard will have the new data.

This is the second time I'm asking: who is looking after our account while Anna is away?

James`,
  }),
  third: (replyTo: string[]): DemoMail => ({
    key: 'dashboard-deadline-3',
    from: james,
    zone: london,
    subject: 'Re: Quarterly dashboard – migration deadline',
    replyTo,
    text: `This is unacceptable. Two emails today and not a single reply, on a deadline you committed to in writing. I am extremely disappointed.

If I don't hear from someone with an actual answer by the end of the day, I will take this to your management, and we will have to reconsider whether we continue the dashboard project with you at all.

James Whitaker
Head of Operations, Northwind Logistics Ltd`,
  }),
} satisfies Record<string, DemoMail | ((replyTo: string[]) => DemoMail)>;

export const saraToJames = `Dear James,

I am sorry you had to write three times without an answer: that should not have happened. I am Sara Colombo and I am covering Anna's accounts together with Peter Marsh.

I have just spoken with Priya. The migration scripts ran into a schema change in the old warehouse; she expects the load to finish tomorrow, and the dashboard will show the new quarter the day after. I will send you a short status update every day at 5 pm until it is done, and Marco Bellini, our manager, is following it too.

Kind regards,
Sara Colombo
Ferri & Bellini Consulting`;

/** Machine mail: it reaches Anna's mailbox but nobody has to answer it. */
export const farmaciaNewsletter: DemoMail = {
  key: 'newsletter',
  from: { name: "Farmacia Sant'Anna", address: 'newsletter@farmacia-santanna.example' },
  zone: rome,
  subject: 'Le novità del mese in farmacia',
  headers: {
    'List-Id': "Newsletter Farmacia Sant'Anna <clienti.farmacia-santanna.example>",
    'List-Unsubscribe': '<mailto:newsletter@farmacia-santanna.example?subject=unsubscribe>',
    Precedence: 'bulk',
  },
  text: `Cari clienti,

questo mese in farmacia:
- misurazione gratuita della pressione ogni sabato mattina;
- consulenza sulla protezione solare con la nostra dermocosmetista, su appuntamento;
- orario continuato dalle 8:30 alle 19:30, anche ad agosto.

Vi aspettiamo!
Elena Rinaldi e lo staff della Farmacia Sant'Anna

Per non ricevere più questa newsletter rispondete con oggetto "unsubscribe".`,
};

export const supplierAutoReply = (replyTo: string[]): DemoMail => ({
  key: 'ferie',
  from: { name: 'Tipografia Conti', address: 'ordini@tipografiaconti.example' },
  zone: rome,
  subject: 'Risposta automatica: Re: Bozze brochure Orsini',
  replyTo,
  headers: { 'Auto-Submitted': 'auto-replied', 'X-Auto-Response-Suppress': 'All' },
  text: `Grazie per il suo messaggio.

La tipografia è chiusa per la pausa estiva e riapre tra due settimane. Le bozze e gli ordini ricevuti in questo periodo saranno lavorati al nostro rientro, in ordine di arrivo.

Tipografia Conti`,
});

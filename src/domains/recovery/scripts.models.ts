// What the owner says on the phone, in the client's language: the apology call after her return, and the win-back
// check-ins with a lost client. Sincere and concrete, never an explanation of who was at fault; the placeholders in
// square brackets are for the owner to fill in as she speaks.
import type { CallScript } from '../../contracts/recovery.contracts';
import type { Language } from '../../contracts/workspaces.contracts';
import { createTranslator } from '../../platform/i18n/translator';

const t = createTranslator({
  en: {
    hello: 'Hello, it’s {{owner}} from {{company}}.',
    hello_named: 'Hello {{contact}}, it’s {{owner}} from {{company}}.',
    back: 'I’m back in the office and I’ve gone through everything that came in while I was away.',
    sorry: 'I’m sorry you didn’t get the answers you needed, and that you had to wait.',
    sorry_topic: 'I’m sorry you didn’t get the answers you needed about “{{topic}}”, and that you had to wait.',
    frustrating: 'I know this has been frustrating.',
    put_right: 'That shouldn’t have happened, and I want to put it right.',
    thanks: 'Thank you for your patience while I was away. I wanted to make sure nothing was left hanging.',
    where: 'Where do things stand for you today?',
    topic_open: 'You wrote to us about “{{topic}}”: is that still open, or has anything changed?',
    need: 'What do you need from us now, and what matters most to you?',
    plan: 'Here is what I’ll do: [the next step]. I’ll get back to you by [day and time].',
    works: 'Does that work for you? If anything else comes up before then, call me directly.',
    close: 'Thank you for telling me how it went. I’ll send you a short email to confirm what we agreed.',
    winback_hello: 'Hello, it’s {{owner}} from {{company}}. I’m not calling to sell you anything: I just wanted to see how you’re doing.',
    winback_hello_named:
      'Hello {{contact}}, it’s {{owner}} from {{company}}. I’m not calling to sell you anything: I just wanted to see how you’re doing.',
    winback_arrangement: 'How is the new arrangement working out? Is it giving you what you needed?',
    winback_help: 'If there’s anything we can help with, even something small, I’d be glad to. You know where to find me.',
    winback_door: 'And if at some point you’d like to talk about working together again, our door is always open.',
  },
  it: {
    hello: 'Buongiorno, sono {{owner}} di {{company}}.',
    hello_named: 'Buongiorno {{contact}}, sono {{owner}} di {{company}}.',
    back: 'Sono di nuovo in ufficio e ho ripreso in mano tutto quello che è arrivato durante la mia assenza.',
    sorry: 'Mi dispiace che non abbia avuto le risposte che le servivano e che abbia dovuto aspettare.',
    sorry_topic: 'Mi dispiace che non abbia avuto le risposte che le servivano su «{{topic}}» e che abbia dovuto aspettare.',
    frustrating: 'So che è stato frustrante.',
    put_right: 'Non doveva andare così, e voglio rimediare.',
    thanks: 'La ringrazio per la pazienza durante la mia assenza: volevo assicurarmi che non fosse rimasto nulla in sospeso.',
    where: 'Come siamo messi oggi, dal suo punto di vista?',
    topic_open: 'Ci aveva scritto per «{{topic}}»: è ancora aperto, o è cambiato qualcosa?',
    need: 'Di cosa ha bisogno adesso da noi? Qual è la cosa più importante per lei?',
    plan: 'Ecco cosa farò: [il prossimo passo]. Le darò un riscontro entro [giorno e ora].',
    works: 'Le va bene così? Se nel frattempo serve altro, mi chiami pure direttamente.',
    close: 'Grazie per avermi raccontato com’è andata. Le mando una breve email per confermare quello che ci siamo detti.',
    winback_hello: 'Buongiorno, sono {{owner}} di {{company}}. Non la chiamo per venderle nulla: volevo solo sapere come sta andando.',
    winback_hello_named:
      'Buongiorno {{contact}}, sono {{owner}} di {{company}}. Non la chiamo per venderle nulla: volevo solo sapere come sta andando.',
    winback_arrangement: 'Come si trova con la nuova soluzione? Le sta dando quello che cercava?',
    winback_help: 'Se c’è qualcosa in cui possiamo esserle utili, anche una piccola cosa, lo faccio volentieri. Sa dove trovarmi.',
    winback_door: 'E se in futuro volesse riparlare di lavorare insieme, la nostra porta è sempre aperta.',
  },
});

export type ScriptPeople = { language: Language; owner: string; company: string; contact: string | null };

export type ScriptFacts = {
  /** Contacts without an answer, “no information” outcomes and questions left for the owner: the client waited. */
  unanswered: number;
  noInformation: number;
  waitingForOwner: number;
  angry: boolean;
  /** What the client wrote about (email subjects), most recent first. */
  topics: string[];
};

/** "Re: Fwd: Go-live" → "Go-live"; calls and empty subjects give no topic. */
export const topicOf = (subject: string) => subject.replace(/^\s*((re|r|aw|fw|fwd|i|inoltra)\s*:\s*)+/i, '').trim();

/** People are greeted by their first name: "Giulia Orsini" → "Giulia". */
const firstName = (name: string | null) => name?.trim().split(/\s+/)[0] || null;

function hello(people: ScriptPeople, key: 'hello' | 'winback_hello') {
  const contact = firstName(people.contact);
  const values = { owner: people.owner, company: people.company, contact };
  return contact ? t(people.language, `${key}_named`, values) : t(people.language, key, values);
}

/** The apology call: apologise without blaming anyone, ask what the client needs now, agree how and by when. */
export function callScript(people: ScriptPeople, facts: ScriptFacts): CallScript {
  const { language } = people;
  const topic = facts.topics.map(topicOf).find(Boolean) ?? null;
  const waited = facts.unanswered + facts.noInformation + facts.waitingForOwner > 0 || facts.angry;
  const apology = waited
    ? [
        topic ? t(language, 'sorry_topic', { topic }) : t(language, 'sorry'),
        ...(facts.angry ? [t(language, 'frustrating')] : []),
        t(language, 'put_right'),
      ]
    : [t(language, 'thanks')];
  return {
    language,
    steps: [
      { key: 'apologise', lines: [hello(people, 'hello'), t(language, 'back'), ...apology] },
      { key: 'ask', lines: [t(language, 'where'), ...(topic ? [t(language, 'topic_open', { topic })] : []), t(language, 'need')] },
      { key: 'agree', lines: [t(language, 'plan'), t(language, 'works')] },
      { key: 'close', lines: [t(language, 'close')] },
    ],
  };
}

/** A win-back check-in; the last of the cadence also leaves the door open. */
export function winBackScript(people: ScriptPeople, { last }: { last: boolean }) {
  const { language } = people;
  return {
    language,
    lines: [
      hello(people, 'winback_hello'),
      t(language, 'winback_arrangement'),
      t(language, 'winback_help'),
      ...(last ? [t(language, 'winback_door')] : []),
    ],
  };
}

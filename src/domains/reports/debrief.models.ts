// The debrief guide and its rules, pure. The guide asks what and how, never who: what information the delegate had,
// what made a client hard to answer, what was unclear, how the workload was, what would have helped. Its wording
// is versioned: a debrief keeps a snapshot of the questions it was opened with.
import { DateTime } from 'luxon';
import type {
  DebriefQuestion,
  DebriefRole,
  FindingCategory,
  QuestionTopic,
  RespondentRole,
  WordingFlag,
} from '../../contracts/debrief.contracts';

export const DEBRIEF_GUIDE_VERSION = 1;

type Bilingual = { en: string; it: string };
type ContactKind = 'email' | 'call' | 'meeting';

/** A client contact of the absence, as the return briefing reports it. */
export type ContactRecord = {
  kind: ContactKind;
  receivedAt: string;
  outcome: string | null;
  escalated: boolean;
  firstResponseAt: string | null;
};
export type ClientRecord = { clientId: string; name: string; contacts: ContactRecord[] };

/** What went wrong with a contact, most telling first: the delegate had nothing to say, it was escalated, nobody answered. */
export const troubles = ['no_information', 'escalated', 'unanswered'] as const;
export type Trouble = (typeof troubles)[number];

const ANSWERED_OUTCOMES = new Set(['answered', 'follow_up']);

/** Nobody replied: no first response and no outcome that says the client got an answer. */
const isUnanswered = (contact: ContactRecord) =>
  contact.firstResponseAt === null && !(contact.outcome !== null && ANSWERED_OUTCOMES.has(contact.outcome));

export function troubleOf(contact: ContactRecord): Trouble | null {
  if (contact.outcome === 'no_information') return 'no_information';
  if (contact.escalated) return 'escalated';
  return isUnanswered(contact) ? 'unanswered' : null;
}

/** The contact a client's questions start from: the most telling trouble, the earliest of its kind. */
export function contactToAskAbout(contacts: ContactRecord[]): ContactRecord | null {
  const ranked = contacts
    .map((contact) => ({ contact, trouble: troubleOf(contact) }))
    .filter((entry): entry is { contact: ContactRecord; trouble: Trouble } => entry.trouble !== null)
    .sort((a, b) => troubles.indexOf(a.trouble) - troubles.indexOf(b.trouble) || a.contact.receivedAt.localeCompare(b.contact.receivedAt));
  return ranked[0]?.contact ?? null;
}

/** What the record shows about a client, beside its questions; a contact may count under more than one. */
export function clientFacts(contacts: ContactRecord[]) {
  return {
    noInformation: contacts.filter((contact) => contact.outcome === 'no_information').length,
    escalated: contacts.filter((contact) => contact.escalated).length,
    unanswered: contacts.filter(isUnanswered).length,
  };
}

/** "14 July" / "il 14 luglio", "il 1° luglio", "l’8 luglio": a day of the absence as a question names it. */
export function onDay(instant: string, timeZone: string): Bilingual {
  const day = DateTime.fromISO(instant, { zone: timeZone });
  const month = day.setLocale('it').toFormat('MMMM');
  const italian = day.day === 1 ? `il 1° ${month}` : day.day === 8 || day.day === 11 ? `l’${day.day} ${month}` : `il ${day.day} ${month}`;
  return { en: `on ${day.setLocale('en-GB').toFormat('d MMMM')}`, it: italian };
}

const GENERAL_V1: Record<Exclude<QuestionTopic, 'client_information' | 'client_difficulty'>, Bilingual> = {
  opening: {
    en: 'Looking back at the weeks of cover: what went as you expected, and what did not?',
    it: 'Ripensando alle settimane di copertura: cosa è andato come ti aspettavi, e cosa no?',
  },
  brief: {
    en: 'Was anything unclear or missing in the briefs you received?',
    it: 'Nei brief che hai ricevuto c’era qualcosa di poco chiaro o di mancante?',
  },
  workload: {
    en: 'How was your own workload in that period?',
    it: 'Com’era il tuo carico di lavoro in quel periodo?',
  },
  tools: {
    en: 'How did the tools work for you: the console, the brief beside each contact, the notifications?',
    it: 'Come hanno funzionato per te gli strumenti: la console, il brief accanto a ogni contatto, le notifiche?',
  },
  communication: {
    en: 'When you needed information you did not have, how could you get it?',
    it: 'Quando ti serviva un’informazione che non avevi, come potevi ottenerla?',
  },
  helped: {
    en: 'What would have helped?',
    it: 'Cosa ti avrebbe aiutato?',
  },
};

function informationQuestion(kind: ContactKind, client: string, on: Bilingual): Bilingual {
  if (kind === 'call')
    return {
      en: `What information did you have when ${client} called ${on.en}?`,
      it: `Quali informazioni avevi quando ${client} ha chiamato ${on.it}?`,
    };
  if (kind === 'meeting')
    return {
      en: `What information did you have when you met ${client} ${on.en}?`,
      it: `Quali informazioni avevi quando hai incontrato ${client} ${on.it}?`,
    };
  return {
    en: `What information did you have when ${client} wrote ${on.en}?`,
    it: `Quali informazioni avevi quando ${client} ha scritto ${on.it}?`,
  };
}

const difficultyQuestion = (client: string): Bilingual => ({
  en: `What made it hard to answer ${client}? Where did you look for the answer?`,
  it: `Cosa ha reso difficile rispondere a ${client}? Dove hai cercato la risposta?`,
});

const general = (topic: keyof typeof GENERAL_V1): DebriefQuestion => ({
  id: topic,
  topic,
  clientId: null,
  clientName: null,
  facts: null,
  text: GENERAL_V1[topic],
});

/**
 * The questions of a debrief (guide version 1): an opening question, two per client where something went wrong
 * (in the order given, the return briefing's risk order), then the brief, the workload, the tools, communication and
 * what would have helped. Dates are days in the workspace's time zone.
 */
export function buildGuide(clients: ClientRecord[], timeZone: string): DebriefQuestion[] {
  const perClient = clients.flatMap((client): DebriefQuestion[] => {
    const contact = contactToAskAbout(client.contacts);
    if (!contact) return [];
    const facts = clientFacts(client.contacts);
    const common = { clientId: client.clientId, clientName: client.name, facts };
    return [
      {
        id: `client.${client.clientId}.information`,
        topic: 'client_information',
        ...common,
        text: informationQuestion(contact.kind, client.name, onDay(contact.receivedAt, timeZone)),
      },
      { id: `client.${client.clientId}.difficulty`, topic: 'client_difficulty', ...common, text: difficultyQuestion(client.name) },
    ];
  });
  return [
    general('opening'),
    ...perClient,
    general('brief'),
    general('workload'),
    general('tools'),
    general('communication'),
    general('helped'),
  ];
}

/**
 * The delegates a debrief concerns: the primary always; the backup when they took part in the cover (a contact
 * assigned to, answered, closed or logged by them, or an escalation sent to them).
 */
export function concernedDelegates(
  team: { primaryId: string; backupId: string | null },
  involved: Iterable<string | null>,
): { userId: string; role: 'primary' | 'backup' }[] {
  const people = new Set(involved);
  const backup = team.backupId && team.backupId !== team.primaryId && people.has(team.backupId) ? team.backupId : null;
  return [{ userId: team.primaryId, role: 'primary' as const }, ...(backup ? [{ userId: backup, role: 'backup' as const }] : [])];
}

/** `deliberate` must say why; the other categories have no reason to record (their note says what happened). */
export function findingProblem(input: {
  category: FindingCategory;
  reasonLearned: string | null;
}): 'reason_required' | 'reason_not_applicable' | null {
  const hasReason = input.reasonLearned !== null && input.reasonLearned.trim().length > 0;
  if (input.category === 'deliberate') return hasReason ? null : 'reason_required';
  return input.reasonLearned !== null && input.reasonLearned.length > 0 ? 'reason_not_applicable' : null;
}

/**
 * Who a person is to a debrief, or null: nobody else sees it (not other members, not admins or managers who do not
 * manage this absence). The owner and the absence's manager come first when one of them is also a delegate.
 */
export function debriefRoleOf(
  userId: string,
  absence: { ownerId: string; managerId: string },
  delegateIds: readonly string[],
): DebriefRole | null {
  if (userId === absence.ownerId) return 'owner';
  if (userId === absence.managerId) return 'manager';
  return delegateIds.includes(userId) ? 'delegate' : null;
}

/** The owner and the manager open the debrief, record findings and conclude it. */
export const organises = (role: DebriefRole | null) => role === 'owner' || role === 'manager';

/** The owner and the manager read every answer; a delegate only their own. */
export function visibleAnswers<T extends { respondentId: string }>(role: DebriefRole, viewerId: string, answers: T[]): T[] {
  return organises(role) ? answers : answers.filter((answer) => answer.respondentId === viewerId);
}

export function respondentRoleOf(role: DebriefRole, delegateRole: 'primary' | 'backup' | undefined): RespondentRole {
  if (role === 'delegate') return delegateRole ?? 'primary';
  return role;
}

/**
 * A wording check over what the owner and the manager write (their notes, their findings): flags to show them,
 * never a block. Baton's neutral-language check plugs in here; without one nothing is flagged.
 */
export type WordingCheck = (text: string) => WordingFlag[];
export const noWordingCheck: WordingCheck = () => [];

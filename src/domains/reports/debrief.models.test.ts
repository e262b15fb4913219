import { describe, expect, it } from 'vitest';
import {
  buildGuide,
  type ClientRecord,
  type ContactRecord,
  concernedDelegates,
  contactToAskAbout,
  debriefRoleOf,
  findingProblem,
  onDay,
  troubleOf,
  visibleAnswers,
} from './debrief.models';

const contact = (overrides: Partial<ContactRecord>): ContactRecord => ({
  kind: 'email',
  receivedAt: '2026-07-14T08:00:00Z',
  outcome: 'answered',
  escalated: false,
  firstResponseAt: '2026-07-14T09:00:00Z',
  ...overrides,
});
const client = (name: string, contacts: ContactRecord[]): ClientRecord => ({
  clientId: `00000000-0000-4000-8000-00000000000${name.length % 10}`,
  name,
  contacts,
});
const ROME = 'Europe/Rome';

describe('what went wrong with a contact', () => {
  it.each([
    ['answered in time', contact({}), null],
    ['followed up', contact({ outcome: 'follow_up', firstResponseAt: null }), null],
    ['“no information” on a call', contact({ kind: 'call', outcome: 'no_information' }), 'no_information'],
    ['“no information” and escalated', contact({ outcome: 'no_information', escalated: true }), 'no_information'],
    ['escalated, then answered', contact({ escalated: true }), 'escalated'],
    ['never answered', contact({ outcome: null, firstResponseAt: null }), 'unanswered'],
    ['handed to the backup, nobody replied', contact({ outcome: 'handed_to_backup', firstResponseAt: null }), 'unanswered'],
    ['waiting for the owner, with a holding reply', contact({ outcome: 'waiting_for_owner' }), null],
  ] as const)('%s → %s', (_case, input, expected) => {
    expect(troubleOf(input)).toBe(expected);
  });

  it('asks about the most telling contact, the earliest of its kind', () => {
    const late = contact({ outcome: 'no_information', receivedAt: '2026-07-20T08:00:00Z' });
    const early = contact({ outcome: 'no_information', receivedAt: '2026-07-15T08:00:00Z' });
    const unanswered = contact({ outcome: null, firstResponseAt: null, receivedAt: '2026-07-10T08:00:00Z' });
    expect(contactToAskAbout([unanswered, late, early])).toBe(early);
    expect(contactToAskAbout([contact({})])).toBeNull();
  });
});

describe('the days a question names', () => {
  it.each([
    ['2026-07-14T08:00:00Z', 'on 14 July', 'il 14 luglio'],
    ['2026-07-01T08:00:00Z', 'on 1 July', 'il 1° luglio'],
    ['2026-08-08T08:00:00Z', 'on 8 August', 'l’8 agosto'],
    ['2026-08-11T08:00:00Z', 'on 11 August', 'l’11 agosto'],
    // 23:30 UTC is already the next day in Rome.
    ['2026-07-13T22:30:00Z', 'on 14 July', 'il 14 luglio'],
  ])('%s → “%s” / “%s”', (instant, en, it) => {
    expect(onDay(instant, ROME)).toEqual({ en, it });
  });
});

describe('the guide: general questions, and two per client where something went wrong', () => {
  const orsini = client('Orsini', [
    contact({ outcome: null, firstResponseAt: null, receivedAt: '2026-07-13T08:00:00Z' }),
    contact({ kind: 'call', outcome: 'no_information', receivedAt: '2026-07-14T12:00:00Z' }),
  ]);
  const vini = client('Vini Lucchesi', [contact({})]);
  const northwind = client('Northwind', [contact({ escalated: true, receivedAt: '2026-07-03T08:00:00Z' })]);

  it('asks nothing about clients whose contacts went well', () => {
    const guide = buildGuide([vini], ROME);
    expect(guide.map((question) => question.id)).toEqual(['opening', 'brief', 'workload', 'tools', 'communication', 'helped']);
    expect(guide.every((question) => question.text.en.endsWith('?') && question.text.it.endsWith('?'))).toBe(true);
  });

  it.each([
    [
      'a “no information” call',
      orsini,
      'What information did you have when Orsini called on 14 July?',
      'Quali informazioni avevi quando Orsini ha chiamato il 14 luglio?',
    ],
    [
      'an escalated email',
      northwind,
      'What information did you have when Northwind wrote on 3 July?',
      'Quali informazioni avevi quando Northwind ha scritto il 3 luglio?',
    ],
    [
      'an unanswered meeting',
      client('Bluefin', [contact({ kind: 'meeting', outcome: null, firstResponseAt: null, receivedAt: '2026-07-08T08:00:00Z' })]),
      'What information did you have when you met Bluefin on 8 July?',
      'Quali informazioni avevi quando hai incontrato Bluefin l’8 luglio?',
    ],
  ])('%s', (_case, record, en, it) => {
    const guide = buildGuide([record], ROME);
    const [information, difficulty] = guide.filter((question) => question.clientId === record.clientId);
    expect(information?.text).toEqual({ en, it });
    expect(information?.id).toBe(`client.${record.clientId}.information`);
    expect(difficulty?.text.en).toBe(`What made it hard to answer ${record.name}? Where did you look for the answer?`);
    expect(difficulty?.topic).toBe('client_difficulty');
  });

  it('keeps the clients in the order given, between the opening and the general questions, with their facts', () => {
    const guide = buildGuide([orsini, vini, northwind], ROME);
    expect(guide.map((question) => [question.topic, question.clientName])).toEqual([
      ['opening', null],
      ['client_information', 'Orsini'],
      ['client_difficulty', 'Orsini'],
      ['client_information', 'Northwind'],
      ['client_difficulty', 'Northwind'],
      ['brief', null],
      ['workload', null],
      ['tools', null],
      ['communication', null],
      ['helped', null],
    ]);
    expect(guide[1]?.facts).toEqual({ noInformation: 1, escalated: 0, unanswered: 1 });
    expect(new Set(guide.map((question) => question.id)).size).toBe(guide.length);
  });

  it('never asks who: no question names a colleague or asks whose fault it was', () => {
    const texts = buildGuide([orsini, northwind], ROME).flatMap((question) => [question.text.en, question.text.it]);
    for (const text of texts) expect(text).not.toMatch(/\b(who|whose|fault|blame|chi|colpa)\b/i);
  });
});

describe('who the debrief concerns, and who sees what', () => {
  const team = { primaryId: 'peter', backupId: 'sara' };

  it.each([
    ['the primary alone when the backup did nothing', ['peter', 'anna', null], ['peter:primary']],
    ['the backup too when they took part', ['peter', 'sara'], ['peter:primary', 'sara:backup']],
    ['the primary even when they touched nothing', [], ['peter:primary']],
  ])('%s', (_case, involved, expected) => {
    expect(concernedDelegates(team, involved).map((person) => `${person.userId}:${person.role}`)).toEqual(expected);
  });

  it('has no backup when the absence had none', () => {
    expect(concernedDelegates({ primaryId: 'peter', backupId: null }, ['peter', null])).toEqual([{ userId: 'peter', role: 'primary' }]);
  });

  const absence = { ownerId: 'anna', managerId: 'marco' };
  it.each([
    ['anna', 'owner'],
    ['marco', 'manager'],
    ['peter', 'delegate'],
    ['lucia', null],
  ] as const)('%s is %s', (userId, role) => {
    expect(debriefRoleOf(userId, absence, ['peter'])).toBe(role);
  });

  it('lets a delegate read only their own answers', () => {
    const answers = [{ respondentId: 'peter' }, { respondentId: 'sara' }, { respondentId: 'anna' }];
    expect(visibleAnswers('delegate', 'peter', answers)).toEqual([{ respondentId: 'peter' }]);
    expect(visibleAnswers('manager', 'marco', answers)).toHaveLength(3);
    expect(visibleAnswers('owner', 'anna', answers)).toHaveLength(3);
  });
});

describe('a finding’s category and the reason learned', () => {
  it.each([
    ['deliberate', 'He had planned to call back after the holidays', null],
    ['deliberate', null, 'reason_required'],
    ['deliberate', '   ', 'reason_required'],
    ['workload', null, null],
    ['workload', '', null],
    ['missing_information', 'a reason', 'reason_not_applicable'],
    ['unclear_brief', null, null],
    ['tooling', null, null],
    ['communication', null, null],
    ['other', null, null],
  ] as const)('%s with reason %j → %s', (category, reasonLearned, expected) => {
    expect(findingProblem({ category, reasonLearned })).toBe(expected);
  });
});

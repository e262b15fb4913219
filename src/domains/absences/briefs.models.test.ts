import { describe, expect, it } from 'vitest';
import { type BriefContent, briefContentSchema } from '../../contracts/briefs.contracts';
import { checkReadBack, currentAcknowledgement } from './acknowledgements.models';
import { briefContentHash, diffBriefContent, diffList, initialBriefContent, viewerRole } from './briefs.models';

const content = (overrides: Partial<BriefContent> = {}): BriefContent =>
  briefContentSchema.parse({
    situation: 'Go-live moved to 14 January; the client must approve the new date.',
    keyFacts: ['CFO decides', 'Budget approved'],
    nextSteps: [{ text: 'Send the new timeline', due: '2026-07-20' }],
    faq: [{ question: 'When is the go-live?', answer: '14 January, once Giulia approves it.' }],
    ...overrides,
  });

describe('briefContentHash', () => {
  it('is the same for the same content in another key order and whitespace', () => {
    const a = content();
    const reordered = JSON.parse(
      `{ "faq": [ { "answer": "14 January, once Giulia approves it.", "question": "When is the go-live?" } ],
         "nextSteps": [ { "due": "2026-07-20", "text": "Send the new timeline" } ],
         "keyFacts": [ "CFO decides", "Budget approved" ],
         "situation": "Go-live moved to 14 January; the client must approve the new date." }`,
    );
    expect(briefContentHash(briefContentSchema.parse(reordered))).toBe(briefContentHash(a));
    expect(briefContentHash(a)).toMatch(/^[0-9a-f]{64}$/);
  });

  it.each([
    ['a word of the situation', { situation: 'Go-live moved to 15 January; the client must approve the new date.' }],
    ['a due date', { nextSteps: [{ text: 'Send the new timeline', due: '2026-07-21' }] }],
    ['the order of a list', { keyFacts: ['Budget approved', 'CFO decides'] }],
    ['an added do', { dos: ['Call Giulia first'] }],
    ['a FAQ answer', { faq: [{ question: 'When is the go-live?', answer: '15 January.' }] }],
  ])('changes with %s', (_name, change) => {
    expect(briefContentHash(content(change))).not.toBe(briefContentHash(content()));
  });
});

describe('diffBriefContent', () => {
  it('reports text fields and list items that changed, field by field', () => {
    const before = content();
    const after = content({
      keyFacts: ['CFO decides', 'Budget approved', 'New agency pitching'],
      nextSteps: [{ text: 'Send the new timeline', due: '2026-07-22' }],
    });
    const diff = diffBriefContent(before, after);
    const byField = Object.fromEntries(diff.map((field) => [field.field, field]));
    expect(byField.situation?.changed).toBe(false);
    expect(byField.keyFacts).toMatchObject({ changed: true });
    expect(byField.keyFacts?.type === 'list' && byField.keyFacts.items.map((item) => item.kind)).toEqual(['same', 'same', 'added']);
    expect(byField.nextSteps?.type === 'list' && byField.nextSteps.items.map((item) => item.kind)).toEqual(['changed']);
    expect(diff.filter((field) => field.changed).map((field) => field.field)).toEqual(['keyFacts', 'nextSteps']);
  });

  it.each([
    [
      ['a', 'b', 'c'],
      ['a', 'c'],
      ['same', 'removed', 'same'],
    ],
    [['a'], ['x', 'a'], ['added', 'same']],
    [
      ['a', 'b'],
      ['a', 'B'],
      ['same', 'changed'],
    ],
    [[], ['a'], ['added']],
    [['a', 'b'], ['c'], ['changed', 'removed']],
  ])('aligns list %j → %j as %j', (before, after, kinds) => {
    expect(diffList(before, after).map((item) => item.kind)).toEqual(kinds);
  });
});

describe('checkReadBack', () => {
  it.each([
    ['', { ok: false, reason: 'missing' }],
    ['   ', { ok: false, reason: 'missing' }],
    ['ok, no problem', { ok: false, reason: 'too_short' }],
    ['ok ok ok ok ok ok ok ok ok ok ok ok ok ok ok ok', { ok: false, reason: 'too_few_words' }],
    ['.... .... .... .... .... .... .... .... .... ....', { ok: false, reason: 'too_few_words' }],
    [
      'Go-live moved to 14 January; I call Giulia on Monday to get the new date approved.',
      { ok: true, text: 'Go-live moved to 14 January; I call Giulia on Monday to get the new date approved.' },
    ],
  ])('%j → %j', (input, expected) => {
    expect(checkReadBack(input)).toEqual(expected);
  });
});

describe('currentAcknowledgement', () => {
  const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 9, minute));
  const rows = [
    { id: 'old-version', delegateId: 'p', version: 1, readBackStatus: 'accepted' as const, supersededAt: at(5), acknowledgedAt: at(1) },
    { id: 'first', delegateId: 'p', version: 2, readBackStatus: 'asked_again' as const, supersededAt: null, acknowledgedAt: at(6) },
    { id: 'second', delegateId: 'p', version: 2, readBackStatus: 'pending' as const, supersededAt: null, acknowledgedAt: at(8) },
    { id: 'backup', delegateId: 'b', version: 2, readBackStatus: 'pending' as const, supersededAt: null, acknowledgedAt: at(7) },
  ];
  it('is the latest, not superseded acknowledgement of the current version by that delegate', () => {
    expect(currentAcknowledgement(rows, 'p', 2)?.id).toBe('second');
    expect(currentAcknowledgement(rows, 'b', 2)?.id).toBe('backup');
    expect(currentAcknowledgement(rows, 'p', 3)).toBeNull();
    expect(currentAcknowledgement(rows, 'p', 0)).toBeNull();
  });
});

describe('initialBriefContent and viewerRole', () => {
  it('starts from the previous brief, else the template, else empty', () => {
    const previous = content({ situation: 'last summer' });
    const template = content({ situation: 'template' });
    expect(initialBriefContent({ previous: { latestVersionContent: previous, draft: template }, template }).source).toBe('previous_brief');
    expect(initialBriefContent({ previous: { latestVersionContent: null, draft: previous }, template }).content.situation).toBe(
      'last summer',
    );
    expect(initialBriefContent({ previous: null, template }).content.situation).toBe('template');
    expect(initialBriefContent({ previous: null, template: null })).toMatchObject({ source: 'empty', content: { situation: '' } });
  });

  it.each([
    ['o', 'owner'],
    ['p', 'primary'],
    ['b', 'backup'],
    ['m', 'manager'],
    ['x', 'none'],
  ])('%s is %s', (userId, role) => {
    expect(viewerRole({ ownerId: 'o', primaryDelegateId: 'p', backupDelegateId: 'b', managerId: 'm' }, userId)).toBe(role);
  });
});

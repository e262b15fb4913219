import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { dueState, formatDuration } from '../../web/src/features/coverage/components/due';
import en from '../../web/src/features/coverage/locales/en.json';
import it_ from '../../web/src/features/coverage/locales/it.json';

// The console's countdown wording, with the real locale files, as the web UI loads them (under `coverage`).
const i18n = i18next.createInstance();
beforeAll(async () => {
  await i18n.init({
    resources: { en: { translation: { coverage: en } }, it: { translation: { coverage: it_ } } },
    lng: 'en',
    interpolation: { escapeValue: false },
  });
});

const now = Date.parse('2026-12-01T10:00:00Z');
const at = (minutes: number) => new Date(now + minutes * 60_000).toISOString();
const open = (dueIn: number | null, warnIn: number | null = null) => ({
  state: 'open' as const,
  dueAt: dueIn === null ? null : at(dueIn),
  warnAt: warnIn === null ? null : at(warnIn),
  firstResponseAt: null,
});

describe('the console countdown', () => {
  it.each([
    [35, '35 min', '35 min'],
    [60, '1 h', '1 h'],
    [80, '1 h 20 min', '1 h 20 min'],
    [47 * 60 + 59, '47 h 59 min', '47 h 59 min'],
    [48 * 60, '2 days', '2 giorni'],
    [(24 * 3 + 4) * 60, '3 days 4 h', '3 giorni 4 h'],
    [0.2, '1 min', '1 min'],
  ])('writes %s minutes as "%s" in English and "%s" in Italian', (minutes, english, italian) => {
    expect(formatDuration(i18n.getFixedT('en'), minutes * 60_000)).toBe(english);
    expect(formatDuration(i18n.getFixedT('it'), minutes * 60_000)).toBe(italian);
  });

  it.each([
    ['due later', open(80, 40), { tone: 'neutral', en: 'due in 1 h 20 min', it: 'scade tra 1 h 20 min' }],
    ['past the warning', open(80, -5), { tone: 'warning', en: 'due in 1 h 20 min', it: 'scade tra 1 h 20 min' }],
    ['overdue', open(-35, -80), { tone: 'danger', en: 'overdue by 35 min', it: 'in ritardo di 35 min' }],
    ['due this minute', open(0.5), { tone: 'danger', en: 'due now', it: 'scade ora' }],
    [
      'answered already',
      { ...open(-35), firstResponseAt: at(-60) },
      { tone: 'success', en: 'First answer sent', it: 'Prima risposta inviata' },
    ],
  ])('a contact %s', (_, contact, expected) => {
    expect(dueState(i18n.getFixedT('en'), contact, now)).toEqual({ tone: expected.tone, text: expected.en });
    expect(dueState(i18n.getFixedT('it'), contact, now)).toEqual({ tone: expected.tone, text: expected.it });
  });

  it('has no countdown without a deadline or once closed', () => {
    expect(dueState(i18n.getFixedT('en'), open(null), now)).toBeNull();
    expect(dueState(i18n.getFixedT('en'), { ...open(30), state: 'closed' }, now)).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { composeAutoReplyBody } from './absences.models';
import { canManageStatusLinks, type StatusLinkRefusal, statusLinkExpiry, statusLinkRefusal, tallyStatusLinks } from './status-links.models';

const at = (iso: string) => new Date(iso);
const absence = {
  startsAt: at('2026-03-01T00:00:00Z'),
  endsAt: at('2026-03-16T00:00:00Z'),
  returnedAt: null as Date | null,
  statusLinkEnabled: true,
  state: 'active',
  startedAt: at('2026-03-01T00:00:00Z') as Date | null,
};

describe('statusLinkExpiry', () => {
  it('is 7 days after the planned end', () => {
    expect(statusLinkExpiry(absence)).toEqual(at('2026-03-23T00:00:00Z'));
  });
  it('is 7 days after an early return', () => {
    expect(statusLinkExpiry({ ...absence, returnedAt: at('2026-03-10T12:00:00Z') })).toEqual(at('2026-03-17T12:00:00Z'));
  });
  it('ignores a return recorded after the planned end (the end job ran late)', () => {
    expect(statusLinkExpiry({ ...absence, returnedAt: at('2026-03-16T02:00:00Z') })).toEqual(at('2026-03-23T00:00:00Z'));
  });
});

describe('statusLinkRefusal', () => {
  const link = { revokedAt: null as Date | null };
  const cases: { name: string; input: Parameters<typeof statusLinkRefusal>[0]; expected: StatusLinkRefusal | null }[] = [
    { name: 'shows a link in force during the absence', input: { link, absence, now: at('2026-03-05T00:00:00Z') }, expected: null },
    { name: 'shows it after the return, within 7 days', input: { link, absence, now: at('2026-03-22T23:59:59Z') }, expected: null },
    { name: 'refuses it from 7 days after the return', input: { link, absence, now: at('2026-03-23T00:00:00Z') }, expected: 'expired' },
    { name: 'refuses an unknown token', input: { link: null, absence: null, now: at('2026-03-05T00:00:00Z') }, expected: 'unknown' },
    {
      name: 'refuses a revoked link',
      input: { link: { revokedAt: at('2026-03-04T00:00:00Z') }, absence, now: at('2026-03-05T00:00:00Z') },
      expected: 'revoked',
    },
    {
      name: 'refuses every link while the absence has it switched off',
      input: { link, absence: { ...absence, statusLinkEnabled: false }, now: at('2026-03-05T00:00:00Z') },
      expected: 'disabled',
    },
    {
      name: 'refuses the links of a plan cancelled before it started',
      input: { link, absence: { ...absence, state: 'closed', startedAt: null }, now: at('2026-03-05T00:00:00Z') },
      expected: 'disabled',
    },
  ];
  it.each(cases)('$name', ({ input, expected }) => {
    expect(statusLinkRefusal(input)).toBe(expected);
  });
});

describe('canManageStatusLinks', () => {
  const people = { ownerId: 'O', managerId: 'M' };
  it.each([
    { user: { id: 'O', role: 'member' as const }, expected: true },
    { user: { id: 'M', role: 'manager' as const }, expected: true },
    { user: { id: 'A', role: 'admin' as const }, expected: true },
    { user: { id: 'D', role: 'member' as const }, expected: false },
    { user: { id: 'X', role: 'manager' as const }, expected: false },
  ])('$user.id ($user.role) → $expected', ({ user, expected }) => {
    expect(canManageStatusLinks(user, people)).toBe(expected);
  });
});

describe('tallyStatusLinks', () => {
  it('counts links, links in force, views and the last view per client, covered clients without links included', () => {
    const links = [
      { clientId: 'A', revokedAt: null, viewCount: 2, lastViewedAt: at('2026-03-03T00:00:00Z') },
      { clientId: 'A', revokedAt: at('2026-03-04T00:00:00Z'), viewCount: 1, lastViewedAt: at('2026-03-04T00:00:00Z') },
      { clientId: 'C', revokedAt: null, viewCount: 0, lastViewedAt: null },
    ];
    expect(tallyStatusLinks(['A', 'B'], links)).toEqual([
      { clientId: 'A', links: 2, activeLinks: 1, views: 3, lastViewedAt: at('2026-03-04T00:00:00Z') },
      { clientId: 'B', links: 0, activeLinks: 0, views: 0, lastViewedAt: null },
      { clientId: 'C', links: 1, activeLinks: 1, views: 0, lastViewedAt: null },
    ]);
  });
});

describe('composeAutoReplyBody', () => {
  const values = { delegate_name: 'Sara', delegate_email: 'sara@x.example', delegate_phone: '', return_date: '16 March' };
  const url = 'https://baton.example/status/abc';
  it('puts the link where the placeholder stands', () => {
    expect(composeAutoReplyBody('Ask {{delegate_name}}. Status: {{ status_link }}', values, url, 'en')).toBe(`Ask Sara. Status: ${url}`);
  });
  it('appends a line in the reply’s language when the text has no placeholder', () => {
    expect(composeAutoReplyBody('Ask {{delegate_name}}.\n', values, url, 'en')).toBe(`Ask Sara.\n\nStatus of your requests: ${url}`);
    expect(composeAutoReplyBody('Scriva a {{delegate_name}}.', values, url, 'it')).toBe(
      `Scriva a Sara.\n\nLo stato delle sue richieste: ${url}`,
    );
  });
  it('renders the placeholder empty and appends nothing without a link', () => {
    expect(composeAutoReplyBody('Ask {{delegate_name}}. {{status_link}}', values, null, 'en')).toBe('Ask Sara.');
    expect(composeAutoReplyBody('Ask {{delegate_name}}.', values, null, 'it')).toBe('Ask Sara.');
  });
});

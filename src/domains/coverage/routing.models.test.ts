import { describe, expect, it } from 'vitest';
import { type RoutingFacts, routeMessage } from './routing.models';

const base: RoutingFacts = {
  message: { status: 'ingested', absenceId: 'absence', autoReplyReason: 'personal-message' },
  absence: { state: 'active' },
  alreadyRouted: false,
  openContactInThread: null,
};

describe('routing an ingested message', () => {
  it.each<[string, Partial<RoutingFacts>, ReturnType<typeof routeMessage>]>([
    ['a client writes during an active absence: a new contact', {}, { action: 'new-contact' }],
    [
      'a late reply in a thread with an open contact joins it',
      { openContactInThread: { id: 'contact-1' } },
      { action: 'join', contactId: 'contact-1' },
    ],
    ['a thread whose contact was closed is reopened: a new contact', { openContactInThread: null }, { action: 'new-contact' }],
    [
      'an unknown sender is routed too (to the triage list)',
      { message: { ...base.message, autoReplyReason: 'unknown-sender' } },
      { action: 'new-contact' },
    ],
    [
      'a sender already auto-replied to is still routed',
      { message: { ...base.message, autoReplyReason: 'already-replied' } },
      { action: 'new-contact' },
    ],
    [
      'a Bcc copy (implicit delivery) is routed',
      { message: { ...base.message, autoReplyReason: 'implicit-delivery' } },
      { action: 'new-contact' },
    ],
    [
      'a mailing list is not put in front of the delegate',
      { message: { ...base.message, autoReplyReason: 'list-header' } },
      { action: 'skip', reason: 'automated' },
    ],
    [
      'another auto-reply is not either',
      { message: { ...base.message, autoReplyReason: 'auto-submitted' } },
      { action: 'skip', reason: 'automated' },
    ],
    ['nor a bounce', { message: { ...base.message, autoReplyReason: 'null-sender' } }, { action: 'skip', reason: 'automated' }],
    [
      'a quarantined message waits for an admin',
      { message: { ...base.message, status: 'quarantined' } },
      { action: 'skip', reason: 'quarantined' },
    ],
    [
      'mail outside any absence is not coverage work',
      { message: { ...base.message, absenceId: null }, absence: null },
      { action: 'skip', reason: 'no-absence' },
    ],
    [
      'an absence not started (or over) routes nothing',
      { absence: { state: 'returned' } },
      { action: 'skip', reason: 'absence-not-active' },
    ],
    ['a message routed before is never routed twice', { alreadyRouted: true }, { action: 'skip', reason: 'already-routed' }],
  ])('%s', (_name, overrides, expected) => {
    expect(routeMessage({ ...base, ...overrides })).toEqual(expected);
  });
});

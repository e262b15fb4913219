import { type CoverageFixtureOptions, coverageFixture } from '../coverage/setup';
import type { TestBaton } from '../support/test-baton';

/**
 * The coverage fixture's absence with two clients in trouble of different kinds: Vini Lucchesi asks about an invoice
 * and is answered within the hour; Orsini (key account) writes twice in one thread and is never answered, and the
 * delegate had nothing to tell her on a call (`no_information`, confirmed against the acknowledged brief).
 */
export async function absenceWithTroubledClients(t: TestBaton, options: CoverageFixtureOptions = {}) {
  const f = await coverageFixture(t, options);
  const invoice = await f.receive({ from: 'luca@vinilucchesi.example', subject: 'Invoice', body: 'Could you resend the March invoice?' });
  t.clock.advance(40 * 60_000);
  await f.sessions.primary.request('POST', `/api/coverage/contacts/${invoice.contactId}/replies`, { body: 'Resent, see attachment.' });
  await f.sessions.primary.request('POST', `/api/coverage/contacts/${invoice.contactId}/outcome`, { outcome: 'answered' });
  const first = await f.receive({ from: 'Giulia Orsini <giulia@orsini.example>', subject: 'Go-live', body: 'When is the go-live now?' });
  t.clock.advance(2 * 3_600_000);
  const second = await f.receive({
    from: 'Giulia Orsini <giulia@orsini.example>',
    subject: 'Re: Go-live',
    body: 'Still waiting for an answer.',
    inReplyTo: first.messageId,
  });
  const call = await f.sessions.primary.request('POST', '/api/coverage/calls', {
    kind: 'call',
    clientId: f.keyClient.id,
    with: 'Giulia Orsini',
    occurredAt: t.clock.now().toISOString(),
    summary: 'She asked for the new go-live date; I had no information.',
  });
  await f.sessions.primary.request('POST', `/api/coverage/contacts/${call.json().id}/outcome`, {
    outcome: 'no_information',
    note: 'No details on the new date were left.',
    confirmAcknowledgedBrief: true,
  });
  return { ...f, giuliaMessageId: second.messageId };
}

import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { retryDelayMs } from '../../platform/jobs/jobs';
import { attemptOutcome, checkWebhookUrl, webhookEventOf, webhookSignature } from './webhooks.models';

describe('which audit events are webhook events', () => {
  it.each([
    ['absence.started', {}, 'absence.started'],
    ['absence.returned', { early: true }, 'absence.returned'],
    ['coverage.escalated', { rule: 'sla_breach' }, 'coverage.escalation_raised'],
    ['coverage.outcome_recorded', { outcome: 'no_information' }, 'coverage.no_information'],
    ['coverage.outcome_recorded', { outcome: 'answered' }, null],
    ['client.status_changed', { from: 'at_risk', to: 'lost' }, 'client.lost'],
    ['client.status_changed', { from: 'lost', to: 'won_back' }, 'client.won_back'],
    ['client.status_changed', { from: 'lost', to: 'active' }, null],
    ['client.status_changed', { from: 'active', to: 'at_risk' }, null],
    ['absence.started_with_gap', {}, null],
    ['auth.login', {}, null],
    ['webhook.created', {}, null],
  ])('%s %j → %s', (action, data, expected) => {
    expect(webhookEventOf({ action, data })).toBe(expected);
  });
});

describe('which URLs may receive webhooks', () => {
  const strict = { allowPrivate: false };
  const open = { allowPrivate: true };
  it.each([
    ['https://hooks.example.com/baton', strict, { url: 'https://hooks.example.com/baton' }],
    ['  https://hooks.example.com/baton?x=1#frag ', strict, { url: 'https://hooks.example.com/baton?x=1' }],
    ['https://8.8.8.8/hook', strict, { url: 'https://8.8.8.8/hook' }],
    ['not a url', strict, { problem: 'malformed' }],
    ['hooks.example.com/baton', strict, { problem: 'malformed' }],
    ['ftp://hooks.example.com/', strict, { problem: 'scheme' }],
    ['file:///etc/passwd', strict, { problem: 'scheme' }],
    ['javascript:alert(1)', strict, { problem: 'scheme' }],
    ['http://hooks.example.com/baton', strict, { problem: 'http' }],
    ['https://user:pass@hooks.example.com/', strict, { problem: 'credentials' }],
    ['https://127.0.0.1/hook', strict, { problem: 'private' }],
    ['https://2130706433/hook', strict, { problem: 'private' }],
    ['https://[::1]:8443/hook', strict, { problem: 'private' }],
    ['https://10.0.0.5/hook', strict, { problem: 'private' }],
    ['https://169.254.169.254/latest/meta-data', strict, { problem: 'private' }],
    ['https://localhost/hook', strict, { problem: 'private' }],
    ['https://api.localhost./hook', strict, { problem: 'private' }],
    ['http://127.0.0.1:4000/hook', open, { url: 'http://127.0.0.1:4000/hook' }],
    ['https://user@127.0.0.1/', open, { problem: 'credentials' }],
    ['gopher://127.0.0.1/', open, { problem: 'scheme' }],
  ])('%s (%j) → %j', (text, options, expected) => {
    expect(checkWebhookUrl(text, options)).toEqual(expected);
  });
});

describe('the signature header', () => {
  it('is the HMAC-SHA256 of "<t>.<body>" with the secret, hex, after the timestamp', () => {
    const body = '{"id":"evt_1"}';
    const expected = createHmac('sha256', 'whsec_test').update(`1767225600.${body}`).digest('hex');
    expect(webhookSignature('whsec_test', 1767225600, body)).toBe(`t=1767225600,v1=${expected}`);
  });

  it('changes with the timestamp, so an old signature does not fit a new time', () => {
    expect(webhookSignature('s', 1, 'b')).not.toBe(webhookSignature('s', 2, 'b').replace('t=2', 't=1'));
  });
});

describe('what one delivery attempt leaves behind', () => {
  const now = new Date('2026-03-02T09:00:00Z');
  const at = (attempt: number, maxAttempts = 12) => ({ attempt, maxAttempts, now, retryDelayMs });
  it.each([
    [{ statusCode: 200 }, at(1), { status: 'delivered', lastStatusCode: 200, lastError: null, nextAttemptAt: null }],
    [{ statusCode: 204 }, at(12), { status: 'delivered', lastStatusCode: 204, lastError: null, nextAttemptAt: null }],
    [
      { statusCode: 500 },
      at(1),
      { status: 'pending', lastStatusCode: 500, lastError: 'HTTP 500', nextAttemptAt: '2026-03-02T09:00:05.000Z' },
    ],
    [
      { statusCode: 410 },
      at(3),
      { status: 'pending', lastStatusCode: 410, lastError: 'HTTP 410', nextAttemptAt: '2026-03-02T09:00:20.000Z' },
    ],
    [
      { statusCode: 302, location: 'https://elsewhere.example/' },
      at(1),
      {
        status: 'pending',
        lastStatusCode: 302,
        lastError: 'HTTP 302: redirect to https://elsewhere.example/ not followed',
        nextAttemptAt: '2026-03-02T09:00:05.000Z',
      },
    ],
    [
      { error: 'ECONNREFUSED' },
      at(2),
      { status: 'pending', lastStatusCode: null, lastError: 'ECONNREFUSED', nextAttemptAt: '2026-03-02T09:00:10.000Z' },
    ],
    [{ statusCode: 503 }, at(12), { status: 'failed', lastStatusCode: 503, lastError: 'HTTP 503', nextAttemptAt: null }],
    [{ error: 'timeout' }, at(1, 1), { status: 'failed', lastStatusCode: null, lastError: 'timeout', nextAttemptAt: null }],
  ])('%j at %j', (result, options, expected) => {
    const outcome = attemptOutcome(result, options);
    expect({ ...outcome, delivered: undefined, nextAttemptAt: outcome.nextAttemptAt?.toISOString() ?? null }).toEqual({
      ...expected,
      delivered: undefined,
    });
    expect(outcome.delivered).toBe(expected.status === 'delivered');
  });
});

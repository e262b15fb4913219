import { describe, expect, it } from 'vitest';
import { afterIngestFailure, pollShouldSync, reconnectDelayMs, storedPasswordReusable, tooLargeReason } from './imap.models';

describe('reconnect backoff', () => {
  const timing = { baseMs: 1_000, maxMs: 60_000 };
  it.each([
    ['the first retry, no jitter drawn', 1, 0, 500],
    ['the first retry, full jitter drawn', 1, 1, 1_000],
    ['doubles with each failure', 3, 0, 2_000],
    ['doubles with each failure (upper end)', 3, 1, 4_000],
    ['is capped', 10, 1, 60_000],
    ['stays capped far beyond (no overflow)', 5_000, 0.5, 45_000],
    ['a random value out of range is clamped', 1, 7, 1_000],
    ['zero failures is treated as the first', 0, 1, 1_000],
  ])('%s', (_name, failures, random, expected) => {
    expect(reconnectDelayMs(failures, random, timing)).toBe(expected);
  });

  it('never waits less than half the ceiling nor more than the cap, whatever the draw', () => {
    for (let failures = 1; failures < 40; failures += 1) {
      for (const random of [0, 0.25, 0.5, 0.99, 1]) {
        const delay = reconnectDelayMs(failures, random, timing);
        const ceiling = Math.min(60_000, 1_000 * 2 ** (failures - 1));
        expect(delay).toBeGreaterThanOrEqual(ceiling / 2);
        expect(delay).toBeLessThanOrEqual(60_000);
      }
    }
  });
});

describe('poison messages', () => {
  it.each([
    [1, 'retry'],
    [2, 'retry'],
    [3, 'give-up'],
    [9, 'give-up'],
  ] as const)('after %i failed attempts: %s', (attempts, expected) => {
    expect(afterIngestFailure(attempts)).toBe(expected);
  });

  it.each([
    ['at the limit', 25 * 1024 * 1024, null],
    ['one byte over', 25 * 1024 * 1024 + 1, 'larger than the 25.0 MiB limit (25.0 MiB): left on the IMAP server, not ingested'],
    ['well over', 40 * 1024 * 1024, 'larger than the 25.0 MiB limit (40.0 MiB): left on the IMAP server, not ingested'],
  ])('a message %s', (_name, size, expected) => {
    expect(tooLargeReason(size, 25 * 1024 * 1024)).toBe(expected);
  });
});

describe('whether the polling job reads a mailbox', () => {
  const now = new Date('2026-03-02T09:00:00Z');
  const later = new Date('2026-03-02T09:01:00Z');
  const earlier = new Date('2026-03-02T08:59:00Z');
  it.each([
    ['a live IDLE watcher covers it', { enabled: true, watchState: 'idle', watchLeaseUntil: later, lastError: null }, false],
    ['no watcher at all', { enabled: true, watchState: null, watchLeaseUntil: null, lastError: null }, true],
    ['the watcher is reconnecting', { enabled: true, watchState: 'reconnecting', watchLeaseUntil: later, lastError: null }, true],
    ['the server has no IDLE', { enabled: true, watchState: 'unsupported', watchLeaseUntil: later, lastError: null }, true],
    ['the watcher’s instance died (lease expired)', { enabled: true, watchState: 'idle', watchLeaseUntil: earlier, lastError: null }, true],
    [
      'the last sync failed (a message waits for another attempt)',
      { enabled: true, watchState: 'idle', watchLeaseUntil: later, lastError: 'x' },
      true,
    ],
    ['paused', { enabled: false, watchState: null, watchLeaseUntil: null, lastError: null }, false],
  ] as const)('%s', (_name, status, expected) => {
    expect(pollShouldSync(status, now)).toBe(expected);
  });
});

describe('reusing the stored password', () => {
  const stored = { host: 'imap.example.com', port: 993, username: 'anna' };
  it.each([
    ['same server and login', stored, true],
    ['host in other letter case', { ...stored, host: 'IMAP.example.com' }, true],
    ['another host', { ...stored, host: 'imap.attacker.example' }, false],
    ['another port', { ...stored, port: 143 }, false],
    ['another login', { ...stored, username: 'luca' }, false],
  ])('%s', (_name, next, expected) => {
    expect(storedPasswordReusable(stored, next)).toBe(expected);
  });
  it('nothing stored yet', () => {
    expect(storedPasswordReusable(null, stored)).toBe(false);
  });
});

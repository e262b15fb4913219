import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../platform/clock/clock';
import type { Principal } from './auth.usecases';
import { createPrincipalCache } from './principal-cache';

const principal = { user: { id: 'u1' }, workspace: { id: 'w1' }, session: { idHash: 'h1', csrfToken: 'c' } } as unknown as Principal;

function setUp() {
  const clock = createManualClock(new Date('2026-03-02T09:00:00Z'));
  let elapsed = 0;
  const cache = createPrincipalCache({ clock, ttlMs: 2000, elapsedMs: () => elapsed });
  let reads = 0;
  let session: { principal: Principal; sessionExpiresAt: Date } | null = {
    principal,
    sessionExpiresAt: new Date('2026-03-02T10:00:00Z'),
  };
  const lookup = () =>
    cache.read('h1', async () => {
      reads += 1;
      return session;
    });
  return {
    clock,
    cache,
    lookup,
    reads: () => reads,
    wait: (ms: number) => {
      elapsed += ms;
    },
    revoke: () => {
      session = null;
    },
  };
}

describe('the principal cache', () => {
  it('answers a cookie seen within the bound from memory, then reads the database again', async () => {
    const t = setUp();
    expect(await t.lookup()).toBe(principal);
    t.wait(1999);
    expect(await t.lookup()).toBe(principal);
    expect(t.reads()).toBe(1);
    t.wait(1);
    await t.lookup();
    expect(t.reads()).toBe(2);
  });

  it('sees a session revoked by another process once the bound has passed', async () => {
    const t = setUp();
    await t.lookup();
    t.revoke();
    t.wait(2000);
    expect(await t.lookup()).toBeNull();
  });

  it('sees a change made by this process at once, after it was committed', async () => {
    const t = setUp();
    await t.lookup();
    t.revoke();
    t.cache.clear();
    expect(await t.lookup()).toBeNull();
  });

  it('never answers for a session past its expiry', async () => {
    const t = setUp();
    await t.lookup();
    t.clock.set(new Date('2026-03-02T10:00:00Z'));
    t.revoke();
    expect(await t.lookup()).toBeNull();
  });

  it('does not keep a lookup that was running while the cache was cleared', async () => {
    const t = setUp();
    let finish: (value: { principal: Principal; sessionExpiresAt: Date }) => void = () => {};
    const running = t.cache.read('h1', () => new Promise((resolve) => (finish = resolve)));
    t.cache.clear();
    finish({ principal, sessionExpiresAt: new Date('2026-03-02T10:00:00Z') });
    expect(await running).toBe(principal);
    t.revoke();
    expect(await t.lookup()).toBeNull();
  });

  it('remembers no unknown or revoked cookie', async () => {
    const t = setUp();
    t.revoke();
    await t.lookup();
    await t.lookup();
    expect(t.reads()).toBe(2);
  });
});

import { describe, expect, it } from 'vitest';
import type { ClientStatus } from '../../contracts/clients.contracts';
import type { CallOutcome } from '../../contracts/recovery.contracts';
import { mayActOnRecovery, mayReadRecovery, statusAfterCall, taskStateAfterCall } from './recovery.models';

describe('what a recovery call does to the client', () => {
  it.each<[CallOutcome, ClientStatus, ClientStatus | null, 'open' | 'done']>([
    ['recovered', 'at_risk', 'active', 'done'],
    ['recovered', 'active', null, 'done'],
    ['recovered', 'lost', 'won_back', 'done'],
    ['recovered', 'won_back', null, 'done'],
    ['still_at_risk', 'active', 'at_risk', 'done'],
    ['still_at_risk', 'at_risk', null, 'done'],
    ['still_at_risk', 'lost', 'at_risk', 'done'],
    ['lost', 'active', 'lost', 'done'],
    ['lost', 'at_risk', 'lost', 'done'],
    ['lost', 'lost', null, 'done'],
    ['no_answer', 'at_risk', null, 'open'],
    ['no_answer', 'lost', null, 'open'],
  ])('%s with a client %s → status %s, task %s', (outcome, current, next, state) => {
    expect(statusAfterCall(outcome, current)).toBe(next);
    expect(taskStateAfterCall(outcome)).toBe(state);
  });
});

describe('who works a recovery task', () => {
  const absence = { ownerId: 'anna', managerId: 'marco' };
  it.each([
    ['the owner', { id: 'anna', role: 'member' }, true, true],
    ['the absence’s manager', { id: 'marco', role: 'member' }, true, false],
    ['a workspace manager', { id: 'lucia', role: 'manager' }, true, false],
    ['an admin', { id: 'root', role: 'admin' }, true, false],
    ['the delegate', { id: 'peter', role: 'member' }, false, false],
  ])('%s: reads %s, acts %s', (_name, user, reads, acts) => {
    expect(mayReadRecovery({ user }, absence)).toBe(reads);
    expect(mayActOnRecovery({ user }, absence)).toBe(acts);
  });
});

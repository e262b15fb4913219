import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Dovecot, startDovecot } from '../support/dovecot';
import { testBackend } from '../support/test-database';
import { waitFor } from '../support/wait-for';
import { imapSettings } from './imap-support';
import { loadMessage, MESSAGES } from './load-mail';
import {
  createLoadScenario,
  expectEachMessageOnceAndOneReplyPerSender,
  type LoadScenario,
  STAGE_TIMEOUT_MS,
  TEST_TIMEOUT_MS,
} from './load-scenario';

const KILLS = 4;

describe('IMAP ingestion killed with SIGKILL and restarted (a real Dovecot, Baton as a process)', () => {
  let dovecot: Dovecot;
  let scenario: LoadScenario;

  beforeAll(async () => {
    dovecot = await startDovecot();
    scenario = await createLoadScenario((t, world) =>
      t.deps.mail.imap.configureImap(world.workspace.id, world.mailbox.id, imapSettings(dovecot), null),
    );
    // The mailbox as the owner left it: 1,000 messages that arrived over the last 1,000 seconds.
    const now = Date.now();
    await dovecot.deliver(
      Array.from({ length: MESSAGES }, (_, index) => ({
        raw: loadMessage(index, { returnPath: true }),
        arrivedAt: new Date(now - (MESSAGES - index) * 1000),
      })),
    );
  });
  afterAll(async () => {
    await scenario?.cleanup();
    await dovecot?.stop();
  });

  const env = () =>
    scenario.env({
      // Polling reads while no IDLE watcher holds the mailbox (after a kill, until its lease is taken over).
      IMAP_POLL_SECONDS: '5',
      // PostgreSQL cannot tell a killed instance from a live one, so the watcher lease of the killed one must
      // run out (60 s in production): shortened here. On PGlite the data-directory lock tells Baton at start.
      ...(testBackend === 'postgresql' ? { BATON_TEST_IMAP_LEASE_MS: '3000' } : {}),
    });

  it('stores each of the 1,000 messages once and answers each of the 200 senders once, however often Baton is killed', {
    timeout: TEST_TIMEOUT_MS,
  }, async () => {
    const killedPids: number[] = [];
    // Kill k at a random point of its share of the work: storing 1,000 messages, then deciding 1,000 auto-replies.
    const work = 2 * MESSAGES;
    for (let kill = 0; kill < KILLS; kill += 1) {
      const threshold = Math.round(((kill + 0.15 + Math.random() * 0.7) / (KILLS + 1)) * work);
      const baton = await scenario.start(env());
      await waitFor(
        async () => {
          const { stored, decided } = await scenario.progress(baton);
          return stored + decided >= threshold;
        },
        `progress to ${threshold} of ${work}`,
        STAGE_TIMEOUT_MS,
      );
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 300));
      expect(await baton.kill()).toBe('SIGKILL');
      killedPids.push(baton.pid);
    }

    const baton = await scenario.start(env());
    await scenario.settled(baton, killedPids);
    expect(await baton.stop()).toBe('exit 0');

    const outcome = await scenario.outcome(killedPids);
    expectEachMessageOnceAndOneReplyPerSender(outcome);
    // Dovecot numbered the messages 1…1000; the checkpoint reached the last, with no error left.
    expect(outcome.checkpoint).toEqual({ lastUid: String(MESSAGES), lastError: null });
  });
});

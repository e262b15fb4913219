import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInOverHttp } from '../support/baton-process';
import { type Dovecot, startDovecot } from '../support/dovecot';
import { TEST_PASSWORD } from '../support/test-baton';
import { testBackend } from '../support/test-database';
import { waitFor } from '../support/wait-for';
import { imapSettings } from './imap-support';
import { loadMessage, MESSAGES } from './load-mail';
import { createLoadScenario, expectEachMessageOnceAndOneReplyPerSender, type LoadScenario, TEST_TIMEOUT_MS } from './load-scenario';

const CHUNKS = 4;

describe.skipIf(testBackend !== 'postgresql')(
  'two Baton processes on one PostgreSQL reading one IMAP mailbox (PostgreSQL only: an embedded database belongs to one process)',
  () => {
    let dovecot: Dovecot;
    let scenario: LoadScenario;

    beforeAll(async () => {
      dovecot = await startDovecot();
      scenario = await createLoadScenario((t, world) =>
        t.deps.mail.imap.configureImap(world.workspace.id, world.mailbox.id, imapSettings(dovecot), null),
      );
    });
    afterAll(async () => {
      await scenario?.cleanup();
      await dovecot?.stop();
    });

    it('stores each of the 1,000 messages once and answers each sender once, while both read the mailbox at once', {
      timeout: TEST_TIMEOUT_MS,
    }, async () => {
      // Both poll every 5 s (the minimum) beside the one IDLE watcher, and both are asked to sync now, over and over.
      const env = scenario.env({ IMAP_POLL_SECONDS: '5' });
      const instances = await Promise.all([scenario.start(env), scenario.start(env)]);
      const api = await signInOverHttp(instances[0].url, scenario.world.admin.email, TEST_PASSWORD);
      const failures: string[] = [];
      const syncNow = (url: string) =>
        api<{ status: 'synced' | 'busy' | 'failed'; fetched: number; ingested: number; error?: string }>(
          url,
          'POST',
          `/api/mail/mailboxes/${scenario.world.mailbox.id}/sync`,
        );
      let delivering = true;
      const keepSyncing = async (url: string) => {
        while (delivering) {
          const result = await syncNow(url);
          if (result.status === 'failed') failures.push(result.error ?? 'failed');
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      };
      const hammering = Promise.all(instances.map((instance) => keepSyncing(instance.url)));
      try {
        // Mail keeps arriving while they read: four deliveries of 250 messages, each as the previous is being read.
        for (let chunk = 0; chunk < CHUNKS; chunk += 1) {
          const first = (chunk * MESSAGES) / CHUNKS;
          const indexes = Array.from({ length: MESSAGES / CHUNKS }, (_, offset) => first + offset);
          await dovecot.deliver(
            indexes.map((index) => ({
              raw: loadMessage(index, { returnPath: true }),
              arrivedAt: new Date(Date.now() - (MESSAGES - index) * 1000),
            })),
          );
          const reading = first + MESSAGES / CHUNKS / 2;
          await scenario.waitForStored(instances[0], reading);
        }
        await scenario.waitForStored(instances[0], MESSAGES);
      } finally {
        delivering = false;
        await hammering;
      }
      // A sync asked for while another reads is told "busy" and reads nothing; none failed.
      expect(failures).toEqual([]);
      // Once all is read, a sync on either instance finds nothing new: the checkpoint is shared.
      for (const instance of instances) {
        const result = await waitFor(async () => {
          const attempt = await syncNow(instance.url);
          return attempt.status === 'busy' ? null : attempt;
        }, 'a sync that is not busy');
        expect(result).toMatchObject({ status: 'synced', fetched: 0, ingested: 0 });
      }
      await scenario.settled(instances[0], []);
      for (const instance of instances) expect(await instance.stop()).toBe('exit 0');

      const outcome = await scenario.outcome([]);
      expectEachMessageOnceAndOneReplyPerSender(outcome);
      expect(outcome.checkpoint).toEqual({ lastUid: String(MESSAGES), lastError: null });
    });
  },
);

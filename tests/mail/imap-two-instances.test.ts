import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInOverHttp } from '../support/baton-process';
import { type Dovecot, startDovecot } from '../support/dovecot';
import { TEST_PASSWORD } from '../support/test-baton';
import { testBackend } from '../support/test-database';
import { imapSettings } from './imap-support';
import { loadMessage, MESSAGES } from './load-mail';
import { createLoadScenario, expectEachMessageOnceAndOneReplyPerSender, type LoadScenario } from './load-scenario';

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
      timeout: 180_000,
    }, async () => {
      // Both poll every 5 s (the minimum) besides the one IDLE watcher, and both are asked to sync now, over and over.
      const env = scenario.env({ IMAP_POLL_SECONDS: '5' });
      const instances = await Promise.all([scenario.start(env), scenario.start(env)]);
      const api = await signInOverHttp(instances[0].url, scenario.world.admin.email, TEST_PASSWORD);
      const syncs = { synced: 0, busy: 0 };
      let delivering = true;
      const syncNow = async (url: string) => {
        while (delivering) {
          const result = await api<{ status: 'synced' | 'busy' | 'failed' }>(
            url,
            'POST',
            `/api/mail/mailboxes/${scenario.world.mailbox.id}/sync`,
          );
          if (result.status === 'synced') syncs.synced += 1;
          if (result.status === 'busy') syncs.busy += 1;
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      };
      const hammering = Promise.all(instances.map((instance) => syncNow(instance.url)));
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
      // Asked while the watcher and the polls read, a sync either read or found the mailbox taken ("busy").
      expect(syncs.synced).toBeGreaterThan(0);
      console.log(syncs);
      await scenario.settled(instances[0], []);
      for (const instance of instances) expect(await instance.stop()).toBe('exit 0');

      const outcome = await scenario.outcome([]);
      expectEachMessageOnceAndOneReplyPerSender(outcome);
      expect(outcome.checkpoint).toEqual({ lastUid: String(MESSAGES), lastError: null });
    });
  },
);

import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BatonProcess } from '../support/baton-process';
import { freePort } from '../support/free-port';
import { testBackend } from '../support/test-database';
import { waitFor } from '../support/wait-for';
import { envelopeOf, loadMessage, MESSAGES } from './load-mail';
import {
  createLoadScenario,
  expectEachMessageOnceAndOneReplyPerSender,
  type LoadScenario,
  STAGE_TIMEOUT_MS,
  TEST_TIMEOUT_MS,
} from './load-scenario';

const KILLS = 3;
const CONNECTIONS = 2;

/**
 * What a mail server does with a queue of messages for Baton: deliver over SMTP (nodemailer, a few connections at
 * once), each message done only once Baton answered 250; any failure (connection refused or cut by a kill, a 4xx)
 * puts it back to be sent again a moment later. Runs until every message is acknowledged.
 */
function deliverWithRetries(port: number, indexes: number[]) {
  const queue = [...indexes];
  const tally = { acknowledged: 0, failedAttempts: 0 };
  const transport = nodemailer.createTransport({
    host: '127.0.0.1',
    port,
    secure: false,
    ignoreTLS: true,
    pool: true,
    maxConnections: CONNECTIONS,
    connectionTimeout: 5_000,
    greetingTimeout: 5_000,
    socketTimeout: 30_000,
  });
  const worker = async () => {
    for (let index = queue.shift(); index !== undefined; index = queue.shift()) {
      try {
        await transport.sendMail({ raw: loadMessage(index), envelope: envelopeOf(index) });
        tally.acknowledged += 1;
      } catch {
        tally.failedAttempts += 1;
        queue.unshift(index);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }
  };
  const done = Promise.all(Array.from({ length: CONNECTIONS }, worker)).finally(() => transport.close());
  return { tally, done };
}

// On PostgreSQL only, to keep CI within its time: a kill -9 on the embedded database is the IMAP crash test's
// (tests/mail/ingestion-crash.test.ts runs on both backends); what this one adds, a sender re-sending what a kill
// cut off, is recognised by the same unique keys on either backend.
describe.skipIf(testBackend !== 'postgresql')(
  'the SMTP endpoint killed with SIGKILL mid-delivery and restarted (nodemailer delivering, Baton as a process)',
  () => {
    let scenario: LoadScenario;
    let port: number;

    beforeAll(async () => {
      port = await freePort();
      scenario = await createLoadScenario(async () => {});
    });
    afterAll(async () => {
      await scenario?.cleanup();
    });

    it('stores each of the 1,000 messages once and answers each of the 200 senders once; what a kill cut off is re-sent and recognised', {
      timeout: TEST_TIMEOUT_MS,
    }, async () => {
      const env = scenario.env({ SMTP_INBOUND_PORT: String(port) });
      const killedPids: number[] = [];
      let baton: BatonProcess = await scenario.start(env);
      const delivery = deliverWithRetries(
        port,
        Array.from({ length: MESSAGES }, (_, index) => index),
      );
      for (let kill = 0; kill < KILLS; kill += 1) {
        // A random moment of its share of the deliveries.
        const threshold = Math.round(((kill + 0.15 + Math.random() * 0.7) / (KILLS + 1)) * MESSAGES);
        await waitFor(() => delivery.tally.acknowledged >= threshold, `${threshold} messages acknowledged`, STAGE_TIMEOUT_MS);
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 100));
        expect(await baton.kill()).toBe('SIGKILL');
        killedPids.push(baton.pid);
        // Down for a moment: the sender's attempts fail meanwhile and wait in its queue.
        baton = await scenario.start(env);
      }
      await delivery.done;
      // Every kill cut at least one delivery short; each was sent again.
      expect(delivery.tally.failedAttempts).toBeGreaterThanOrEqual(KILLS);
      await scenario.settled(baton, killedPids);
      expect(await baton.stop()).toBe('exit 0');

      const outcome = await scenario.outcome(killedPids);
      expectEachMessageOnceAndOneReplyPerSender(outcome);
    });
  },
);

// What the crash and load tests share: a database on the backend under test, seeded with the away owner, that
// Baton processes (the bundled server) open in turn; how the test follows their progress; the final reading.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { mailboxImap } from '../../src/domains/mail/mail.schema';
import { type BatonProcess, bundleBatonServer, signInOverHttp, startBatonProcess } from '../support/baton-process';
import { createProcessDatabase } from '../support/process-database';
import { createTestBaton, TEST_PASSWORD, type TestBaton } from '../support/test-baton';
import { testBackend } from '../support/test-database';
import { waitFor } from '../support/wait-for';
import { SECRET_KEY } from './imap-support';
import { expectedSenders, MESSAGES, mailboxOutcome, SENDERS, seedAwayOwner, storedAndDecided, unfinishedMessages } from './load-mail';

/**
 * Hang guards, not expectations: a stage (up to a kill, or to the end) takes 10–60 s on an idle 2-core machine,
 * several times that on a busy one, which is not a failure.
 */
export const STAGE_TIMEOUT_MS = 300_000;
export const TEST_TIMEOUT_MS = 900_000;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Bundles the server, creates and seeds the database (`configure` adds what the test needs, such as IMAP), then
 * closes it: on PGlite the Baton process must be the only one holding the data directory.
 */
export async function createLoadScenario(configure: (t: TestBaton, world: Awaited<ReturnType<typeof seedAwayOwner>>) => Promise<void>) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'baton-load-'));
  const bundle = await bundleBatonServer();
  const database = await createProcessDatabase(dir);
  const opened = await database.open();
  const t = await createTestBaton({ BATON_SECRET_KEY: SECRET_KEY }, { database: opened });
  let world: Awaited<ReturnType<typeof seedAwayOwner>>;
  try {
    world = await seedAwayOwner(t);
    await configure(t, world);
  } finally {
    await t.close();
    await opened.close();
  }
  const processes = new Set<BatonProcess>();
  // PostgreSQL: the test reads the database beside the processes. PGlite: through a process's API only.
  let beside = testBackend === 'postgresql' ? await database.open() : null;
  const closeBeside = async () => {
    await beside?.close();
    beside = null;
  };
  let api: Awaited<ReturnType<typeof signInOverHttp>> | null = null;

  /** Messages stored, and (once all are stored, on PGlite: it costs the process a few queries) auto-replies decided. */
  async function progress(process: BatonProcess) {
    // At a calm pace: these reads share the database with the processes (on PGlite, their one connection).
    await pause(250);
    if (beside) return storedAndDecided(beside.db, world.mailbox.id);
    api ??= await signInOverHttp(process.url, world.admin.email, TEST_PASSWORD);
    const mailboxes = await api<{ id: string; counts: { ingested: number } }[]>(process.url, 'GET', '/api/mail/mailboxes');
    const stored = mailboxes.find((mailbox) => mailbox.id === world.mailbox.id)?.counts.ingested ?? 0;
    if (stored < MESSAGES) return { stored, decided: 0 };
    await pause(750);
    let decided = 0;
    let before: string | undefined;
    for (;;) {
      const query = `limit=200${before ? `&before=${encodeURIComponent(before)}` : ''}`;
      const page = await api<{ receivedAt: string; autoReplyDecision: string | null }[]>(process.url, 'GET', `/api/mail/messages?${query}`);
      decided += page.filter((message) => message.autoReplyDecision !== null).length;
      if (page.length < 200) return { stored, decided };
      before = page.at(-1)?.receivedAt;
    }
  }

  /** Waits for `condition` on the progress; a timeout says how far it got. */
  async function following(
    process: BatonProcess,
    condition: (now: { stored: number; decided: number }) => Promise<boolean>,
    what: string,
    timeoutMs: number,
  ) {
    let last = { stored: 0, decided: 0 };
    try {
      await waitFor(
        async () => {
          last = await progress(process);
          return condition(last);
        },
        what,
        timeoutMs,
      );
    } catch (error) {
      throw new Error(`${(error as Error).message}; last seen: ${last.stored} stored, ${last.decided} decided`);
    }
  }

  return {
    world,
    /** The environment of a Baton process on this database (ports and test timings added by the caller). */
    env: (extra: Record<string, string> = {}) => ({ ...database.env, BATON_SECRET_KEY: SECRET_KEY, ...extra }),
    async start(env: Record<string, string>) {
      const process = await startBatonProcess(bundle.file, env);
      processes.add(process);
      void process.exited.then(() => processes.delete(process));
      return process;
    },
    progress,
    waitForStored: (process: BatonProcess, count: number, timeoutMs = STAGE_TIMEOUT_MS) =>
      following(process, async (now) => now.stored >= count, `${count} messages stored`, timeoutMs),
    /**
     * Waits until the 1,000 messages are stored and every auto-reply is decided (on PostgreSQL, but for messages
     * whose job a killed process still holds: they wait out the job lease, 5 minutes).
     */
    settled: (process: BatonProcess, killedPids: number[], timeoutMs = STAGE_TIMEOUT_MS) =>
      following(
        process,
        async (now) => {
          if (now.stored !== MESSAGES) return false;
          if (now.decided === MESSAGES) return true;
          // A killed process held at most a batch of 4 jobs; only then is it worth asking which are held.
          if (!beside || now.decided < MESSAGES - 4 * killedPids.length) return false;
          return (await unfinishedMessages(beside.db, world.mailbox.id, killedPids)) === 0;
        },
        'every message stored and its auto-reply decided',
        timeoutMs,
      ),
    /** Reads the outcome with the processes stopped (PGlite: the data directory is free again). */
    async outcome(killedPids: number[]) {
      await closeBeside();
      const opened = await database.open();
      try {
        const [checkpoint] = await opened.db
          .select({ lastUid: mailboxImap.lastUid, lastError: mailboxImap.lastError })
          .from(mailboxImap)
          .where(eq(mailboxImap.mailboxId, world.mailbox.id));
        return {
          ...(await mailboxOutcome(opened.db, world.mailbox.id)),
          unfinished: await unfinishedMessages(opened.db, world.mailbox.id, killedPids),
          checkpoint: checkpoint ?? null,
        };
      } finally {
        await opened.close();
      }
    },
    async cleanup() {
      await Promise.all([...processes].map((process) => process.kill()));
      await closeBeside();
      await database.drop();
      await bundle.cleanup();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
export type LoadScenario = Awaited<ReturnType<typeof createLoadScenario>>;

/**
 * The guarantee: the 1,000 messages stored once each (by Message-ID, and by IMAP UID where there is one), every
 * auto-reply decided, and each of the 200 senders (five messages each, minutes apart) answered exactly once in
 * the 7-day interval — recorded in auto_replies and queued in the outbox once. Exactly, not at most: each sender
 * has messages whose job ran to the end (a killed process holds at most a batch of 4 consecutive jobs, which
 * are 4 different senders), and the first of them is answered.
 */
export function expectEachMessageOnceAndOneReplyPerSender(outcome: Awaited<ReturnType<LoadScenario['outcome']>>) {
  expect(outcome).toMatchObject({ stored: MESSAGES, missing: 0, duplicateMessageIds: [], duplicateUids: [], unfinished: 0 });
  const senders = expectedSenders();
  expect(senders.filter((sender) => outcome.repliesPerSender.get(sender) !== 1)).toEqual([]);
  expect(outcome.repliesPerSender.size).toBe(SENDERS);
  expect(senders.filter((sender) => outcome.outboxPerRecipient.get(sender) !== 1)).toEqual([]);
  expect(outcome.outboxPerRecipient.size).toBe(SENDERS);
}

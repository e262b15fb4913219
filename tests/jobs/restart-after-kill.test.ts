import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mailboxImap } from '../../src/domains/mail/mail.schema';
import { createBaton } from '../../src/main';
import { loadConfig } from '../../src/platform/config/config';
import { openDatabase } from '../../src/platform/db/database';
import { jobs } from '../../src/platform/jobs/jobs.schema';
import { createLogger } from '../../src/platform/logger/logger';
import { SECRET_KEY } from '../mail/imap-support';
import { seedMailWorld } from '../mail/mail-fixtures';
import { createTestBaton } from '../support/test-baton';
import { templateDumpPath, testBackend } from '../support/test-database';
import { waitFor } from '../support/wait-for';

const DEAD = '999999-killed';

describe.skipIf(testBackend !== 'pglite')(
  'a Baton server restarted on its embedded database after a kill (PGlite only: on PostgreSQL a live instance may hold them)',
  () => {
    let dir: string;
    let jobId: number;
    let mailboxId: string;

    beforeAll(async () => {
      dir = await mkdtemp(path.join(os.tmpdir(), 'baton-restart-'));
      const database = await openDatabase({ kind: 'pglite', dataDir: dir, loadDataDir: new Blob([await readFile(templateDumpPath())]) });
      const t = await createTestBaton({ BATON_SECRET_KEY: SECRET_KEY }, { database });
      try {
        // What a process killed mid-work leaves: a job it had claimed and the IDLE lease of a mailbox it watched.
        const world = await seedMailWorld(t);
        mailboxId = world.mailbox.id;
        const settings = { host: '127.0.0.1', port: 1, secure: false, username: 'anna', password: 'secret' };
        await t.deps.mail.imap.configureImap(world.workspace.id, mailboxId, settings, null);
        const now = Date.now();
        await t.db
          .update(mailboxImap)
          .set({ watchOwner: DEAD, watchState: 'idle', watchLeaseUntil: new Date(now + 60_000) })
          .where(eq(mailboxImap.mailboxId, mailboxId));
        const [job] = await t.db
          .insert(jobs)
          .values({
            name: 'mail.imap_sync',
            payload: { workspaceId: world.workspace.id, mailboxId: randomUUID() },
            status: 'running',
            attempts: 1,
            lockedBy: DEAD,
            lockedUntil: new Date(now + 5 * 60_000),
            runAt: new Date(now - 1000),
          })
          .returning();
        jobId = job?.id ?? 0;
      } finally {
        await t.close();
        await database.close();
      }
    });
    afterAll(async () => {
      if (dir) await rm(dir, { recursive: true, force: true });
    });

    it('takes over at once the jobs and the IMAP watcher lease the killed process held (its data-directory lock proves it gone)', async () => {
      const config = loadConfig({
        DATA_DIR: dir,
        PORT: '0',
        BATON_DEMO: 'false',
        LOG_LEVEL: 'silent',
        BATON_SECRET_KEY: SECRET_KEY,
        IMAP_IDLE: 'false',
      });
      const baton = await createBaton({ config, logger: createLogger('silent'), webDir: null });
      try {
        await baton.listen();
        // Not after the 5-minute job lease: now.
        await waitFor(
          async () => (await baton.deps.db.select().from(jobs).where(eq(jobs.id, jobId)))[0]?.status === 'done',
          'the killed process’s job to run',
          15_000,
        );
        const [account] = await baton.deps.db.select().from(mailboxImap).where(eq(mailboxImap.mailboxId, mailboxId));
        expect(account).toMatchObject({ watchOwner: null, watchLeaseUntil: null, watchState: null });
      } finally {
        await baton.close();
      }
    });
  },
);

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mailAttachments, mailMessages, mailRaw } from '../../src/domains/mail/mail.schema';
import { createTestBaton, type TestBaton } from '../support/test-baton';
import { type MailWorld, mimeCorpusDir, mimeCorpusFiles, seedMailWorld } from './mail-fixtures';

describe('the MIME corpus of real-world and malformed messages', () => {
  let t: TestBaton;
  let world: MailWorld;
  const files = mimeCorpusFiles();

  beforeAll(async () => {
    t = await createTestBaton();
    world = await seedMailWorld(t);
  });
  afterAll(() => t.close());

  const counts = async () => {
    const where = eq(mailMessages.workspaceId, world.workspace.id);
    const [messages] = await t.db.select({ n: count() }).from(mailMessages).where(where);
    const [raw] = await t.db.select({ n: count() }).from(mailRaw).where(eq(mailRaw.workspaceId, world.workspace.id));
    const [attachments] = await t.db
      .select({ n: count() })
      .from(mailAttachments)
      .where(eq(mailAttachments.workspaceId, world.workspace.id));
    return { messages: messages?.n, raw: raw?.n, attachments: attachments?.n };
  };

  const ingestAll = async () => {
    const outcomes: Record<string, string> = {};
    for (const file of files) {
      const result = await t.deps.mail.ingestion.ingestRawMessage({
        workspaceId: world.workspace.id,
        mailboxId: world.mailbox.id,
        raw: readFileSync(path.join(mimeCorpusDir, file)),
        receivedAt: t.clock.now(),
      });
      outcomes[file] = result.outcome;
      if (result.outcome === 'quarantined') expect(result.reason, file).toBeTruthy();
    }
    return outcomes;
  };

  it('holds the 165 messages of the issue', () => {
    expect(files).toHaveLength(165);
  });

  it('ingests or quarantines every message without crashing, then finds every one a duplicate', async () => {
    const first = await ingestAll();
    const tally: Record<string, number> = {};
    for (const outcome of Object.values(first)) tally[outcome] = (tally[outcome] ?? 0) + 1;
    // Files sharing a Message-ID (the same message in two libraries' test data) are one message.
    expect((tally.ingested ?? 0) + (tally.quarantined ?? 0) + (tally.duplicate ?? 0)).toBe(165);
    expect(tally.ingested).toBeGreaterThan(140);
    const before = await counts();
    expect(before.messages).toBe((tally.ingested ?? 0) + (tally.quarantined ?? 0));

    const second = await ingestAll();
    expect(Object.values(second).every((outcome) => outcome === 'duplicate')).toBe(true);
    expect(await counts()).toEqual(before);
    await t.runJobs();
  }, 120_000);
});

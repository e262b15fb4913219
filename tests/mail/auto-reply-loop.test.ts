import { count, eq } from 'drizzle-orm';
import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { autoReplies } from '../../src/domains/mail/mail.schema';
import type { MailTransport, OutgoingMail } from '../../src/platform/mail/mail-transport';
import { createTestBaton, type TestBaton } from '../support/test-baton';
import { clientMail, type MailWorld, seedMailWorld } from './mail-fixtures';

/** Mail Baton sends, captured as it would leave over SMTP, so the test can deliver it back as raw RFC 5322. */
function capturingTransport() {
  const sent: OutgoingMail[] = [];
  const transport: MailTransport = {
    kind: 'smtp',
    deliver: async (mail) => {
      sent.push(mail);
      return 'sent';
    },
    close: () => {},
  };
  return { transport, sent };
}

const raw = (mail: OutgoingMail) =>
  new MailComposer({
    from: mail.from,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    headers: mail.headers,
    messageId: mail.messageId,
  })
    .compile()
    .build();

describe('auto-reply loops between two absent owners', () => {
  let t: TestBaton;
  let capture: ReturnType<typeof capturingTransport>;
  let a: MailWorld;
  let b: MailWorld;
  let bMailbox: { id: string; address: string };

  beforeAll(async () => {
    capture = capturingTransport();
    t = await createTestBaton({}, { transport: capture.transport });
    a = await seedMailWorld(t);
    b = await seedMailWorld(t);
    // Workspace B's owner reads bruno@other.example, and is away too.
    bMailbox = await t.deps.mail.mailboxes.create(
      { user: b.admin, workspace: b.workspace, session: null },
      { address: 'bruno@other.example', aliases: [], ownerId: b.anna.id },
    );
  });
  afterAll(() => t.close());

  /** Delivers what Baton sent to a mailbox it reads, as a mail server would; returns how many were delivered. */
  async function deliverOutgoing() {
    // Only mail to the two owners' mailboxes comes back; notifications to delegates go elsewhere.
    const mailboxes = [
      { address: 'bruno@other.example', workspaceId: b.workspace.id, mailboxId: bMailbox.id },
      { address: a.mailbox.address, workspaceId: a.workspace.id, mailboxId: a.mailbox.id },
    ];
    const pending = capture.sent.splice(0).flatMap((mail) => {
      const target = mailboxes.find((mailbox) => mail.to.includes(mailbox.address));
      return target ? [{ mail, target }] : [];
    });
    for (const { mail, target } of pending) {
      const { workspaceId, mailboxId } = target;
      await t.deps.mail.ingestion.ingestRawMessage({ workspaceId, mailboxId, raw: await raw(mail), receivedAt: t.clock.now() });
    }
    await t.runJobs();
    return pending.length;
  }

  const autoRepliesOf = async (mailboxId: string) =>
    (await t.db.select({ n: count() }).from(autoReplies).where(eq(autoReplies.mailboxId, mailboxId)))[0]?.n;

  it('stops after one auto-reply: Baton never answers an auto-reply, and says so in its own', async () => {
    await t.deps.mail.ingestion.ingestRawMessage({
      workspaceId: a.workspace.id,
      mailboxId: a.mailbox.id,
      raw: clientMail({ from: 'Bruno <bruno@other.example>', subject: 'Proposal' }),
      receivedAt: t.clock.now(),
    });
    await t.runJobs();
    let rounds = 0;
    while ((await deliverOutgoing()) > 0 && rounds < 10) rounds += 1;
    expect(rounds).toBe(1);
    expect([await autoRepliesOf(a.mailbox.id), await autoRepliesOf(bMailbox.id)]).toEqual([1, 0]);
  });

  it('answers a naive autoresponder (no Auto-Submitted header) once per interval, however often it writes', async () => {
    t.clock.advance(8 * 86_400_000);
    for (let round = 0; round < 5; round += 1) {
      // The other side answers everything with a plain personal-looking message.
      await t.deps.mail.ingestion.ingestRawMessage({
        workspaceId: a.workspace.id,
        mailboxId: a.mailbox.id,
        raw: clientMail({ from: 'Bruno <bruno@other.example>', subject: `Re: Out of office (${round})`, body: 'Thanks, noted.' }),
        receivedAt: t.clock.now(),
      });
      await t.runJobs();
      capture.sent.splice(0);
      t.clock.advance(3_600_000);
    }
    // One reply for the first message of the new interval, none for the four that followed.
    expect(await autoRepliesOf(a.mailbox.id)).toBe(2);
  });
});

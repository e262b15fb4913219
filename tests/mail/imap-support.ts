import { eq } from 'drizzle-orm';
import { ImapFlow } from 'imapflow';
import { mailboxImap } from '../../src/domains/mail/mail.schema';
import { type Dovecot, IMAP_PASSWORD, IMAP_USER } from '../support/dovecot';
import type { TestBaton } from '../support/test-baton';

export const SECRET_KEY = Buffer.alloc(32, 7).toString('base64');

/** Puts messages into the user's INBOX as a mail client would (IMAP APPEND). */
export async function appendMessages(dovecot: Dovecot, messages: Buffer[]) {
  const client = new ImapFlow({
    host: '127.0.0.1',
    port: dovecot.port,
    secure: false,
    auth: { user: IMAP_USER, pass: IMAP_PASSWORD },
    logger: false,
  });
  await client.connect();
  try {
    for (const message of messages) await client.append('INBOX', message);
  } finally {
    await client.logout();
  }
}

export const imapSettings = (dovecot: Dovecot, password = IMAP_PASSWORD) => ({
  host: '127.0.0.1',
  port: dovecot.port,
  secure: false,
  username: IMAP_USER,
  password,
});

export const imapAccountOf = async (t: TestBaton, mailboxId: string) =>
  (await t.db.select().from(mailboxImap).where(eq(mailboxImap.mailboxId, mailboxId)))[0];

// IMAP transport only (imapflow): log in, select a folder, hand over the messages above a UID checkpoint in
// UID order. What to do with them, and where the checkpoint lives, is the mail domain's business.
import { ImapFlow } from 'imapflow';

export type ImapSettings = {
  host: string;
  port: number;
  /** TLS from the first byte (IMAPS); false is plain IMAP (loopback and tests; STARTTLS is used when offered). */
  secure: boolean;
  username: string;
  password: string;
  folder: string;
};

export type ImapMessage = { uidValidity: string; uid: string; raw: Buffer; internalDate: Date | null };

export type ImapFolder = {
  /** The folder's UIDVALIDITY, as a decimal string (imapflow gives a BigInt). */
  uidValidity: string;
  /** Messages with a UID above `afterUid` (every message when null), lowest UID first, fetched in small batches. */
  messagesAfter: (afterUid: string | null) => AsyncGenerator<ImapMessage>;
};

export type ImapReader = <T>(settings: ImapSettings, run: (folder: ImapFolder) => Promise<T>) => Promise<T>;

/** An IMAP failure as one line for an admin: never the credentials, which imapflow errors do not carry either. */
export class ImapError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImapError';
  }
}

const BATCH = 25;

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const details = error as Error & { authenticationFailed?: boolean; responseText?: string; code?: string };
  if (details.authenticationFailed) return `authentication failed${details.responseText ? `: ${details.responseText}` : ''}`;
  const text = details.responseText ? `${error.message}: ${details.responseText}` : error.message;
  return details.code && !text.includes(details.code) ? `${text} (${details.code})` : text;
}

/** Opens the folder read-only for the duration of `run`, then logs out (or drops the connection). */
export const withImapFolder: ImapReader = async (settings, run) => {
  const client = new ImapFlow({
    host: settings.host,
    port: settings.port,
    secure: settings.secure,
    auth: { user: settings.username, pass: settings.password },
    logger: false,
    connectionTimeout: 30_000,
    greetingTimeout: 15_000,
    socketTimeout: 5 * 60_000,
  });
  // A dropped connection is reported by the failing command; the event must not crash the process.
  client.on('error', () => {});
  try {
    await client.connect();
  } catch (error) {
    client.close();
    throw new ImapError(`cannot connect to ${settings.host}:${settings.port}: ${describe(error)}`);
  }
  try {
    const lock = await client.getMailboxLock(settings.folder, { readOnly: true }).catch((error: unknown) => {
      throw new ImapError(`cannot open folder ${settings.folder}: ${describe(error)}`);
    });
    try {
      const mailbox = client.mailbox;
      if (!mailbox) throw new ImapError(`cannot open folder ${settings.folder}`);
      const uidValidity = String(mailbox.uidValidity);
      return await run({
        uidValidity,
        async *messagesAfter(afterUid) {
          const from = afterUid === null ? 1n : BigInt(afterUid) + 1n;
          // `n:*` always includes the highest UID, even below n: filter again.
          const found = (await client.search({ uid: `${from}:*` }, { uid: true })) || [];
          const uids = found.filter((uid) => BigInt(uid) >= from).sort((a, b) => a - b);
          for (let start = 0; start < uids.length; start += BATCH) {
            const batch = uids.slice(start, start + BATCH);
            const fetched = await client.fetchAll(batch.join(','), { uid: true, source: true, internalDate: true }, { uid: true });
            fetched.sort((a, b) => a.uid - b.uid);
            for (const message of fetched) {
              if (!message.source) continue;
              const date = message.internalDate;
              yield {
                uidValidity,
                uid: String(message.uid),
                raw: message.source,
                internalDate: date instanceof Date ? date : date ? new Date(date) : null,
              };
            }
          }
        },
      });
    } finally {
      lock.release();
    }
  } catch (error) {
    throw error instanceof ImapError ? error : new ImapError(describe(error));
  } finally {
    await client.logout().catch(() => client.close());
  }
};

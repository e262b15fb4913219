// IMAP transport only (imapflow): log in, select a folder, hand over the messages above a UID checkpoint in
// UID order. What to do with them, and where the checkpoint lives, is the mail domain's business.
import { ImapFlow } from 'imapflow';
import { ImapError, toImapError } from './imap-errors';

export { ImapError } from './imap-errors';

export type ImapSettings = {
  host: string;
  port: number;
  /** TLS from the first byte (IMAPS); false is plain IMAP (loopback and tests; STARTTLS is used when offered). */
  secure: boolean;
  username: string;
  password: string;
  folder: string;
};

export type ImapMessage = {
  uidValidity: string;
  uid: string;
  /** RFC822.SIZE as the server reports it. */
  size: number;
  internalDate: Date | null;
  /** From the envelope, for an admin looking at a message Baton did not store. */
  subject: string;
  from: string | null;
  /** The message; null when it is larger than `maxBytes` (not downloaded at all). */
  raw: Buffer | null;
};

export type ImapFolder = {
  /** The folder's UIDVALIDITY, as a decimal string (imapflow gives a BigInt). */
  uidValidity: string;
  /** How many messages the folder holds now. */
  messageCount: number;
  /** Whether the server offers IDLE (RFC 2177). */
  idleSupported: boolean;
  /** Messages with a UID above `afterUid` (every message when null), lowest UID first, fetched in small batches. */
  messagesAfter: (afterUid: string | null, options?: { maxBytes?: number }) => AsyncGenerator<ImapMessage>;
};

export type ImapReader = <T>(settings: ImapSettings, run: (folder: ImapFolder) => Promise<T>) => Promise<T>;

/** Messages whose sizes and envelopes one FETCH asks for. */
const HEADS_PER_FETCH = 100;
/** The most message bytes one FETCH brings into memory (a single larger message comes alone). */
const FETCH_BYTES = 8 * 1024 * 1024;

export const whereOf = (settings: Pick<ImapSettings, 'host' | 'port'>) => `${settings.host}:${settings.port}`;

/** An imapflow client for these settings, silent, with a handler so a dropped connection never crashes the process. */
export function createImapClient(settings: ImapSettings, options: { idle?: boolean; connectionTimeout?: number } = {}) {
  const client = new ImapFlow({
    host: settings.host,
    port: settings.port,
    secure: settings.secure,
    auth: { user: settings.username, pass: settings.password },
    logger: false,
    connectionTimeout: options.connectionTimeout ?? 30_000,
    greetingTimeout: 15_000,
    socketTimeout: 5 * 60_000,
    // The watcher runs IDLE itself; a reader never idles.
    disableAutoIdle: true,
    // Servers and NAT gateways drop sessions quiet for too long: IDLE is re-issued well within RFC 2177's 29 minutes.
    ...(options.idle ? { maxIdleTime: 4 * 60_000 } : {}),
  });
  // A dropped connection is reported by the failing command (or the watcher's close); the event must not crash.
  client.on('error', () => {});
  return client;
}

/** Connects and logs in, or throws an ImapError saying why (login, host, TLS, timeout). */
export async function connectImap(client: ImapFlow, settings: ImapSettings) {
  try {
    await client.connect();
  } catch (error) {
    client.close();
    throw toImapError(error, whereOf(settings));
  }
}

export const folderError = (settings: ImapSettings, error: unknown) => {
  const details = error as { responseText?: string };
  return new ImapError(`cannot open folder ${settings.folder}${details?.responseText ? `: ${details.responseText}` : ''}`, 'folder');
};

/** Opens the folder read-only for the duration of `run`, then logs out (or drops the connection). */
export const withImapFolder: ImapReader = async (settings, run) => {
  const client = createImapClient(settings);
  await connectImap(client, settings);
  try {
    const lock = await client.getMailboxLock(settings.folder, { readOnly: true }).catch((error: unknown) => {
      throw folderError(settings, error);
    });
    try {
      const mailbox = client.mailbox;
      if (!mailbox) throw new ImapError(`cannot open folder ${settings.folder}`, 'folder');
      const uidValidity = String(mailbox.uidValidity);
      return await run({
        uidValidity,
        messageCount: mailbox.exists,
        idleSupported: client.capabilities.has('IDLE'),
        async *messagesAfter(afterUid, { maxBytes = Number.POSITIVE_INFINITY } = {}) {
          const from = afterUid === null ? 1n : BigInt(afterUid) + 1n;
          // `n:*` always includes the highest UID, even below n: filter again.
          const found = (await client.search({ uid: `${from}:*` }, { uid: true })) || [];
          const uids = found.filter((uid) => BigInt(uid) >= from).sort((a, b) => a - b);
          for (let start = 0; start < uids.length; start += HEADS_PER_FETCH) {
            // Sizes and envelopes first: a message over the limit is never downloaded.
            const heads = await client.fetchAll(
              uids.slice(start, start + HEADS_PER_FETCH).join(','),
              { uid: true, size: true, envelope: true, internalDate: true },
              { uid: true },
            );
            heads.sort((a, b) => a.uid - b.uid);
            // Then the sources, one group of at most FETCH_BYTES at a time, each handed over before the next is read.
            for (const group of byteGroups(heads, FETCH_BYTES, maxBytes)) {
              const wanted = group.filter((head) => (head.size ?? 0) <= maxBytes).map((head) => head.uid);
              const sources = new Map<number, Buffer>();
              if (wanted.length > 0) {
                const fetched = await client.fetchAll(wanted.join(','), { uid: true, source: true }, { uid: true });
                for (const message of fetched) if (message.source) sources.set(message.uid, message.source);
              }
              for (const head of group) {
                const size = head.size ?? 0;
                const raw = size <= maxBytes ? (sources.get(head.uid) ?? null) : null;
                // Never skipped in silence: the sync fails here and the next one finds it again (or not, if it was expunged).
                if (raw === null && size <= maxBytes) throw new ImapError(`message UID ${head.uid} could not be downloaded`);
                const date = head.internalDate;
                yield {
                  uidValidity,
                  uid: String(head.uid),
                  size,
                  internalDate: date instanceof Date ? date : date ? new Date(date) : null,
                  subject: head.envelope?.subject ?? '',
                  from: head.envelope?.from?.[0]?.address ?? null,
                  raw,
                };
              }
            }
          }
        },
      });
    } finally {
      lock.release();
    }
  } catch (error) {
    throw toImapError(error, whereOf(settings));
  } finally {
    await client.logout().catch(() => client.close());
  }
};

/**
 * Heads in order, grouped so that one FETCH of their sources stays under `budget` bytes (a single larger message goes
 * alone). Those over `maxBytes` are not downloaded and weigh nothing.
 */
function byteGroups<Head extends { size?: number }>(heads: Head[], budget: number, maxBytes: number): Head[][] {
  const groups: Head[][] = [];
  let current: Head[] = [];
  let bytes = 0;
  for (const head of heads) {
    const size = (head.size ?? 0) <= maxBytes ? (head.size ?? 0) : 0;
    if (current.length > 0 && bytes + size > budget) {
      groups.push(current);
      current = [];
      bytes = 0;
    }
    current.push(head);
    bytes += size;
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

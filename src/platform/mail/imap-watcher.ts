// One IMAP connection kept in IDLE on a folder: it only says "new mail" (EXISTS) and "the connection is gone".
// Reading the messages stays with the reader and the mail domain's checkpoint.
import { ImapError, toImapError } from './imap-errors';
import { connectImap, createImapClient, folderError, type ImapSettings, whereOf } from './imap-reader';

export type ImapWatchHandlers = {
  /** The server announced a change in the number of messages (EXISTS): time to read what is new. */
  onNewMail: () => void;
  /** The connection ended without `stop()`: the server, the network or a timeout closed it. */
  onClosed: (reason: string) => void;
};

export type ImapWatch = { stop: () => Promise<void> };
export type ImapWatcher = (settings: ImapSettings, handlers: ImapWatchHandlers, signal?: AbortSignal) => Promise<ImapWatch>;

const LOGOUT_GRACE_MS = 5_000;

/**
 * Connects, selects the folder read-only and stays in IDLE until stopped or dropped. Throws an ImapError when
 * it cannot connect or open the folder, with kind 'idle_unsupported' when the server does not offer IDLE.
 */
export const watchImapFolder: ImapWatcher = async (settings, handlers, signal) => {
  const client = createImapClient(settings, { idle: true });
  let stopping = false;
  let lastError: string | null = null;
  const abort = () => client.close();
  signal?.addEventListener('abort', abort, { once: true });
  try {
    await connectImap(client, settings);
    if (signal?.aborted) throw new ImapError('stopped');
    if (!client.capabilities.has('IDLE')) throw new ImapError(`${whereOf(settings)} does not offer IDLE`, 'idle_unsupported');
    await client.mailboxOpen(settings.folder, { readOnly: true }).catch((error: unknown) => {
      throw folderError(settings, error);
    });
  } catch (error) {
    signal?.removeEventListener('abort', abort);
    if (client.usable) await client.logout().catch(() => client.close());
    else client.close();
    throw toImapError(error, whereOf(settings));
  }
  signal?.removeEventListener('abort', abort);

  client.on('error', (error: Error) => {
    lastError = toImapError(error, whereOf(settings)).message;
  });
  client.on('exists', () => handlers.onNewMail());
  client.on('close', () => {
    if (!stopping)
      handlers.onClosed(client.byeReason ? `the server closed the connection: ${client.byeReason}` : (lastError ?? 'connection lost'));
  });

  // idle() returns when IDLE ends: after a keep-alive NOOP (idle again), when the server refuses IDLE, or on close.
  const idling = (async () => {
    while (!stopping && client.usable && client.mailbox) {
      const result = await client.idle().catch(() => false as const);
      if (result === false && !stopping && client.usable) {
        lastError = 'the server refused IDLE';
        break;
      }
    }
    // Not stopped by us: end the connection, so 'close' reports it and the owner reconnects.
    if (!stopping) client.close();
  })();

  return {
    async stop() {
      if (stopping) return;
      stopping = true;
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        client.logout().catch(() => {}),
        new Promise<void>((resolve) => {
          timer = setTimeout(resolve, LOGOUT_GRACE_MS);
        }),
      ]);
      clearTimeout(timer);
      client.close();
      await idling;
    },
  };
};

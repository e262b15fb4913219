// Pure rules of reading a mailbox over IMAP: reconnect backoff, poison messages, when the polling job reads,
// and when a stored password may be used again.
import type { ImapWatchState } from './mail.schema';

export type BackoffTiming = { baseMs: number; maxMs: number };
export const DEFAULT_BACKOFF: BackoffTiming = { baseMs: 2_000, maxMs: 5 * 60_000 };

/**
 * The wait before reconnect number `failures` (1 = the first after a drop): doubling from `baseMs`, capped at
 * `maxMs`, with half of it random ("equal jitter"), so instances dropped together do not reconnect in lockstep.
 */
export function reconnectDelayMs(failures: number, random: number, timing: BackoffTiming = DEFAULT_BACKOFF): number {
  const ceiling = Math.min(timing.maxMs, timing.baseMs * 2 ** Math.min(30, Math.max(0, failures - 1)));
  const jitter = Math.min(1, Math.max(0, random));
  return Math.round(ceiling / 2 + (jitter * ceiling) / 2);
}

/** How many times a message whose ingestion throws is tried before it is quarantined and the mailbox moves on. */
export const MAX_INGEST_ATTEMPTS = 3;

/** After a failed attempt: try again at the next sync (the checkpoint waits), or give up on it and move on. */
export function afterIngestFailure(attempts: number, max = MAX_INGEST_ATTEMPTS): 'retry' | 'give-up' {
  return attempts >= max ? 'give-up' : 'retry';
}

/** Why a message is not downloaded at all, or null when it may be. */
export function tooLargeReason(size: number, maxBytes: number): string | null {
  if (size <= maxBytes) return null;
  const mib = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
  return `larger than the ${mib(maxBytes)} limit (${mib(size)}): left on the IMAP server, not ingested`;
}

export type WatchStatus = {
  enabled: boolean;
  watchState: ImapWatchState | null;
  watchLeaseUntil: Date | null;
  lastError: string | null;
};

/**
 * The polling job reads a mailbox unless a live IDLE watcher covers it. It still reads while the last sync
 * failed, so a message waiting for another attempt is tried at the polling interval, not at the next new mail.
 */
export function pollShouldSync(status: WatchStatus, now: Date): boolean {
  if (!status.enabled) return false;
  const watched = status.watchState === 'idle' && status.watchLeaseUntil !== null && status.watchLeaseUntil > now;
  return !watched || status.lastError !== null;
}

/**
 * A blank password keeps the stored one only for the same server and login: sending it to another host would
 * hand the mailbox's password to whoever runs that host.
 */
export function storedPasswordReusable(
  previous: { host: string; port: number; username: string } | null,
  next: { host: string; port: number; username: string },
): boolean {
  return (
    previous !== null &&
    previous.host.toLowerCase() === next.host.toLowerCase() &&
    previous.port === next.port &&
    previous.username === next.username
  );
}

// The IDLE watchers: while a mailbox is configured (and not paused), one IMAP connection per mailbox stays in
// IDLE and a sync runs as soon as the server announces new mail. One watcher per mailbox across every Baton
// instance on one database: an instance watches a mailbox only while it holds that mailbox's lease (a row
// renewed at every rescan; taken over when it expires, released on shutdown). When IDLE is not offered or the
// connection drops, the watcher reconnects with capped, jittered exponential backoff, and the polling job
// (`mail.imap_sync`) reads the mailbox in the meantime. Started by main.ts with the job runner, never in
// tests unless a test starts it; `stop()` closes every connection and timer.
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Clock } from '../../platform/clock/clock';
import type { Logger } from '../../platform/logger/logger';
import { ImapError } from '../../platform/mail/imap-errors';
import { type ImapWatch, type ImapWatcher, watchImapFolder } from '../../platform/mail/imap-watcher';
import { type BackoffTiming, DEFAULT_BACKOFF, reconnectDelayMs } from './imap.models';
import type { ImapRepository } from './imap.repository';
import type { ImapSync } from './imap.usecases';
import type { ImapWatchState } from './mail.schema';

export type ImapIdleTiming = BackoffTiming & {
  /** How often the set of mailboxes is read again and leases renewed. */
  rescanMs: number;
  /** How long a lease lasts without renewal (an instance that died is replaced after this). */
  leaseMs: number;
  /** Wait before trying a sync again that another sync of the same mailbox kept busy. */
  busyRetryMs: number;
  /** How long to wait before asking a server without IDLE again. */
  unsupportedRecheckMs: number;
  /** Syncs started by watchers at once: each holds a database connection on PostgreSQL while it runs. */
  maxConcurrentSyncs: number;
};

export const DEFAULT_IDLE_TIMING: ImapIdleTiming = {
  ...DEFAULT_BACKOFF,
  rescanMs: 20_000,
  leaseMs: 60_000,
  busyRetryMs: 1_000,
  unsupportedRecheckMs: 60 * 60_000,
  maxConcurrentSyncs: 2,
};

type Deps = {
  clock: Clock;
  logger: Logger;
  imapRepository: ImapRepository;
  imapSync: Pick<ImapSync, 'syncImapMailbox' | 'settingsOf'>;
  watch?: ImapWatcher;
  instanceId?: string;
  timing?: Partial<ImapIdleTiming>;
  random?: () => number;
};

type Entry = {
  workspaceId: string;
  mailboxId: string;
  /** The settings' updatedAt: a change restarts the watcher with the new settings. */
  version: number;
  abort: AbortController;
  watch: ImapWatch | null;
  connecting: Promise<void> | null;
  retryTimer: NodeJS.Timeout | null;
  failures: number;
  syncing: Promise<void> | null;
  again: boolean;
  statusWrite: Promise<void>;
  closed: boolean;
};

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function createImapIdle(deps: Deps) {
  const { clock, logger, imapRepository, imapSync } = deps;
  const timing: ImapIdleTiming = { ...DEFAULT_IDLE_TIMING, ...deps.timing };
  const watcher = deps.watch ?? watchImapFolder;
  const random = deps.random ?? Math.random;
  const instanceId = deps.instanceId ?? `${process.pid}-${randomUUID().slice(0, 8)}`;
  const entries = new Map<string, Entry>();
  const background = new Set<Promise<unknown>>();
  let stopped = true;
  let rescanTimer: NodeJS.Timeout | null = null;
  let rescanning: Promise<void> | null = null;
  let rescanAgain = false;
  let activeSyncs = 0;
  const syncQueue: (() => void)[] = [];

  /** Keeps a background promise until it settles, so stop() can wait for it. */
  function track<T>(promise: Promise<T>): Promise<T> {
    background.add(promise);
    void promise.finally(() => background.delete(promise)).catch(() => {});
    return promise;
  }

  /** Resolves true after `ms`, false as soon as the signal aborts. */
  const pause = (ms: number, signal: AbortSignal) => sleep(ms, true, { signal, ref: false }).catch(() => false as const);

  async function withSyncSlot<T>(run: () => Promise<T>): Promise<T> {
    if (activeSyncs >= timing.maxConcurrentSyncs) await new Promise<void>((resolve) => syncQueue.push(resolve));
    activeSyncs += 1;
    try {
      return await run();
    } finally {
      activeSyncs -= 1;
      syncQueue.shift()?.();
    }
  }

  function setStatus(entry: Entry, watchState: ImapWatchState, watchError: string | null, nextRetryAt: Date | null) {
    // Chained per mailbox: a later state is never overwritten by an earlier write finishing late.
    entry.statusWrite = track(
      entry.statusWrite
        .then(() => imapRepository.setWatchStatus(entry.mailboxId, instanceId, { watchState, watchError, nextRetryAt }))
        .then(() => undefined)
        .catch((error) => logger.warn({ mailboxId: entry.mailboxId, err: messageOf(error) }, 'could not record the IMAP watcher state')),
    );
  }

  /** Reads what is new; again after it if more mail was announced meanwhile, or later if another sync was running. */
  function requestSync(entry: Entry) {
    if (entry.closed || stopped) return;
    if (entry.syncing) {
      entry.again = true;
      return;
    }
    entry.syncing = track(
      (async () => {
        do {
          entry.again = false;
          const result = await withSyncSlot(async () =>
            entry.closed || stopped
              ? { status: 'synced' as const }
              : imapSync.syncImapMailbox(entry.workspaceId, entry.mailboxId, { signal: entry.abort.signal }),
          ).catch((error) => ({ status: 'failed' as const, error: messageOf(error) }));
          if (result.status === 'busy') entry.again = await pause(timing.busyRetryMs, entry.abort.signal);
        } while (entry.again && !entry.closed && !stopped);
      })().finally(() => {
        entry.syncing = null;
      }),
    );
  }

  function scheduleConnect(entry: Entry, delayMs: number) {
    if (entry.closed || stopped || entry.retryTimer) return;
    entry.retryTimer = setTimeout(() => {
      entry.retryTimer = null;
      entry.connecting = track(connect(entry)).finally(() => {
        entry.connecting = null;
      });
    }, delayMs);
    entry.retryTimer.unref();
  }

  function onDropped(entry: Entry, reason: string) {
    if (entry.closed || stopped) return;
    entry.watch = null;
    entry.failures += 1;
    const delay = reconnectDelayMs(entry.failures, random(), timing);
    setStatus(entry, 'reconnecting', reason.slice(0, 1000), new Date(clock.now().getTime() + delay));
    logger.warn(
      { mailboxId: entry.mailboxId, err: reason, retryInMs: delay },
      'IMAP IDLE connection lost; polling covers the mailbox until it is back',
    );
    scheduleConnect(entry, delay);
  }

  async function connect(entry: Entry) {
    if (entry.closed || stopped || entry.watch) return;
    try {
      const settings = await imapSync.settingsOf(entry.mailboxId);
      if (!settings) return;
      const watch = await watcher(
        settings,
        { onNewMail: () => requestSync(entry), onClosed: (reason) => onDropped(entry, reason) },
        entry.abort.signal,
      );
      if (entry.closed || stopped) {
        await watch.stop();
        return;
      }
      entry.watch = watch;
      entry.failures = 0;
      setStatus(entry, 'idle', null, null);
      logger.info({ mailboxId: entry.mailboxId }, 'IMAP IDLE watching');
      // What arrived while nobody was watching.
      requestSync(entry);
    } catch (error) {
      if (entry.closed || stopped) return;
      if (error instanceof ImapError && error.kind === 'idle_unsupported') {
        setStatus(entry, 'unsupported', error.message, new Date(clock.now().getTime() + timing.unsupportedRecheckMs));
        scheduleConnect(entry, timing.unsupportedRecheckMs);
        return;
      }
      onDropped(entry, messageOf(error));
    }
  }

  async function retire(entry: Entry, { release }: { release: boolean }) {
    entry.closed = true;
    entries.delete(entry.mailboxId);
    entry.abort.abort();
    if (entry.retryTimer) clearTimeout(entry.retryTimer);
    entry.retryTimer = null;
    await entry.connecting;
    await entry.watch?.stop();
    entry.watch = null;
    await entry.statusWrite;
    if (release) await track(imapRepository.releaseLease(entry.mailboxId, instanceId)).catch(() => {});
  }

  async function rescan() {
    const accounts = await imapRepository.enabledAccounts();
    const wanted = new Map(accounts.map((account) => [account.mailboxId, account]));
    for (const entry of [...entries.values()]) {
      const account = wanted.get(entry.mailboxId);
      // Removed, paused or changed: this watcher goes (a changed one comes back below with the new settings).
      if (!account || account.updatedAt.getTime() !== entry.version) await retire(entry, { release: true });
    }
    for (const account of accounts) {
      if (stopped) return;
      const now = clock.now();
      const held = await imapRepository.acquireLease(account.mailboxId, instanceId, now, new Date(now.getTime() + timing.leaseMs));
      const entry = entries.get(account.mailboxId);
      if (!held) {
        // Another instance watches it (it took over an expired lease): this one lets go.
        if (entry) await retire(entry, { release: false });
        continue;
      }
      if (entry || stopped) continue;
      const created: Entry = {
        workspaceId: account.workspaceId,
        mailboxId: account.mailboxId,
        version: account.updatedAt.getTime(),
        abort: new AbortController(),
        watch: null,
        connecting: null,
        retryTimer: null,
        failures: 0,
        syncing: null,
        again: false,
        statusWrite: Promise.resolve(),
        closed: false,
      };
      entries.set(account.mailboxId, created);
      created.connecting = track(connect(created)).finally(() => {
        created.connecting = null;
      });
    }
  }

  /** Reads the mailboxes again now (after a change through the API); later calls join the running rescan. */
  function refresh(): Promise<void> {
    if (stopped) return Promise.resolve();
    if (rescanning) {
      rescanAgain = true;
      return rescanning;
    }
    rescanning = track(
      (async () => {
        do {
          rescanAgain = false;
          await rescan().catch((error) => logger.warn({ err: messageOf(error) }, 'IMAP watchers: rescan failed'));
        } while (rescanAgain && !stopped);
      })().finally(() => {
        rescanning = null;
      }),
    );
    return rescanning;
  }

  return {
    instanceId,
    get running() {
      return !stopped;
    },
    start() {
      if (!stopped) return;
      stopped = false;
      rescanTimer = setInterval(() => void refresh(), timing.rescanMs);
      rescanTimer.unref();
      void refresh();
    },
    refresh,
    /** Mailboxes with a live IDLE connection in this instance. */
    watching: () => [...entries.values()].filter((entry) => entry.watch !== null).map((entry) => entry.mailboxId),
    async stop() {
      if (stopped) return;
      stopped = true;
      if (rescanTimer) clearInterval(rescanTimer);
      rescanTimer = null;
      await rescanning;
      await Promise.all([...entries.values()].map((entry) => retire(entry, { release: false })));
      for (const resolve of syncQueue.splice(0)) resolve();
      await Promise.allSettled([...background]);
      await imapRepository
        .releaseLeases(instanceId)
        .catch((error) => logger.warn({ err: messageOf(error) }, 'could not release IMAP leases'));
    },
  };
}
export type ImapIdle = ReturnType<typeof createImapIdle>;

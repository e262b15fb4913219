import type { Clock } from '../../platform/clock/clock';
import type { Principal } from './auth.usecases';

/** How long this process may answer from memory for a session cookie before reading the database again. */
export const PRINCIPAL_CACHE_MS = 2000;
const MAX_ENTRIES = 1000;

type Entry = { principal: Principal; sessionExpiresAt: Date; storedAt: number };

/**
 * The signed-in principals of recent session cookies. A page asks for several resources at once and a console polls,
 * each request a session lookup otherwise. Staleness is bounded: an entry is used for PRINCIPAL_CACHE_MS at most and
 * never past its session's expiry; every change this process makes to sessions, users or workspaces (logout, rotation,
 * password, role, disabling, profile, workspace) clears the cache once committed, and a lookup that was running while
 * the cache was cleared is not kept. A change made by another process (a second instance on the same PostgreSQL) is
 * seen within PRINCIPAL_CACHE_MS.
 */
export function createPrincipalCache({
  clock,
  ttlMs = PRINCIPAL_CACHE_MS,
  elapsedMs = () => performance.now(),
}: {
  /** Session expiry follows Baton's clock (tests move it by hand)… */
  clock: Clock;
  ttlMs?: number;
  /** …an entry's age follows real time (monotonic). */
  elapsedMs?: () => number;
}) {
  const entries = new Map<string, Entry>();
  let generation = 0;
  const clear = () => {
    generation += 1;
    entries.clear();
  };

  return {
    async read(idHash: string, load: () => Promise<{ principal: Principal; sessionExpiresAt: Date } | null>) {
      const entry = entries.get(idHash);
      if (entry && elapsedMs() - entry.storedAt < ttlMs && clock.now().getTime() < entry.sessionExpiresAt.getTime()) {
        return entry.principal;
      }
      entries.delete(idHash);
      const startedIn = generation;
      const loaded = await load();
      if (loaded && startedIn === generation) {
        if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
        entries.set(idHash, { ...loaded, storedAt: elapsedMs() });
      }
      return loaded?.principal ?? null;
    },

    /** After a change to sessions, users or workspaces has committed (or failed): `transaction.finally(cache.clear)`. */
    clear,
  };
}
export type PrincipalCache = ReturnType<typeof createPrincipalCache>;

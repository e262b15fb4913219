// Parsing a mailbox's backlog on a worker thread, so the next batches are parsed while the current one is
// written to the database: on a 2-core machine that is what lets ingestion keep pace with the parser.
// Single messages (an upload, one SMTP delivery) are parsed in place: a thread is not worth starting for one.
// When the worker cannot start or dies, parsing falls back to the calling thread: slower, never lost.
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Logger } from '../../platform/logger/logger';
import { type ParsedMessage, parseRawMessage } from './ingestion.parse';
import type { ParseRequest, ParseResponse } from './ingestion.parse-worker';

/**
 * How many fetched batches a reader keeps parsing ahead of the one it stores. Two keep the worker busy while a batch
 * waits on the database (bench/ingest.bench.mjs, with batches of 25: about 15 % more messages/s on PostgreSQL than one).
 */
export const PARSE_AHEAD_BATCHES = 2;

type Pending = { worker: Worker; resolve: (parsed: ParsedMessage) => void; reject: (error: Error) => void };

/** Run from source (tests, tsx) the worker is TypeScript, loaded through tsx; the bundle ships it as JavaScript. */
function startWorker(): Worker {
  // (tsx may add a query to the module's URL: look at the path only)
  const fromSource = new URL(import.meta.url).pathname.endsWith('.ts');
  if (!fromSource) return new Worker(fileURLToPath(new URL('./ingestion.parse-worker.js', import.meta.url)));
  const entry = new URL('./ingestion.parse-worker.ts', import.meta.url).href;
  const source = `import('tsx/esm/api').then(({ tsImport }) => tsImport(${JSON.stringify(entry)}, ${JSON.stringify(import.meta.url)}));`;
  return new Worker(source, { eval: true });
}

/** Parses on the calling thread, one message after the other. */
async function parseInPlace(raws: Buffer[]): Promise<ParsedMessage[]> {
  const parsed: ParsedMessage[] = [];
  for (const raw of raws) parsed.push(await parseRawMessage(raw));
  return parsed;
}
export const inPlaceParser = { parseAll: parseInPlace };

/**
 * `threads` workers at most, started on first use; a batch is dealt out among them message by message. One is the
 * default: on two cores the main thread and the database need the other.
 */
export function createParsePool({ logger, threads = 1 }: { logger: Logger; threads?: number }) {
  const workers: Worker[] = [];
  let unavailable = false;
  let nextId = 0;
  const pending = new Map<number, Pending>();

  /** The messages a worker was parsing when it failed or exited: each falls back to the calling thread. */
  function failPendingOf(worker: Worker, error: Error) {
    for (const [id, entry] of pending) {
      if (entry.worker !== worker) continue;
      pending.delete(id);
      entry.reject(error);
    }
  }

  function startOne(): Worker | null {
    try {
      const started = startWorker();
      started.unref();
      started.on('message', ({ id, parsed }: ParseResponse) => {
        const entry = pending.get(id);
        pending.delete(id);
        entry?.resolve(parsed);
      });
      started.on('error', (error) => {
        logger.warn({ err: error }, 'mail parse worker failed: parsing on the main thread');
        // A worker that fails will likely fail again: the pool stops, the others end once their exit is handled.
        unavailable = true;
        for (const worker of workers.splice(0)) if (worker !== started) void worker.terminate();
        failPendingOf(started, error);
      });
      started.on('exit', () => {
        const index = workers.indexOf(started);
        if (index >= 0) workers.splice(index, 1);
        failPendingOf(started, new Error('mail parse worker exited'));
      });
      return started;
    } catch (error) {
      logger.warn({ err: error }, 'mail parse worker could not start: parsing on the main thread');
      unavailable = true;
      return null;
    }
  }

  function start(): Worker[] {
    while (!unavailable && workers.length < threads) {
      const started = startOne();
      if (started) workers.push(started);
    }
    return workers;
  }

  function parseOnWorker(target: Worker, raw: Buffer): Promise<ParsedMessage> {
    const id = nextId++;
    return new Promise<ParsedMessage>((resolve, reject) => {
      pending.set(id, { worker: target, resolve, reject });
      target.postMessage({ id, raw } satisfies ParseRequest);
    }).catch(() => parseRawMessage(raw));
  }

  return {
    /** Parses every message; in the order given, on the workers when there is more than one. */
    async parseAll(raws: Buffer[]): Promise<ParsedMessage[]> {
      const targets = raws.length > 1 ? [...start()] : [];
      if (targets.length === 0) return parseInPlace(raws);
      return Promise.all(raws.map((raw, index) => parseOnWorker(targets[index % targets.length] as Worker, raw)));
    },
    async close() {
      const running = workers.splice(0);
      unavailable = true;
      await Promise.all(running.map((worker) => worker.terminate()));
    },
  };
}
export type MessageParser = Pick<ReturnType<typeof createParsePool>, 'parseAll'>;

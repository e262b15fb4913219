import { existsSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';

/**
 * Creating a PGlite database (initdb) grows its WebAssembly heap to ~850 MB, and a WASM heap never
 * shrinks. Doing it in a short-lived worker thread frees that memory when the worker exits, so the
 * server then opens the new directory at its steady ~400 MB.
 */
export async function createPgliteDirectoryInWorker(dataDir: string): Promise<void> {
  if (existsSync(path.join(dataDir, 'PG_VERSION'))) return;
  const pgliteUrl = import.meta.resolve('@electric-sql/pglite');
  const source = `(async () => {
    const { PGlite } = await import(${JSON.stringify(pgliteUrl)});
    const { workerData, parentPort } = require('node:worker_threads');
    const db = await PGlite.create({ dataDir: workerData });
    await db.close();
    parentPort.postMessage('created');
  })();`;
  await new Promise<void>((resolve, reject) => {
    const worker = new Worker(source, { eval: true, workerData: dataDir });
    worker.once('message', () => resolve());
    worker.once('error', reject);
    worker.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`PGlite initialisation exited with code ${code}`))));
  });
}

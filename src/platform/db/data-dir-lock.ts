import { mkdir, open, readFile, unlink } from 'node:fs/promises';
import path from 'node:path';

export type DataDirLock = { release: () => Promise<void> };

export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holderPid: number,
  ) {
    super(
      `The data directory ${dataDir} is in use by another Baton process (pid ${holderPid}). ` +
        'PGlite allows one process per data directory: stop that process first ' +
        '(or, to share one database between processes, set DATABASE_URL to a PostgreSQL server).',
    );
    this.name = 'DataDirLockedError';
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * PGlite does not stop a second process from opening its directory, and that process's writes
 * are silently lost. An exclusively created pid file guards it; a file left by a process that no
 * longer runs (a crash, kill -9) is taken over.
 */
export async function lockDataDir(dataDir: string): Promise<DataDirLock> {
  await mkdir(dataDir, { recursive: true });
  const lockPath = path.join(dataDir, 'baton.pid');
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const handle = await open(lockPath, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      let released = false;
      const release = async () => {
        if (released) return;
        released = true;
        await unlink(lockPath).catch(() => {});
      };
      return { release };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holderPid = Number.parseInt(await readFile(lockPath, 'utf8').catch(() => ''), 10);
      if (Number.isInteger(holderPid) && holderPid !== process.pid && isAlive(holderPid)) {
        throw new DataDirLockedError(dataDir, holderPid);
      }
      // Stale: its process is gone. Removing it and retrying the exclusive create lets only one
      // of two racing openers win.
      await unlink(lockPath).catch(() => {});
    }
  }
  throw new Error(`Could not lock the data directory ${dataDir}`);
}

import 'dotenv/config';
import { createBaton } from '../main';
import { ConfigError, loadConfig } from '../platform/config/config';
import { DataDirLockedError } from '../platform/db/data-dir-lock';
import { createLogger } from '../platform/logger/logger';

/** Opens Baton (database migrated, no HTTP listener, no job runner) for one CLI command. */
export async function withBaton<T>(
  run: (baton: Awaited<ReturnType<typeof createBaton<false>>>) => Promise<T>,
  { logLevel = 'warn' } = {},
): Promise<T> {
  const config = loadConfig({ ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? logLevel });
  const baton = await createBaton({ config, logger: createLogger(config.LOG_LEVEL), webDir: null, startJobs: false, http: false });
  try {
    return await run(baton);
  } finally {
    await baton.close();
  }
}

/** Expected failures (bad configuration, a locked data directory, a domain error) print one clear line. */
export function reportCliError(error: unknown): never {
  if (error instanceof ConfigError || error instanceof DataDirLockedError) {
    console.error(error.message);
  } else if (error instanceof Error && 'code' in error && typeof error.code === 'string' && error.name === 'AppError') {
    console.error(`${error.message} (${error.code})`);
  } else {
    console.error(error);
  }
  process.exit(error instanceof ConfigError || error instanceof DataDirLockedError ? 2 : 1);
}

/** The workspaces a command runs on: the one `--workspace` names, or all; null (exit code 2) for an unknown slug. */
export async function selectWorkspaces<T extends { slug: string }>(
  repository: { listWorkspaces: () => Promise<T[]> },
  slug: string | undefined,
): Promise<T[] | null> {
  const all = await repository.listWorkspaces();
  const selected = slug ? all.filter((workspace) => workspace.slug === slug) : all;
  if (slug && selected.length === 0) {
    console.error(`No workspace with slug ${slug}`);
    process.exitCode = 2;
    return null;
  }
  return selected;
}

import type { LightMyRequestResponse } from 'fastify';
import type { Role } from '../../src/contracts/workspaces.contracts';
import { type BatonOptions, createBaton } from '../../src/main';
import { createManualClock } from '../../src/platform/clock/clock';
import { type Config, loadConfig } from '../../src/platform/config/config';
import type { Database } from '../../src/platform/db/database';
import { createLogger, type Logger } from '../../src/platform/logger/logger';
import { createTestDatabase } from './test-database';

export const TEST_PASSWORD = 'correct horse battery';

/** A Baton on a fresh test database with a manual clock; jobs run only when a test calls `runJobs()`. */
export async function createTestBaton(
  env: Record<string, string> = {},
  {
    logger,
    database: given,
    ...options
  }: Pick<BatonOptions, 'handoverGate' | 'ingestionFaults' | 'imapIdleTiming' | 'transport'> & {
    logger?: Logger;
    /** A database the caller opened (and closes), such as one a CLI process will open next. */
    database?: Database;
  } = {},
) {
  const database = given ? { ...given, url: null } : await createTestDatabase();
  const clock = createManualClock('2026-03-02T09:00:00Z');
  const config: Config = loadConfig({ LOG_LEVEL: 'silent', BATON_DEMO: 'false', LOGIN_RATE_LIMIT: '1000', ...env });
  const baton = await createBaton({
    config,
    logger: logger ?? createLogger('silent'),
    clock,
    database,
    webDir: null,
    startJobs: false,
    ...options,
  });
  let counter = 0;

  async function createWorkspaceWithUsers(roles: Role[] = ['admin', 'manager', 'member']) {
    counter += 1;
    const tag = `${counter}${Math.random().toString(36).slice(2, 7)}`;
    const workspace = await baton.deps.members.createWorkspace({ name: `Workspace ${tag}`, slug: `ws-${tag}`, timezone: 'Europe/Rome' });
    const users = [];
    for (const role of roles) {
      users.push(
        await baton.deps.members.createUser({
          workspaceId: workspace.id,
          email: `${role}-${tag}@example.test`,
          name: `${role} ${tag}`,
          role,
          language: 'en',
          password: TEST_PASSWORD,
        }),
      );
    }
    return { workspace, users };
  }

  /** Signs in and returns helpers that send the session cookie and the CSRF token. */
  async function signIn(email: string, password = TEST_PASSWORD) {
    const response = await baton.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
    if (response.statusCode !== 200) throw new Error(`login failed: ${response.statusCode} ${response.body}`);
    const cookie = sessionCookieOf(response);
    const csrfToken = response.json().csrfToken as string;
    const request = (method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: unknown) =>
      baton.app.inject({
        method,
        url,
        headers: { cookie: `baton_session=${cookie}`, 'x-csrf-token': csrfToken },
        ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
      });
    return { cookie, csrfToken, request, body: response.json() };
  }

  return {
    baton,
    app: baton.app,
    deps: baton.deps,
    db: baton.deps.db,
    clock,
    config,
    /** The PostgreSQL database's URL (null on PGlite), for a second instance on the same database. */
    databaseUrl: database.url,
    createWorkspaceWithUsers,
    signIn,
    runJobs: () => baton.jobRunner.runDue(),
    close: async () => {
      await baton.close();
      if (!given) await database.close();
    },
  };
}
export type TestBaton = Awaited<ReturnType<typeof createTestBaton>>;

export function sessionCookieOf(response: LightMyRequestResponse): string {
  const cookie = response.cookies.find((entry) => entry.name === 'baton_session');
  if (!cookie) throw new Error('no session cookie in response');
  return cookie.value;
}

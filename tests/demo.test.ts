import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, demoPeople } from '../src/domains/demo/demo.seed';
import { createBaton } from '../src/main';
import { loadConfig } from '../src/platform/config/config';
import { createLogger } from '../src/platform/logger/logger';
import { createTestDatabase } from './support/test-database';

async function batonOn(database: Awaited<ReturnType<typeof createTestDatabase>>, demo: boolean) {
  return createBaton({
    config: loadConfig({ LOG_LEVEL: 'silent', BATON_DEMO: String(demo) }),
    logger: createLogger('silent'),
    database,
    webDir: null,
    startJobs: false,
  });
}

describe('the demo workspace', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.close());

  it('loads the cast of DEMO.md and their eight clients into an empty database, once', async () => {
    const baton = await batonOn(database, true);
    expect(await baton.loadDemoIfEmpty()).toBe(true);
    expect(await baton.loadDemoIfEmpty()).toBe(false);
    const login = await baton.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'lucia@ferri-bellini.example', password: DEMO_PASSWORD },
    });
    expect(login.json().workspace).toMatchObject({
      name: 'Ferri & Bellini Consulting',
      timezone: 'Europe/Rome',
      defaultLanguage: 'it',
      isDemo: true,
    });
    const headers = { cookie: `baton_session=${login.cookies[0]?.value}` };
    const people = (await baton.app.inject({ method: 'GET', url: '/api/users', headers })).json();
    expect(people.map((person: { email: string; role: string }) => [person.email, person.role]).sort()).toEqual(
      demoPeople.map((person) => [person.email, person.role]).sort(),
    );
    const clients = (await baton.app.inject({ method: 'GET', url: '/api/clients', headers })).json();
    expect(clients).toHaveLength(8);
    expect(
      clients
        .filter((client: { tier: string }) => client.tier === 'key')
        .map((client: { name: string }) => client.name)
        .sort(),
    ).toEqual(['Bluefin Analytics', 'Northwind Logistics Ltd', 'Orsini Costruzioni S.p.A.']);
    expect(clients.every((client: { domains: string[] }) => client.domains.length > 0)).toBe(true);
    expect((await baton.deps.audit.verifyWorkspace(login.json().workspace.id)).ok).toBe(true);
    await baton.close();
  });

  it('refuses the published demo passwords when Baton is not in demo mode', async () => {
    const baton = await batonOn(database, false);
    const login = await baton.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'lucia@ferri-bellini.example', password: DEMO_PASSWORD },
    });
    expect(login.statusCode).toBe(401);
    await baton.close();
  });
});

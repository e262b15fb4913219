import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestBaton, type TestBaton } from './support/test-baton';
import { testBackend } from './support/test-database';

describe('health and API documentation', () => {
  let t: TestBaton;
  beforeAll(async () => {
    t = await createTestBaton();
  });
  afterAll(() => t.close());

  it('answers health with the database backend and version', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok', database: testBackend, version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
  });

  it('serves the OpenAPI document listing the routes', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(response.statusCode).toBe(200);
    const document = response.json();
    expect(document.openapi).toMatch(/^3\./);
    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(['/api/auth/login', '/api/users', '/api/outbox']));
  });

  it('serves the API docs page', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/docs' });
    expect([200, 302]).toContain(response.statusCode);
  });

  it('answers unknown API routes with 404 in the common error shape', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/nope' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({ error: { code: 'route.not_found', message: expect.any(String) } });
  });
});

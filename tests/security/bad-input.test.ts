import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../src/domains/audit/audit.schema';
import { createTestBaton, type TestBaton } from '../support/test-baton';

describe('bad input gets a clear 4xx and changes nothing', () => {
  let t: TestBaton;
  let admin: Awaited<ReturnType<TestBaton['signIn']>>;
  let headers: Record<string, string>;

  beforeAll(async () => {
    t = await createTestBaton();
    const { users: [user] = [] } = await t.createWorkspaceWithUsers(['admin']);
    if (!user) throw new Error('setup failed');
    admin = await t.signIn(user.email);
    headers = { cookie: `baton_session=${admin.cookie}`, 'x-csrf-token': admin.csrfToken, 'content-type': 'application/json' };
  });
  afterAll(() => t.close());

  async function unchanged(run: () => Promise<void>) {
    const before = {
      workspace: (await admin.request('GET', '/api/workspace')).json(),
      events: (await t.db.select().from(auditEvents)).length,
    };
    await run();
    const after = {
      workspace: (await admin.request('GET', '/api/workspace')).json(),
      events: (await t.db.select().from(auditEvents)).length,
    };
    expect(after).toEqual(before);
  }

  it('malformed JSON', async () => {
    await unchanged(async () => {
      const response = await t.app.inject({ method: 'PATCH', url: '/api/workspace', headers, payload: '{"name": "Broken' });
      expect(response.statusCode).toBe(400);
      expect(response.json()).toEqual({ error: { code: 'request.malformed_json', message: 'The request body is not valid JSON' } });
    });
  });

  it('wrong types name the field', async () => {
    await unchanged(async () => {
      const response = await admin.request('PATCH', '/api/workspace', { name: 42, defaultLanguage: 'fr' });
      expect(response.statusCode).toBe(400);
      const { code, message } = response.json().error;
      expect(code).toBe('request.invalid');
      expect(message).toContain('name');
      expect(message).toContain('defaultLanguage');
    });
  });

  it('unknown fields are refused rather than ignored', async () => {
    await unchanged(async () => {
      const response = await admin.request('PATCH', '/api/workspace', { name: 'Fine', isDemo: true });
      expect(response.statusCode).toBe(400);
    });
  });

  it('an invalid time zone or business hours that end before they start', async () => {
    await unchanged(async () => {
      const zone = await admin.request('PATCH', '/api/workspace', { timezone: 'Mars/Olympus' });
      expect(zone.json().error.message).toContain('IANA time zone');
      const hours = await admin.request('PATCH', '/api/workspace', {
        businessHours: { days: [1], start: '18:00', end: '09:00', holidays: [] },
      });
      expect(hours.json().error.message).toContain('end after they start');
    });
  });

  it('an oversize body', async () => {
    await unchanged(async () => {
      const response = await t.app.inject({
        method: 'PATCH',
        url: '/api/workspace',
        headers,
        payload: JSON.stringify({ name: 'x'.repeat(2 * 1024 * 1024) }),
      });
      expect(response.statusCode).toBe(413);
      expect(response.json().error.code).toBe('request.too_large');
    });
  });

  it('a malformed id in the path', async () => {
    const response = await admin.request('PATCH', '/api/users/not-a-uuid', { role: 'member' });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toContain('userId');
  });

  it('a body of the wrong media type', async () => {
    await unchanged(async () => {
      const response = await t.app.inject({
        method: 'PATCH',
        url: '/api/workspace',
        headers: { ...headers, 'content-type': 'text/plain' },
        payload: 'name=x',
      });
      expect(response.statusCode).toBe(415);
    });
  });

  it('a short password on invitation acceptance', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/invitations/accept',
      payload: { token: 'x'.repeat(40), name: 'A', password: 'short' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toContain('at least 10 characters');
  });
});

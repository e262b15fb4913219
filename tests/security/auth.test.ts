import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outboxMessages } from '../../src/domains/outbox/outbox.schema';
import { users } from '../../src/domains/workspaces/workspaces.schema';
import { createTestBaton, sessionCookieOf, TEST_PASSWORD, type TestBaton } from '../support/test-baton';

describe('signing in, sessions and CSRF', () => {
  let t: TestBaton;
  let member: { id: string; email: string };
  let admin: { id: string; email: string };

  beforeAll(async () => {
    t = await createTestBaton();
    const { users: created } = await t.createWorkspaceWithUsers(['admin', 'member']);
    if (!created[0] || !created[1]) throw new Error('setup failed');
    [admin, member] = [created[0], created[1]];
  });
  afterAll(() => t.close());

  const login = (email: string, password: string, cookie?: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email, password },
      ...(cookie ? { headers: { cookie: `baton_session=${cookie}` } } : {}),
    });

  it('stores passwords as argon2id hashes', async () => {
    const [row] = await t.db.select().from(users).where(eq(users.id, member.id));
    expect(row?.passwordHash).toMatch(/^\$argon2id\$/);
  });

  it('refuses a wrong password and an unknown email alike, without a cookie', async () => {
    for (const response of [await login(member.email, 'wrong password'), await login('nobody@example.test', TEST_PASSWORD)]) {
      expect(response.statusCode).toBe(401);
      expect(response.json().error.code).toBe('auth.invalid_credentials');
      expect(response.cookies.find((cookie) => cookie.name === 'baton_session')).toBeUndefined();
    }
  });

  it('sets an httpOnly, SameSite session cookie and returns a CSRF token', async () => {
    const response = await login(member.email.toUpperCase(), TEST_PASSWORD);
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((entry) => entry.name === 'baton_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(response.json().csrfToken).toMatch(/^[\w-]{40,}$/);
    expect(response.json().user.email).toBe(member.email);
  });

  it('rotates the session on login: the previous session stops working', async () => {
    const first = sessionCookieOf(await login(member.email, TEST_PASSWORD));
    // Read once, so that a cached principal would still answer for it.
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie: `baton_session=${first}` } })).statusCode,
    ).toBe(200);
    const second = sessionCookieOf(await login(member.email, TEST_PASSWORD, first));
    expect(second).not.toBe(first);
    const withOld = await t.app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie: `baton_session=${first}` } });
    const withNew = await t.app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie: `baton_session=${second}` } });
    expect([withOld.statusCode, withNew.statusCode]).toEqual([401, 200]);
  });

  it('ends the session on logout', async () => {
    const session = await t.signIn(member.email);
    expect((await session.request('POST', '/api/auth/logout')).statusCode).toBe(200);
    expect((await session.request('GET', '/api/auth/session')).statusCode).toBe(401);
  });

  it('expires sessions after the configured lifetime', async () => {
    const session = await t.signIn(member.email);
    t.clock.advance((t.config.SESSION_TTL_HOURS + 1) * 3_600_000);
    expect((await session.request('GET', '/api/auth/session')).statusCode).toBe(401);
  });

  it('rejects a cookie-authenticated write without the CSRF token and changes nothing', async () => {
    const session = await t.signIn(member.email);
    const headers = { cookie: `baton_session=${session.cookie}` };
    const missing = await t.app.inject({ method: 'PATCH', url: '/api/me', headers, payload: { name: 'Forged' } });
    const wrong = await t.app.inject({
      method: 'PATCH',
      url: '/api/me',
      headers: { ...headers, 'x-csrf-token': 'x'.repeat(43) },
      payload: { name: 'Forged' },
    });
    expect([missing.statusCode, wrong.statusCode]).toEqual([403, 403]);
    expect(missing.json().error.code).toBe('auth.csrf_failed');
    const [row] = await t.db.select().from(users).where(eq(users.id, member.id));
    expect(row?.name).not.toBe('Forged');
    const allowed = await session.request('PATCH', '/api/me', { name: 'Renamed Member' });
    expect(allowed.json().name).toBe('Renamed Member');
  });

  it('accepts personal API tokens (stored hashed) without CSRF, until revoked', async () => {
    const session = await t.signIn(member.email);
    const created = (await session.request('POST', '/api/me/tokens', { name: 'crm sync' })).json();
    expect(created.token).toMatch(/^baton_/);
    const bearer = { authorization: `Bearer ${created.token}` };
    expect((await t.app.inject({ method: 'PATCH', url: '/api/me', headers: bearer, payload: { language: 'it' } })).statusCode).toBe(200);
    const listed = (await session.request('GET', '/api/me/tokens')).json();
    expect(JSON.stringify(listed)).not.toContain(created.token);
    await session.request('DELETE', `/api/me/tokens/${created.id}`);
    expect((await t.app.inject({ method: 'GET', url: '/api/users', headers: bearer })).statusCode).toBe(401);
  });

  it('changing the password ends the other sessions and needs the current password', async () => {
    const keep = await t.signIn(member.email);
    const other = await t.signIn(member.email);
    expect((await other.request('GET', '/api/auth/session')).statusCode).toBe(200);
    const wrong = await keep.request('POST', '/api/me/password', { currentPassword: 'not it', newPassword: 'another long password' });
    expect(wrong.json().error.code).toBe('auth.wrong_password');
    expect(
      (await keep.request('POST', '/api/me/password', { currentPassword: TEST_PASSWORD, newPassword: 'another long password' })).statusCode,
    ).toBe(200);
    expect((await other.request('GET', '/api/auth/session')).statusCode).toBe(401);
    expect((await keep.request('GET', '/api/auth/session')).statusCode).toBe(200);
    expect((await login(member.email, 'another long password')).statusCode).toBe(200);
    await keep.request('POST', '/api/me/password', { currentPassword: 'another long password', newPassword: TEST_PASSWORD });
  });

  it('a disabled user can neither sign in nor keep a session', async () => {
    const { users: [extraAdmin, extra] = [] } = await t.createWorkspaceWithUsers(['admin', 'member']);
    if (!extraAdmin || !extra) throw new Error('setup failed');
    const session = await t.signIn(extra.email);
    const adminSession = await t.signIn(extraAdmin.email);
    expect((await session.request('GET', '/api/auth/session')).statusCode).toBe(200);
    expect((await adminSession.request('PATCH', `/api/users/${extra.id}`, { disabled: true })).statusCode).toBe(200);
    expect((await session.request('GET', '/api/auth/session')).statusCode).toBe(401);
    expect((await login(extra.email, TEST_PASSWORD)).statusCode).toBe(401);
  });

  it('a role change, a profile change and a workspace change apply to the very next request of a signed-in session', async () => {
    const { users: [extraAdmin, extra] = [] } = await t.createWorkspaceWithUsers(['admin', 'member']);
    if (!extraAdmin || !extra) throw new Error('setup failed');
    const session = await t.signIn(extra.email);
    const adminSession = await t.signIn(extraAdmin.email);
    // Each session has just been read, so a cached principal would answer the next requests.
    expect((await session.request('GET', '/api/invitations')).statusCode).toBe(403);
    expect((await adminSession.request('PATCH', `/api/users/${extra.id}`, { role: 'admin' })).statusCode).toBe(200);
    expect((await session.request('GET', '/api/invitations')).statusCode).toBe(200);
    expect((await adminSession.request('PATCH', `/api/users/${extra.id}`, { role: 'member' })).statusCode).toBe(200);
    expect((await session.request('GET', '/api/invitations')).statusCode).toBe(403);

    expect((await session.request('PATCH', '/api/me', { name: 'Renamed Now' })).statusCode).toBe(200);
    expect((await session.request('GET', '/api/auth/session')).json().user.name).toBe('Renamed Now');
    expect((await adminSession.request('PATCH', '/api/workspace', { name: 'Renamed Workspace' })).statusCode).toBe(200);
    expect((await session.request('GET', '/api/workspace')).json().name).toBe('Renamed Workspace');
  });

  it('an admin cannot demote or disable themselves', async () => {
    const session = await t.signIn(admin.email);
    const response = await session.request('PATCH', `/api/users/${admin.id}`, { role: 'member' });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe('user.cannot_change_self');
  });
});

describe('login rate limit', () => {
  let t: TestBaton;
  beforeAll(async () => {
    t = await createTestBaton({ LOGIN_RATE_LIMIT: '3' });
  });
  afterAll(() => t.close());

  it('answers 429 after too many attempts in a minute', async () => {
    const attempt = () => t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'x@example.test', password: 'guess' } });
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await attempt()).statusCode);
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
    expect((await attempt()).json().error.code).toBe('request.rate_limited');
  });
});

describe('invitations', () => {
  let t: TestBaton;
  let adminSession: Awaited<ReturnType<TestBaton['signIn']>>;
  beforeAll(async () => {
    t = await createTestBaton({ PUBLIC_URL: 'https://baton.example.test', SESSION_TTL_HOURS: '1000' });
    const { users: [admin] = [] } = await t.createWorkspaceWithUsers(['admin']);
    if (!admin) throw new Error('setup failed');
    adminSession = await t.signIn(admin.email);
  });
  afterAll(() => t.close());

  async function invite(email: string, language: 'en' | 'it') {
    const response = await adminSession.request('POST', '/api/invitations', { email, role: 'member', language });
    expect(response.statusCode).toBe(201);
    await t.runJobs();
    const [mail] = await t.db.select().from(outboxMessages).where(eq(outboxMessages.toAddress, email));
    const token = mail?.textBody.match(/\/invite\/([\w-]+)/)?.[1];
    if (!mail || !token) throw new Error('no invitation mail with a link');
    return { mail, token, invitation: response.json() };
  }

  it('mails the invitee a link in their language through the outbox; the link creates the account once', async () => {
    const { mail, token } = await invite('giulia@example.test', 'it');
    expect(mail.subject).toMatch(/^Invito a /);
    expect(mail.textBody).toContain('https://baton.example.test/invite/');
    expect(mail.status).toBe('stored');
    const preview = await t.app.inject({ method: 'GET', url: `/api/invitations/preview?token=${token}` });
    expect(preview.json()).toMatchObject({ email: 'giulia@example.test', language: 'it' });
    const accept = () =>
      t.app.inject({ method: 'POST', url: '/api/invitations/accept', payload: { token, name: 'Giulia', password: 'giulia password 1' } });
    expect((await accept()).statusCode).toBe(201);
    const again = await accept();
    expect([again.statusCode, again.json().error.code]).toEqual([410, 'invitation.used']);
    const signIn = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'giulia@example.test', password: 'giulia password 1' },
    });
    expect(signIn.json().user).toMatchObject({ role: 'member', language: 'it' });
  });

  it('refuses an expired invitation and creates no user', async () => {
    const { token } = await invite('late@example.test', 'en');
    t.clock.advance((t.config.INVITATION_TTL_HOURS + 1) * 3_600_000);
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/invitations/accept',
      payload: { token, name: 'Late', password: 'late password 1' },
    });
    expect([response.statusCode, response.json().error.code]).toEqual([410, 'invitation.expired']);
    expect(await t.db.select().from(users).where(eq(users.email, 'late@example.test'))).toHaveLength(0);
    const listed = (await adminSession.request('GET', '/api/invitations')).json();
    expect(listed.find((entry: { email: string }) => entry.email === 'late@example.test').status).toBe('expired');
  });

  it('refuses a revoked invitation', async () => {
    const { token, invitation } = await invite('revoked@example.test', 'en');
    await adminSession.request('DELETE', `/api/invitations/${invitation.id}`);
    const response = await t.app.inject({ method: 'GET', url: `/api/invitations/preview?token=${token}` });
    expect(response.json().error.code).toBe('invitation.used');
  });

  it('refuses to invite an address that already has an account', async () => {
    const response = await adminSession.request('POST', '/api/invitations', {
      email: 'giulia@example.test',
      role: 'member',
      language: 'en',
    });
    expect([response.statusCode, response.json().error.code]).toEqual([409, 'user.email_taken']);
  });
});

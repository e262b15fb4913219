import { randomUUID } from 'node:crypto';
import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { briefContentSchema } from '../../src/contracts/briefs.contracts';
import { absenceCoverage, briefs, briefVersions } from '../../src/domains/absences/absences.schema';
import { statusLinks } from '../../src/domains/absences/status-links.schema';
import { auditEvents } from '../../src/domains/audit/audit.schema';
import { outboxMessages } from '../../src/domains/outbox/outbox.schema';
import { contentHash } from '../../src/platform/security/canonical-json';
import { sha256Hex } from '../../src/platform/security/tokens';
import { clientMail, type MailWorld, seedMailWorld } from '../mail/mail-fixtures';
import { createTestBaton, type TestBaton } from '../support/test-baton';

type Session = Awaited<ReturnType<TestBaton['signIn']>>;

const linkPattern = /https:\/\/baton\.example\.test\/status\/([A-Za-z0-9_-]+)/;

/**
 * Anna is away (active absence, 2026-03-01 → 2026-03-16 Europe/Rome) covering Acme (Italian, with a shared brief in
 * two versions) and Globex (English, no brief); Luca Verdi is her delegate. The clock is at 2026-03-02T09:00Z.
 */
describe('the client status link', () => {
  let t: TestBaton;
  let world: MailWorld;
  let as: { anna: Session; manager: Session; admin: Session; luca: Session; stranger: Session };
  const links: { acme?: string; globex?: string } = {};

  beforeAll(async () => {
    t = await createTestBaton({ PUBLIC_URL: 'https://baton.example.test' });
    world = await seedMailWorld(t);
    const { workspace, anna, absence, acme, globex } = world;
    await t.db.insert(absenceCoverage).values([
      { workspaceId: workspace.id, absenceId: absence.id, clientId: acme.id },
      { workspaceId: workspace.id, absenceId: absence.id, clientId: globex.id },
    ]);
    const version = (summary: string) =>
      briefContentSchema.parse({
        situation: 'INTERNAL: Acme is unhappy about the last invoice',
        faq: [{ question: 'Discount?', answer: 'INTERNAL: never more than 5%' }],
        clientSummary: summary,
      });
    const v1 = version('Il preventivo è in preparazione.');
    const v2 = version('Il preventivo aggiornato arriverà entro venerdì 6 marzo.\nPer urgenze scriva a Luca.');
    const [brief] = await t.db
      .insert(briefs)
      .values({ workspaceId: workspace.id, absenceId: absence.id, clientId: acme.id, draft: v2, currentVersion: 2 })
      .returning();
    if (!brief) throw new Error('setup failed');
    await t.db.insert(briefVersions).values(
      [v1, v2].map((content, index) => ({
        workspaceId: workspace.id,
        briefId: brief.id,
        version: index + 1,
        content,
        contentHash: contentHash(content),
        createdBy: anna.id,
        createdAt: t.clock.now(),
      })),
    );
    const other = await t.createWorkspaceWithUsers(['admin']);
    if (!other.users[0]) throw new Error('setup failed');
    as = {
      anna: await t.signIn(anna.email),
      manager: await t.signIn(world.manager.email),
      admin: await t.signIn(world.admin.email),
      luca: await t.signIn(world.delegate.email),
      stranger: await t.signIn(other.users[0].email),
    };
  });
  afterAll(() => t.close());

  const ingest = (raw: Buffer) =>
    t.deps.mail.ingestion.ingestRawMessage({
      workspaceId: world.workspace.id,
      mailboxId: world.mailbox.id,
      raw,
      receivedAt: t.clock.now(),
    });
  const replyTo = async (address: string) => {
    const rows = await t.db
      .select()
      .from(outboxMessages)
      .where(and(eq(outboxMessages.kind, 'mail.auto_reply'), like(outboxMessages.toAddress, `%${address}%`)));
    expect(rows).toHaveLength(1);
    return rows[0]?.textBody ?? '';
  };
  const tokenIn = (text: string) => {
    const token = text.match(linkPattern)?.[1];
    if (!token) throw new Error(`no status link in: ${text}`);
    return token;
  };
  const open = (token: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url: `/status/${token}`, headers });
  const statusLinkPath = (suffix = '') => `/api/absences/${world.absence.id}/status-link${suffix}`;
  const overview = async () => (await as.anna.request('GET', `${statusLinkPath('s')}`)).json();
  const acmeRow = async () =>
    (await overview()).clients.find((client: { clientId: string }) => client.clientId === world.acme.id) as Record<string, unknown>;
  let unavailable = '';

  it('sends no link while the absence has it switched off (the default)', async () => {
    expect((await as.anna.request('GET', `/api/absences/${world.absence.id}`)).json()).toMatchObject({
      statusLinkEnabled: false,
      actions: { statusLink: true },
    });
    await ingest(clientMail({ from: 'Off <off@acme.example>' }));
    await t.runJobs();
    const text = await replyTo('off@acme.example');
    expect(text).toContain('Luca Verdi');
    expect(text).not.toContain('/status/');
    expect(text).not.toContain('Lo stato delle sue richieste');
    expect(await t.db.select().from(statusLinks)).toHaveLength(0);
  });

  it('switched on, the reply to a client carries a link whose page shows who covers, the return date and the brief’s client summary, in Italian', async () => {
    const enabled = await as.anna.request('PUT', statusLinkPath(), { enabled: true });
    expect(enabled.statusCode).toBe(200);
    expect(enabled.json()).toMatchObject({ enabled: true, expiresAt: '2026-03-22T23:00:00.000Z' });

    await ingest(clientMail({ messageId: '<link-1@acme.example>' }));
    await t.runJobs();
    const text = await replyTo('mario@acme.example');
    expect(text).toMatch(/Lo stato delle sue richieste: https:\/\/baton\.example\.test\/status\/[A-Za-z0-9_-]{43}$/);
    links.acme = tokenIn(text);

    const page = await open(links.acme);
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.body).toContain('<html lang="it">');
    expect(page.body).toContain('Lo stato delle sue richieste');
    expect(page.body).toContain(world.workspace.name);
    expect(page.body).toContain('Chi la segue');
    expect(page.body).toContain('Luca Verdi');
    expect(page.body).toContain(`mailto:${world.delegate.email}`);
    expect(page.body).toMatch(/Rientro previsto[\s\S]*lunedì 16 marzo 2026/);
    expect(page.body).toContain('Il preventivo aggiornato arriverà entro venerdì 6 marzo.\nPer urgenze scriva a Luca.');
    // Only the current version's client summary: nothing else of the brief, no older version.
    expect(page.body).not.toContain('in preparazione');
    expect(page.body).not.toContain('INTERNAL');
    expect(page.body).not.toContain(world.anna.name);
  });

  it('answers an English client in English, with a neutral line when its brief has no summary', async () => {
    await ingest(
      clientMail({
        from: 'ceo@globex.example',
        subject: 'Invoice',
        body: 'Hello Anna, could you please send me the invoice for last month? Thanks.',
      }),
    );
    await t.runJobs();
    const text = await replyTo('ceo@globex.example');
    expect(text).toContain('Status of your requests: https://baton.example.test/status/');
    links.globex = tokenIn(text);
    const page = await open(links.globex);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<html lang="en">');
    expect(page.body).toContain('Who is looking after you');
    expect(page.body).toMatch(/Expected return[\s\S]*Monday,? 16 March 2026/);
    expect(page.body).toContain('There is no update to share here at the moment.');
  });

  it('stores only the SHA-256 of a 256-bit token: the plaintext is in the mail, not in the links or the audit', async () => {
    const token = links.acme ?? '';
    expect(Buffer.from(token, 'base64url').length * 8).toBeGreaterThanOrEqual(128);
    const rows = await t.db.select().from(statusLinks).where(eq(statusLinks.clientId, world.acme.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]?.tokenHash).toBe(sha256Hex(token));
    expect(JSON.stringify(rows)).not.toContain(token);
    const audit = await t.db.select().from(auditEvents).where(eq(auditEvents.workspaceId, world.workspace.id));
    expect(JSON.stringify(audit)).not.toContain(token);
    // Another reply mints another token: two clients never share one.
    expect(links.globex).not.toBe(token);
  });

  it('sends the headers a private page needs and no cookie, even to a visitor who sends a session cookie', async () => {
    const page = await open(links.acme ?? '', { cookie: `baton_session=${as.anna.cookie}` });
    expect(page.statusCode).toBe(200);
    expect(page.headers['set-cookie']).toBeUndefined();
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    expect(page.headers['x-robots-tag']).toContain('noindex');
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toMatch(/style-src 'sha256-[A-Za-z0-9+/=]+'/);
    expect(page.body).not.toContain('<script');
    const missing = await open('x'.repeat(43), { cookie: `baton_session=${as.anna.cookie}` });
    expect(missing.headers['set-cookie']).toBeUndefined();
  });

  it('counts each view and audits it with no actor and the link as subject; a HEAD is not counted', async () => {
    const before = await acmeRow();
    await open(links.acme ?? '');
    await t.app.inject({ method: 'HEAD', url: `/status/${links.acme}` });
    const after = await acmeRow();
    expect(after).toMatchObject({
      clientName: 'Acme',
      links: 1,
      activeLinks: 1,
      views: Number(before.views) + 1,
      lastViewedAt: t.clock.now().toISOString(),
    });
    const [link] = await t.db.select().from(statusLinks).where(eq(statusLinks.clientId, world.acme.id));
    const events = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.subjectType, 'status_link'), eq(auditEvents.subjectId, link?.id ?? '')))
      .orderBy(auditEvents.seq);
    expect(events.map((event) => [event.action, event.actorId])).toEqual([
      ['status_link.created', null],
      ...Array.from({ length: Number(after.views) }, () => ['status_link.viewed', null]),
    ]);
    expect(events.at(-1)?.data).toMatchObject({ absenceId: world.absence.id, clientId: world.acme.id, views: after.views });
  });

  it('shows one neutral 404 page for an unknown or malformed token', async () => {
    const unknown = await open('A'.repeat(43));
    expect(unknown.statusCode).toBe(404);
    expect(unknown.headers['cache-control']).toBe('no-store');
    expect(unknown.headers['x-robots-tag']).toContain('noindex');
    expect(unknown.body).toContain('This page is not available');
    expect(unknown.body).toContain('Questa pagina non è disponibile');
    unavailable = unknown.body;
    for (const token of ['short', `${links.acme}x`, `${'B'.repeat(42)}!`]) {
      const response = await open(encodeURIComponent(token));
      expect({ token, status: response.statusCode, same: response.body === unavailable }).toEqual({ token, status: 404, same: true });
    }
  });

  it('switched off, every page already sent shows the same 404 page; switched on again, they work again', async () => {
    expect((await as.manager.request('PUT', statusLinkPath(), { enabled: false })).json().enabled).toBe(false);
    const off = await open(links.acme ?? '');
    expect([off.statusCode, off.body === unavailable]).toEqual([404, true]);
    expect((await as.admin.request('PUT', statusLinkPath(), { enabled: true })).json().enabled).toBe(true);
    expect((await open(links.acme ?? '')).statusCode).toBe(200);
    const actions = (await auditActionsOf(world.absence.id)).filter((action) => action.startsWith('absence.status_link'));
    expect(actions).toEqual(['absence.status_link_enabled', 'absence.status_link_disabled', 'absence.status_link_enabled']);
  });

  it('revoking a client’s links closes their pages only; a later reply to that client carries a new link', async () => {
    const revoked = await as.anna.request('POST', `${statusLinkPath('s')}/revoke`, { clientId: world.acme.id });
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json().revoked).toBe(1);
    expect(await acmeRow()).toMatchObject({ links: 1, activeLinks: 0 });
    const page = await open(links.acme ?? '');
    expect([page.statusCode, page.body === unavailable]).toEqual([404, true]);
    expect((await open(links.globex ?? '')).statusCode).toBe(200);
    expect((await auditActionsOf(world.absence.id)).at(-1)).toBe('status_link.revoked');

    await ingest(clientMail({ from: 'Giulia <giulia@sales.acme.example>' }));
    await t.runJobs();
    const fresh = tokenIn(await replyTo('giulia@sales.acme.example'));
    expect((await open(fresh)).statusCode).toBe(200);
    expect(await acmeRow()).toMatchObject({ links: 2, activeLinks: 1 });
    // Revoking again without a client closes every link of the absence.
    expect((await as.anna.request('POST', `${statusLinkPath('s')}/revoke`, {})).json().revoked).toBe(2);
    expect((await open(fresh)).statusCode).toBe(404);
    expect((await open(links.globex ?? '')).statusCode).toBe(404);
  });

  it('lets only the owner, the absence’s manager or an admin switch, list or revoke; another workspace gets 404', async () => {
    const calls = [
      ['PUT', statusLinkPath(), { enabled: false }],
      ['GET', statusLinkPath('s'), undefined],
      ['POST', `${statusLinkPath('s')}/revoke`, {}],
    ] as const;
    for (const [method, url, body] of calls) {
      const delegate = await as.luca.request(method, url, body);
      expect({ url, method, status: delegate.statusCode, code: delegate.json().error?.code }).toEqual({
        url,
        method,
        status: 403,
        code: 'absence.only_owner_or_manager',
      });
      expect((await as.stranger.request(method, url, body)).statusCode).toBe(404);
      expect((await t.app.inject({ method, url, ...(body ? { payload: body } : {}) })).statusCode).toBe(401);
    }
    expect((await as.luca.request('GET', `/api/absences/${world.absence.id}`)).json().actions.statusLink).toBe(false);
    expect((await overview()).enabled).toBe(true);
  });

  it('refuses bad input with a clear error and changes nothing', async () => {
    const before = await overview();
    const bad = [
      ['PUT', statusLinkPath(), { enabled: 'yes' }, 'request.invalid'],
      ['PUT', statusLinkPath(), {}, 'request.invalid'],
      ['PUT', statusLinkPath(), { enabled: false, forever: true }, 'request.invalid'],
      ['PUT', '/api/absences/not-a-uuid/status-link', { enabled: false }, 'request.invalid'],
      ['POST', `${statusLinkPath('s')}/revoke`, { clientId: 'acme' }, 'request.invalid'],
      ['POST', `${statusLinkPath('s')}/revoke`, { clientId: randomUUID() }, 'status_link.client_not_found'],
    ] as const;
    for (const [method, url, body, code] of bad) {
      const response = await as.anna.request(method, url, body);
      expect({ body, status: response.statusCode, code: response.json().error.code }).toEqual({ body, status: 400, code });
    }
    expect(await overview()).toEqual(before);
  });

  it('works until 7 days after the return, naming the owner once back; then shows the neutral 404 page', async () => {
    await as.anna.request('PUT', statusLinkPath(), { enabled: true });
    await ingest(clientMail({ from: 'late@globex.example', body: 'Hello Anna, a quick question about the project timeline please.' }));
    await t.runJobs();
    const token = tokenIn(await replyTo('late@globex.example'));
    // One minute before the end + 7 days (2026-03-16T00:00 in Rome is 2026-03-15T23:00Z).
    t.clock.set('2026-03-22T22:59:00Z');
    const lastDay = await open(token);
    expect(lastDay.statusCode).toBe(200);
    expect(lastDay.body).toContain('Your contact');
    expect(lastDay.body).toContain(world.anna.name);
    expect(lastDay.body).toMatch(/Returned[\s\S]*16 March 2026/);
    t.clock.set('2026-03-22T23:00:00Z');
    const expired = await open(token);
    expect([expired.statusCode, expired.body === unavailable]).toEqual([404, true]);
  });

  it('refuses a flood of requests from one address', async () => {
    const statuses: number[] = [];
    for (let index = 0; index < 61; index += 1)
      statuses.push((await t.app.inject({ method: 'GET', url: `/status/${'C'.repeat(43)}`, remoteAddress: '203.0.113.7' })).statusCode);
    expect(statuses.slice(0, 60).every((status) => status === 404)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    // Another address is not affected.
    expect((await t.app.inject({ method: 'GET', url: `/status/${'C'.repeat(43)}`, remoteAddress: '203.0.113.8' })).statusCode).toBe(404);
  });

  async function auditActionsOf(subjectId: string) {
    const rows = await t.db.select().from(auditEvents).where(eq(auditEvents.subjectId, subjectId)).orderBy(auditEvents.seq);
    return rows.map((row) => row.action);
  }
});

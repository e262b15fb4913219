import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../src/domains/audit/audit.schema';
import { clients } from '../../src/domains/clients/clients.schema';
import { createTestBaton, TEST_PASSWORD, type TestBaton } from '../support/test-baton';

type Session = Awaited<ReturnType<TestBaton['signIn']>>;

describe('clients API', () => {
  let t: TestBaton;
  let admin: Session;
  let manager: Session;
  let owner: Session;
  let other: Session;
  let ownerId: string;
  let workspaceId: string;

  beforeAll(async () => {
    t = await createTestBaton();
    const { workspace, users } = await t.createWorkspaceWithUsers(['admin', 'manager', 'member']);
    const x = await t.deps.members.createUser({
      workspaceId: workspace.id,
      email: `other-${workspace.slug}@example.test`,
      name: 'Other Member',
      role: 'member',
      language: 'en',
      password: TEST_PASSWORD,
    });
    const [a, m, o] = users;
    if (!a || !m || !o || !x) throw new Error('setup failed');
    workspaceId = workspace.id;
    ownerId = o.id;
    admin = await t.signIn(a.email);
    manager = await t.signIn(m.email);
    owner = await t.signIn(o.email);
    other = await t.signIn(x.email);
  });
  afterAll(() => t.close());

  const auditCount = async () => (await t.db.select().from(auditEvents).where(eq(auditEvents.workspaceId, workspaceId))).length;

  async function createClient(as: Session, body: Record<string, unknown>) {
    const response = await as.request('POST', '/api/clients', body);
    expect(response.statusCode, response.body).toBe(201);
    return response.json();
  }

  it('creates a client with domains and contacts, owned by its creator, with a first status row and an audit event', async () => {
    const before = await auditCount();
    const client = await createClient(owner, {
      name: 'Acme Costruzioni',
      tier: 'key',
      domains: ['https://www.Acme-Costruzioni.example/'],
      contacts: [{ name: 'Ada Rossi', role: 'CFO', emails: ['Ada@Acme-Costruzioni.example'], phones: ['+39 02 555 0100'] }],
    });
    expect(client).toMatchObject({
      name: 'Acme Costruzioni',
      tier: 'key',
      status: 'active',
      language: 'en',
      ownerId,
      domains: ['acme-costruzioni.example'],
      archived: false,
      canEdit: true,
      contacts: [{ name: 'Ada Rossi', role: 'CFO', emails: ['ada@acme-costruzioni.example'], phones: ['+39 02 555 0100'] }],
    });
    expect(client.statusHistory).toMatchObject([{ fromStatus: null, toStatus: 'active' }]);
    expect(await auditCount()).toBe(before + 1);
  });

  it('lists with search by name, domain and contact email, filters and pagination', async () => {
    await createClient(owner, { name: 'Bluefin Analytics', domains: ['bluefin.example'], status: 'at_risk' });
    await createClient(manager, {
      name: 'Northwind',
      domains: ['northwind.example'],
      contacts: [{ name: 'Jim', emails: ['jim@nw-mail.example'] }],
    });
    const names = async (query: string) => {
      const response = await other.request('GET', `/api/clients${query}`);
      expect(response.statusCode, response.body).toBe(200);
      return response.json().map((client: { name: string }) => client.name);
    };
    expect(await names('')).toEqual(['Acme Costruzioni', 'Bluefin Analytics', 'Northwind']);
    expect(await names('?q=blue')).toEqual(['Bluefin Analytics']);
    expect(await names('?q=northwind.ex')).toEqual(['Northwind']);
    expect(await names('?q=jim%40nw')).toEqual(['Northwind']);
    expect(await names('?q=100%25')).toEqual([]);
    expect(await names('?tier=key')).toEqual(['Acme Costruzioni']);
    expect(await names('?status=at_risk')).toEqual(['Bluefin Analytics']);
    expect(await names(`?ownerId=${ownerId}`)).toEqual(['Acme Costruzioni', 'Bluefin Analytics']);
    const page = await other.request('GET', '/api/clients?limit=2&offset=1');
    expect(page.json().map((client: { name: string }) => client.name)).toEqual(['Bluefin Analytics', 'Northwind']);
    expect(page.headers['x-total-count']).toBe('3');
  });

  it('lets the owner, a manager and an admin edit, and answers 403 to another member without changing anything', async () => {
    const client = await createClient(owner, { name: 'Orsini', domains: ['orsini.example'] });
    const url = `/api/clients/${client.id}`;
    const before = await auditCount();
    const forbidden = await other.request('PATCH', url, { name: 'Hacked' });
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.json().error.code).toBe('client.forbidden');
    for (const path of ['/status', '/archive', '/contacts', '/projects']) {
      const body = path === '/status' ? { status: 'lost', reason: 'no reply' } : path === '/archive' ? {} : { name: 'X' };
      expect((await other.request('POST', `${url}${path}`, body)).statusCode, path).toBe(403);
    }
    expect(await auditCount()).toBe(before);
    expect((await other.request('GET', url)).json()).toMatchObject({ name: 'Orsini', canEdit: false });

    expect((await owner.request('PATCH', url, { notes: 'Prefers calls' })).statusCode).toBe(200);
    expect((await manager.request('PATCH', url, { tier: 'key' })).statusCode).toBe(200);
    const edited = await admin.request('PATCH', url, { name: 'Orsini S.p.A.', domains: ['orsini.example', 'orsini.it'], language: 'it' });
    expect(edited.json()).toMatchObject({
      name: 'Orsini S.p.A.',
      tier: 'key',
      notes: 'Prefers calls',
      language: 'it',
      domains: ['orsini.example', 'orsini.it'],
    });
    expect(await auditCount()).toBe(before + 3);
  });

  it('records every status change with who, when and why', async () => {
    const client = await createClient(owner, { name: 'Lost Co' });
    const url = `/api/clients/${client.id}/status`;
    t.clock.advance(60_000);
    expect((await owner.request('POST', url, { status: 'lost', reason: 'Nobody answered their calls in August' })).statusCode).toBe(200);
    const wonBack = await manager.request('POST', url, { status: 'won_back', reason: 'Apology call and a discount' });
    expect(wonBack.json().status).toBe('won_back');
    expect(wonBack.json().statusHistory).toMatchObject([
      {
        fromStatus: 'lost',
        toStatus: 'won_back',
        reason: 'Apology call and a discount',
        changedByName: expect.stringContaining('manager'),
      },
      { fromStatus: 'active', toStatus: 'lost', reason: 'Nobody answered their calls in August', changedBy: ownerId },
      { fromStatus: null, toStatus: 'active' },
    ]);
    const same = await owner.request('POST', url, { status: 'won_back', reason: 'again' });
    expect([same.statusCode, same.json().error.code]).toEqual([409, 'client.status_unchanged']);
    const noReason = await owner.request('POST', url, { status: 'active', reason: '' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.message).toContain('reason');
  });

  it('archives and unarchives; archived clients are listed only on request', async () => {
    const client = await createClient(owner, { name: 'Zeta Archive' });
    expect((await owner.request('POST', `/api/clients/${client.id}/archive`, {})).json().archived).toBe(true);
    const again = await owner.request('POST', `/api/clients/${client.id}/archive`, {});
    expect([again.statusCode, again.json().error.code]).toEqual([409, 'client.already_archived']);
    const listed = async (query: string) =>
      (await owner.request('GET', `/api/clients${query}`)).json().some((row: { id: string }) => row.id === client.id);
    expect(await listed('')).toBe(false);
    expect(await listed('?includeArchived=true')).toBe(true);
    expect((await owner.request('POST', `/api/clients/${client.id}/unarchive`, {})).json().archived).toBe(false);
    expect(await listed('')).toBe(true);
  });

  it('adds, edits and deletes contacts and projects', async () => {
    const client = await createClient(owner, { name: 'Contacts Co' });
    const base = `/api/clients/${client.id}`;
    const withContact = (
      await owner.request('POST', `${base}/contacts`, { name: 'Eva', role: 'CTO', emails: ['eva@contacts.example'] })
    ).json();
    const contactId = withContact.contacts[0].id;
    const edited = await owner.request('PATCH', `${base}/contacts/${contactId}`, {
      emails: ['eva@contacts.example', 'eva.b@contacts.example'],
      phones: ['+39 333 1234567'],
    });
    expect(edited.json().contacts[0]).toMatchObject({
      name: 'Eva',
      emails: ['eva.b@contacts.example', 'eva@contacts.example'],
      phones: ['+39 333 1234567'],
    });
    expect((await owner.request('DELETE', `${base}/contacts/${contactId}`)).json().contacts).toEqual([]);

    const withProject = (await owner.request('POST', `${base}/projects`, { name: 'Website', status: 'planned' })).json();
    expect(withProject.projects[0]).toMatchObject({ name: 'Website', status: 'planned', ownerId });
    const projectId = withProject.projects[0].id;
    expect((await owner.request('PATCH', `${base}/projects/${projectId}`, { status: 'done' })).json().projects[0].status).toBe('done');
    expect((await owner.request('DELETE', `${base}/projects/${projectId}`)).json().projects).toEqual([]);
    expect((await owner.request('DELETE', `${base}/projects/${projectId}`)).statusCode).toBe(404);
  });

  it('answers 409 with a dotted code when a domain or an email already belongs to another client, and changes nothing', async () => {
    const first = await createClient(owner, {
      name: 'Taken One',
      domains: ['taken.example'],
      contacts: [{ name: 'T', emails: ['t@taken.example'] }],
    });
    const second = await createClient(owner, { name: 'Taken Two' });
    const before = await auditCount();
    const domain = await owner.request('POST', '/api/clients', { name: 'Dup', domains: ['taken.example'] });
    expect([domain.statusCode, domain.json().error.code]).toEqual([409, 'client.domain_taken']);
    const patch = await owner.request('PATCH', `/api/clients/${second.id}`, { name: 'Renamed', domains: ['TAKEN.example'] });
    expect([patch.statusCode, patch.json().error.code]).toEqual([409, 'client.domain_taken']);
    const email = await owner.request('POST', `/api/clients/${second.id}/contacts`, { name: 'Copy', emails: ['T@taken.example'] });
    expect([email.statusCode, email.json().error.code]).toEqual([409, 'contact.email_taken']);
    expect(email.json().error.message).toContain('another contact');
    expect(await auditCount()).toBe(before);
    expect((await owner.request('GET', `/api/clients/${second.id}`)).json()).toMatchObject({
      name: 'Taken Two',
      domains: [],
      contacts: [],
    });
    expect((await owner.request('GET', `/api/clients/${first.id}`)).json().domains).toEqual(['taken.example']);
    expect((await t.db.select().from(clients).where(eq(clients.name, 'Dup'))).length).toBe(0);
  });

  it('rejects bad input with a 400 that says what is wrong, and creates nothing', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ name: '' }, 'name'],
      [{ name: 'X', tier: 'gold' }, 'tier'],
      [{ name: 'X', status: 'sleeping' }, 'status'],
      [{ name: 'X', language: 'fr' }, 'language'],
      [{ name: 'X', domains: ['not a domain'] }, 'domain'],
      [{ name: 'X', contacts: [{ name: 'Y', emails: ['nope'] }] }, 'email'],
      [{ name: 'X', contacts: [{ name: 'Y', phones: ['call me'] }] }, 'phone'],
    ];
    const before = (await owner.request('GET', '/api/clients?includeArchived=true')).json().length;
    for (const [body, hint] of cases) {
      const response = await owner.request('POST', '/api/clients', body);
      expect({ body, status: response.statusCode }).toEqual({ body, status: 400 });
      expect(response.json().error.message.toLowerCase()).toContain(hint);
    }
    const unknownOwner = await owner.request('POST', '/api/clients', { name: 'X', ownerId: '00000000-0000-4000-8000-000000000000' });
    expect([unknownOwner.statusCode, unknownOwner.json().error.code]).toEqual([400, 'client.owner_not_found']);
    expect((await owner.request('PATCH', `/api/clients/${'0'.repeat(8)}-0000-4000-8000-000000000000`, { name: 'Y' })).statusCode).toBe(404);
    expect((await owner.request('GET', '/api/clients/not-a-uuid')).json().error.message).toContain('clientId must be a UUID');
    expect((await owner.request('GET', '/api/clients?tier=gold')).statusCode).toBe(400);
    expect((await owner.request('GET', '/api/clients?includeArchived=true')).json().length).toBe(before);
  });
});

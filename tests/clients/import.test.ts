import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../src/domains/audit/audit.schema';
import { clients } from '../../src/domains/clients/clients.schema';
import { winBackCadences, winBackReminders } from '../../src/domains/recovery/recovery.schema';
import { createTestBaton, TEST_PASSWORD, type TestBaton } from '../support/test-baton';
import { generateClientsCsv } from './clients-csv';

type Session = Awaited<ReturnType<TestBaton['signIn']>>;

describe('CSV import of clients', () => {
  let t: TestBaton;
  let manager: Session;
  let member: Session;
  let workspaceId: string;

  beforeAll(async () => {
    t = await createTestBaton();
    const { workspace, users } = await t.createWorkspaceWithUsers(['manager', 'member']);
    workspaceId = workspace.id;
    manager = await t.signIn(users[0]?.email ?? '');
    member = await t.signIn(users[1]?.email ?? '');
    await t.deps.members.createUser({
      workspaceId,
      email: 'anna@example.test',
      name: 'Anna',
      role: 'member',
      language: 'it',
      password: TEST_PASSWORD,
    });
  });
  afterAll(() => t.close());

  const upload = (as: Session, csv: string, fileName = 'clients.csv') =>
    t.app.inject({
      method: 'POST',
      url: `/api/client-imports?fileName=${encodeURIComponent(fileName)}`,
      headers: { cookie: `baton_session=${as.cookie}`, 'x-csrf-token': as.csrfToken, 'content-type': 'text/csv' },
      payload: csv,
    });

  const countClients = async () =>
    Number((await t.db.select({ n: sql<number>`count(*)` }).from(clients).where(eq(clients.workspaceId, workspaceId)))[0]?.n ?? 0);

  async function runImport(as: Session, csv: string, mapping: Record<string, string | null> = {}) {
    const uploaded = await upload(as, csv);
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    const id = uploaded.json().id;
    const dryRun = await as.request('POST', `/api/client-imports/${id}/dry-run`, { mapping });
    expect(dryRun.statusCode, dryRun.body).toBe(200);
    const started = await as.request('POST', `/api/client-imports/${id}/start`, { mapping });
    expect(started.statusCode, started.body).toBe(202);
    await t.runJobs();
    return { id, dryRun: dryRun.json(), final: (await as.request('GET', `/api/client-imports/${id}`)).json() };
  }

  it('suggests a mapping for a HubSpot contacts export and merges its rows into one client per company', async () => {
    const csv = [
      'Record ID,First Name,Last Name,Email,Phone Number,Job Title,Company Name,Website URL',
      '1,Giulia,Orsini,giulia@orsini.example,+39 06 5550 1201,CFO,Orsini Costruzioni,https://www.orsini.example',
      '2,Roberto,Fabbri,r.fabbri@orsini.example,+39 06 5550 1245,Marketing,Orsini Costruzioni,',
      '3,Hannah,Cole,hannah@bluefin.example,,CTO,Bluefin Analytics,bluefin.example',
    ].join('\n');
    const uploaded = (await upload(manager, csv)).json();
    expect(uploaded.suggestedMapping).toMatchObject({
      'Record ID': null,
      'First Name': 'contact_first_name',
      'Company Name': 'name',
      'Website URL': 'website',
      Email: 'contact_email',
    });
    expect(uploaded).toMatchObject({ status: 'uploaded', total: 3, fileName: 'clients.csv' });
    const { dryRun, final } = await runImport(manager, csv);
    expect(dryRun).toMatchObject({ ok: true, summary: { rows: 3, clients: 2, create: 2, contactsAdded: 3, domainsAdded: 2 } });
    expect(final).toMatchObject({ status: 'done', processed: 3, summary: { create: 2 } });
    const list = (await manager.request('GET', '/api/clients?q=orsini')).json();
    expect(list).toHaveLength(1);
    const orsini = (await manager.request('GET', `/api/clients/${list[0].id}`)).json();
    expect(orsini.contacts.map((contact: { name: string }) => contact.name)).toEqual(['Giulia Orsini', 'Roberto Fabbri']);
    expect(orsini.domains).toEqual(['orsini.example']);
  });

  it('lists bad rows with their line numbers in the dry run and writes nothing, even when started', async () => {
    const csv = [
      'name,tier,status,language,owner_email,domains,contact_email',
      'Good Co,key,active,en,anna@example.test,good.example,a@good.example',
      ',standard,active,en,,,',
      'Bad Email,standard,active,en,,bad.example,not-an-email',
      'Bad Tier,gold,active,en,,,',
      'Bad Status,standard,sleeping,en,,,',
      'Bad Language,standard,active,fr,,,',
      'Bad Owner,standard,active,en,ghost@example.test,,',
      'Dup Domain,standard,active,en,,good.example,',
    ].join('\n');
    const before = await countClients();
    const auditBefore = (await t.db.select().from(auditEvents).where(eq(auditEvents.workspaceId, workspaceId))).length;
    const { dryRun, final } = await runImport(manager, csv);
    expect(dryRun.ok).toBe(false);
    expect(dryRun.errors.map((error: { line: number; code: string }) => [error.line, error.code])).toEqual([
      [3, 'import.missing_name'],
      [4, 'import.bad_email'],
      [5, 'import.bad_tier'],
      [6, 'import.bad_status'],
      [7, 'import.bad_language'],
      [8, 'import.unknown_owner'],
      [9, 'import.duplicate_domain'],
    ]);
    expect(final.status).toBe('failed');
    expect(final.errorCount).toBe(7);
    expect(await countClients()).toBe(before);
    // Only the start of the import is audited; no client event.
    const events = await t.db.select().from(auditEvents).where(eq(auditEvents.workspaceId, workspaceId));
    expect(events.slice(auditBefore).map((event) => event.action)).toEqual(['clients.import_started']);
  });

  it('imports 10,000 rows in one go and updates them instead of duplicating when the file comes again', async () => {
    const before = await countClients();
    const first = await runImport(manager, generateClientsCsv(10_000));
    expect(first.final).toMatchObject({ status: 'done', processed: 10_000, summary: { create: 10_000, contactsAdded: 10_000 } });
    expect(await countClients()).toBe(before + 10_000);

    const again = await runImport(manager, generateClientsCsv(10_000, { tier: 'key' }));
    expect(again.dryRun.summary).toMatchObject({ create: 0, update: 10_000 });
    expect(again.final.status).toBe('done');
    expect(await countClients()).toBe(before + 10_000);
    const keyCount = await t.db.select({ n: sql<number>`count(*)` }).from(clients).where(eq(clients.tier, 'key'));
    expect(Number(keyCount[0]?.n)).toBeGreaterThanOrEqual(10_000);

    const unchanged = await runImport(manager, generateClientsCsv(10_000, { tier: 'key' }));
    expect(unchanged.dryRun.summary).toMatchObject({ create: 0, update: 0, unchanged: 10_000 });
  }, 240_000);

  it('re-import matches by contact email when the file has no domain, and adds the missing contacts and domains', async () => {
    await runImport(manager, 'Account Name,Contact: Full Name,Email,Title\nNorthwind Ltd,James,james@northwind.example,Ops\n');
    const { dryRun } = await runImport(
      manager,
      'Account Name,Contact: Full Name,Email,Title,Website\nNorthwind Logistics,James W,james@northwind.example,Head of Ops,northwind.example\nNorthwind Logistics,Priya,priya@northwind.example,Data,\n',
    );
    expect(dryRun.summary).toMatchObject({ create: 0, update: 1, contactsAdded: 1, domainsAdded: 1 });
    const [found] = (await manager.request('GET', '/api/clients?q=james%40northwind')).json();
    const detail = (await manager.request('GET', `/api/clients/${found.id}`)).json();
    expect(detail).toMatchObject({ name: 'Northwind Logistics', domains: ['northwind.example'] });
    expect(detail.contacts.map((contact: { name: string; role: string }) => [contact.name, contact.role])).toEqual([
      ['James', 'Head of Ops'],
      ['Priya', 'Data'],
    ]);
  });

  it('an import that marks a known client lost starts its win-back calls; one that arrives already lost does not', async () => {
    await runImport(manager, 'Company,Email,Status\nGranai Srl,ugo@granai.example,active\n');
    await runImport(manager, 'Company,Email,Status\nGranai Srl,ugo@granai.example,lost\nVecchio Spa,eva@vecchio.example,lost\n');
    const cadences = await t.db.select().from(winBackCadences).where(eq(winBackCadences.workspaceId, workspaceId));
    const [granai] = (await manager.request('GET', '/api/clients?q=Granai')).json();
    expect(cadences.map((cadence) => cadence.clientId)).toEqual([granai.id]);
    const reminders = await t.db
      .select()
      .from(winBackReminders)
      .where(eq(winBackReminders.cadenceId, cadences[0]?.id ?? ''));
    expect(reminders.map((reminder) => reminder.day).sort((a, b) => a - b)).toEqual([30, 60, 90]);
  });

  it('lets the user adjust the mapping, and refuses a mapping without a name column', async () => {
    const csv = 'Ragione,Sito\nAdjusted Co,adjusted.example\n';
    const uploaded = (await upload(member, csv)).json();
    expect(uploaded.suggestedMapping).toEqual({ Ragione: null, Sito: 'website' });
    const noName = await member.request('POST', `/api/client-imports/${uploaded.id}/dry-run`, { mapping: {} });
    expect([noName.statusCode, noName.json().error.code]).toEqual([400, 'client_import.bad_mapping']);
    const { final } = await runImport(member, csv, { Ragione: 'name' });
    expect(final).toMatchObject({ status: 'done', summary: { create: 1 } });
    const [created] = (await member.request('GET', '/api/clients?q=adjusted')).json();
    expect(created).toMatchObject({ name: 'Adjusted Co', domains: ['adjusted.example'] });
  });

  it('does not let a member update, by import, a client someone else owns', async () => {
    const { dryRun } = await runImport(member, 'name,domains,tier\nOrsini Costruzioni,orsini.example,key\n');
    expect(dryRun.errors).toMatchObject([{ line: 2, code: 'import.not_your_client' }]);
  });

  it('rejects an upload that is not CSV or is too large, and an import of another workspace', async () => {
    const json = await manager.request('POST', '/api/client-imports', { csv: 'name\nX' });
    expect(json.statusCode).toBe(400);
    expect(json.json().error.message).toContain('text/csv');
    const empty = await upload(manager, '');
    expect([empty.statusCode, empty.json().error.code]).toEqual([400, 'client_import.bad_file']);
    const huge = await upload(manager, `name\n${'x'.repeat(21 * 1024 * 1024)}\n`);
    expect([huge.statusCode, huge.json().error.code]).toEqual([413, 'client_import.too_large']);
    const outsider = await t.createWorkspaceWithUsers(['admin']);
    const theirs = (await upload(await t.signIn(outsider.users[0]?.email ?? ''), 'name\nTheirs\n')).json();
    expect((await manager.request('GET', `/api/client-imports/${theirs.id}`)).statusCode).toBe(404);
  });
});

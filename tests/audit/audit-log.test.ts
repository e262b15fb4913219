import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../src/domains/audit/audit.schema';
import { createTestBaton, type TestBaton } from '../support/test-baton';

describe('the audit log records every change in a hash chain per workspace', () => {
  let t: TestBaton;
  let workspaceId: string;

  beforeAll(async () => {
    t = await createTestBaton();
    const { workspace, users } = await t.createWorkspaceWithUsers(['admin', 'member']);
    workspaceId = workspace.id;
    const admin = await t.signIn(users[0]?.email ?? '');
    await admin.request('PATCH', '/api/workspace', { name: 'Audited' });
    await admin.request('POST', '/api/invitations', { email: 'someone@example.test', role: 'member', language: 'en' });
  });
  afterAll(() => t.close());

  const verify = () => t.deps.audit.verifyWorkspace(workspaceId);
  const events = () => t.db.select().from(auditEvents).where(eq(auditEvents.workspaceId, workspaceId)).orderBy(auditEvents.seq);

  it('records the actions in order with their actor', async () => {
    const actions = (await events()).map((event) => event.action);
    expect(actions).toEqual(['workspace.created', 'user.created', 'user.created', 'auth.login', 'workspace.updated', 'invitation.created']);
    expect((await verify()).ok).toBe(true);
  });

  it('keeps chains of different workspaces independent', async () => {
    const other = await t.createWorkspaceWithUsers(['admin']);
    expect((await t.deps.audit.verifyWorkspace(other.workspace.id)).checked).toBe(2);
    expect((await verify()).ok).toBe(true);
  });

  it('serialises concurrent appends without a gap or a fork', async () => {
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        t.db.transaction((tx) =>
          t.deps.auditLog.append(tx, { workspaceId, actorId: null, action: 'test.concurrent', subjectType: 'test', subjectId: String(i) }),
        ),
      ),
    );
    expect(await verify()).toMatchObject({ ok: true, checked: 16 });
  });

  it('exposes the log and its verification to managers', async () => {
    const { users } = await t.createWorkspaceWithUsers(['manager']);
    const manager = await t.signIn(users[0]?.email ?? '');
    expect((await manager.request('GET', '/api/audit/verify')).json()).toMatchObject({ ok: true });
    const page = (await manager.request('GET', '/api/audit/events?limit=2')).json();
    expect(page.map((event: { seq: number }) => event.seq)).toEqual([3, 2]);
  });

  it('detects an edited event', async () => {
    await t.db.execute(sql`UPDATE audit_events SET data = '{"name":"Tampered"}' WHERE workspace_id = ${workspaceId} AND seq = 5`);
    expect(await verify()).toMatchObject({ ok: false, firstBad: { seq: 5, reason: expect.stringContaining('edited') } });
  });

  it('detects a deleted event', async () => {
    await t.db.delete(auditEvents).where(and(eq(auditEvents.workspaceId, workspaceId), eq(auditEvents.seq, 2)));
    expect(await verify()).toMatchObject({ ok: false, firstBad: { seq: 3 } });
  });
});

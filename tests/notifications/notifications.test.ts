import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outboxMessages } from '../../src/domains/outbox/outbox.schema';
import { createTestBaton, type TestBaton } from '../support/test-baton';

describe('notifications', () => {
  let t: TestBaton;
  let workspaceId: string;
  let user: { id: string; email: string; language: 'en' | 'it' };

  beforeAll(async () => {
    t = await createTestBaton({ PUBLIC_URL: 'https://baton.example.test' });
    const created = await t.createWorkspaceWithUsers(['member']);
    workspaceId = created.workspace.id;
    const member = created.users[0];
    if (!member) throw new Error('setup failed');
    user = { ...member, language: 'it' };
  });
  afterAll(() => t.close());

  it('are shown in the app and mailed in the recipient’s language with a full link', async () => {
    await t.db.transaction((tx) =>
      t.deps.notifier.notify(tx, workspaceId, user, (language) => ({
        kind: 'brief.review_requested',
        subject: language === 'it' ? 'Da rivedere' : 'To review',
        text: language === 'it' ? 'Anna ti chiede di rivedere un brief.' : 'Anna asks you to review a brief.',
        link: '/absences/x',
      })),
    );
    await t.runJobs();
    const [mail] = await t.db.select().from(outboxMessages).where(eq(outboxMessages.toAddress, user.email));
    expect(mail).toMatchObject({ subject: 'Da rivedere', kind: 'notification.brief.review_requested', status: 'stored' });
    expect(mail?.textBody).toContain('https://baton.example.test/absences/x');
    const session = await t.signIn(user.email);
    const [notification] = (await session.request('GET', '/api/notifications')).json();
    expect(notification).toMatchObject({ kind: 'brief.review_requested', subject: 'Da rivedere', link: '/absences/x', read: false });
    expect((await session.request('POST', `/api/notifications/${notification.id}/read`)).statusCode).toBe(200);
    expect((await session.request('GET', '/api/notifications')).json()[0].read).toBe(true);
    expect((await session.request('POST', `/api/notifications/${notification.id}/read`)).statusCode).toBe(404);
  });

  it('are not created when the change that caused them rolls back', async () => {
    await expect(
      t.db.transaction(async (tx) => {
        await t.deps.notifier.notify(tx, workspaceId, user, () => ({ kind: 'test.rolled_back', subject: 'x', text: 'x', link: '/' }));
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    const session = await t.signIn(user.email);
    const kinds = (await session.request('GET', '/api/notifications')).json().map((n: { kind: string }) => n.kind);
    expect(kinds).not.toContain('test.rolled_back');
  });
});

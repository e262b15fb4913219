import { eq } from 'drizzle-orm';
import { auditEvents } from '../../src/domains/audit/audit.schema';
import { notifications } from '../../src/domains/notifications/notifications.schema';
import { TEST_PASSWORD, type TestBaton } from '../support/test-baton';

export const GOOD_READ_BACK = 'The go-live moved to January; I call Giulia on Monday so she approves the new date.';

/** A workspace with an owner, two delegates, a manager and an outsider; a key and a standard client; a draft absence. */
export async function handoverFixture(t: TestBaton) {
  const { workspace, users } = await t.createWorkspaceWithUsers(['admin', 'manager', 'member']);
  const member = (name: string) =>
    t.deps.members.createUser({
      workspaceId: workspace.id,
      email: `${name}-${workspace.slug}@example.test`,
      name: `${name[0]?.toUpperCase()}${name.slice(1)} ${workspace.slug}`,
      role: 'member',
      language: 'en',
      password: TEST_PASSWORD,
    });
  const [admin, manager, owner] = users;
  const [primary, backup, outsider] = [await member('primary'), await member('backup'), await member('outsider')];
  if (!admin || !manager || !owner || !primary || !backup || !outsider) throw new Error('setup failed');
  const now = t.clock.now();
  const { keyClient, standardClient, absence } = await t.db.transaction(async (tx) => {
    const keyClient = await t.deps.clientsRepository.insertClient(
      tx,
      {
        workspaceId: workspace.id,
        name: 'Orsini Costruzioni',
        tier: 'key',
        language: 'it',
        ownerId: owner.id,
        domains: [],
        contacts: [],
        projects: [],
      },
      admin.id,
      now,
    );
    const standardClient = await t.deps.clientsRepository.insertClient(
      tx,
      {
        workspaceId: workspace.id,
        name: 'Vini Lucchesi',
        tier: 'standard',
        language: 'it',
        ownerId: owner.id,
        domains: [],
        contacts: [],
        projects: [],
      },
      admin.id,
      now,
    );
    const absence = await t.deps.absencesRepository.insert(
      tx,
      {
        workspaceId: workspace.id,
        ownerId: owner.id,
        startsAt: new Date(now.getTime() + 20 * 86_400_000),
        endsAt: new Date(now.getTime() + 30 * 86_400_000),
        primaryDelegateId: primary.id,
        backupDelegateId: backup.id,
        managerId: manager.id,
        autoReply: { en: { subject: 'Away', body: 'Away' }, it: { subject: 'Assente', body: 'Assente' } },
      },
      [
        { clientId: keyClient.id, projectId: null },
        { clientId: standardClient.id, projectId: null },
      ],
    );
    return { keyClient, standardClient, absence };
  });
  const sessions = {
    admin: await t.signIn(admin.email),
    manager: await t.signIn(manager.email),
    owner: await t.signIn(owner.email),
    primary: await t.signIn(primary.email),
    backup: await t.signIn(backup.email),
    outsider: await t.signIn(outsider.email),
  };
  const notificationsOf = async (userId: string) =>
    (await t.db.select().from(notifications).where(eq(notifications.userId, userId))).map((row) => row.kind);
  const auditOf = async (action: string) =>
    (await t.db.select().from(auditEvents).where(eq(auditEvents.workspaceId, workspace.id))).filter((event) => event.action === action);
  return {
    workspace,
    people: { admin, manager, owner, primary, backup, outsider },
    keyClient,
    standardClient,
    absence,
    sessions,
    notificationsOf,
    auditOf,
  };
}
export type HandoverFixture = Awaited<ReturnType<typeof handoverFixture>>;

export const sampleContent = {
  situation: 'Website relaunch: go-live moved from 10 to 24 January; Giulia Orsini must approve the new date.',
  keyFacts: ['Giulia (CFO) signs off', 'The agency contract ends in March'],
  nextSteps: [{ text: 'Get written approval of the new go-live date', due: '2026-03-20' }],
  faq: [{ question: 'When is the go-live?', answer: '24 January, once Giulia approves it in writing.' }],
};

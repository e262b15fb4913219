import { and, eq } from 'drizzle-orm';
import type { Readiness } from '../../src/contracts/absences.contracts';
import { absences } from '../../src/domains/absences/absences.schema';
import type { HandoverGate } from '../../src/domains/absences/handover-gate';
import { auditEvents } from '../../src/domains/audit/audit.schema';
import { notifications } from '../../src/domains/notifications/notifications.schema';
import { outboxMessages } from '../../src/domains/outbox/outbox.schema';
import { createTestBaton, TEST_PASSWORD, type TestBaton } from '../support/test-baton';

/** A HandoverGate whose answer the test sets: open, or closed by one key-account brief. */
export function createFakeGate() {
  let open = true;
  const gate: HandoverGate = {
    readiness: async (): Promise<Readiness> => ({
      score: open ? 1 : 0.4,
      briefs: [],
      gate: {
        open,
        overridden: false,
        blockers: open ? [] : [{ briefId: '00000000-0000-4000-8000-000000000001', clientName: 'Northwind', reason: 'not_acknowledged' }],
      },
    }),
  };
  return {
    gate,
    setOpen: (value: boolean) => {
      open = value;
    },
  };
}

/**
 * A workspace in Europe/Rome with an admin, a manager (Marco), the owner (Anna), two delegates
 * (Sara, Peter) and an unrelated member; the clock is at 2026-03-02T09:00Z.
 */
export async function setUpTeam() {
  const fake = createFakeGate();
  const t = await createTestBaton({ PUBLIC_URL: 'https://baton.example.test' }, { handoverGate: fake.gate });
  const { workspace, users } = await t.createWorkspaceWithUsers(['admin', 'manager']);
  const member = (name: string) =>
    t.deps.members.createUser({
      workspaceId: workspace.id,
      email: `${name.toLowerCase()}-${workspace.slug}@example.test`,
      name: `${name} ${workspace.slug.slice(3, 7)}`,
      role: 'member',
      language: 'en',
      password: TEST_PASSWORD,
    });
  const [admin, marco] = users;
  const anna = await member('Anna');
  const sara = await member('Sara');
  const peter = await member('Peter');
  const outsider = await member('Olga');
  if (!admin || !marco || !anna || !sara || !peter || !outsider) throw new Error('setup failed');
  const signInAll = async () => ({
    admin: await t.signIn(admin.email),
    marco: await t.signIn(marco.email),
    anna: await t.signIn(anna.email),
    sara: await t.signIn(sara.email),
    peter: await t.signIn(peter.email),
    outsider: await t.signIn(outsider.email),
  });
  const as = await signInAll();
  /** Sessions expire when the clock jumps ahead by weeks: sign everybody in again. */
  const refreshSessions = async () => Object.assign(as, await signInAll());
  const insertClient = (name: string, ownerId: string, status: 'active' | 'lost' = 'active') =>
    t.db.transaction((tx) =>
      t.deps.clientsRepository.insertClient(
        tx,
        { workspaceId: workspace.id, name, tier: 'key', status, language: 'en', ownerId, domains: [], contacts: [], projects: [] },
        admin.id,
        t.clock.now(),
      ),
    );
  const plan = (overrides: Record<string, unknown> = {}) => ({
    startsAt: '2026-04-01T09:00',
    endsAt: '2026-04-10T18:00',
    primaryDelegateId: sara.id,
    backupDelegateId: peter.id,
    managerId: marco.id,
    ...overrides,
  });
  const stateOf = async (id: string) => (await t.db.select().from(absences).where(eq(absences.id, id)))[0];
  const auditActions = async (absenceId: string) =>
    (
      await t.db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.workspaceId, workspace.id), eq(auditEvents.subjectId, absenceId)))
        .orderBy(auditEvents.seq)
    ).map((event) => event.action);
  const notificationsOf = async (userId: string) =>
    (await t.db.select().from(notifications).where(eq(notifications.userId, userId))).map((row) => row.kind);
  const mailsTo = async (email: string) => t.db.select().from(outboxMessages).where(eq(outboxMessages.toAddress, email));
  return {
    t,
    fake,
    workspace,
    people: { admin, marco, anna, sara, peter, outsider },
    as,
    refreshSessions,
    insertClient,
    plan,
    stateOf,
    auditActions,
    notificationsOf,
    mailsTo,
  };
}
export type Team = Awaited<ReturnType<typeof setUpTeam>>;
export type { TestBaton };

import { and, asc, desc, eq, type SQL } from 'drizzle-orm';
import type { RecoveryTaskState } from '../../contracts/recovery.contracts';
import type { Db } from '../../platform/db/database';
import { clients } from '../clients/clients.schema';
import { users } from '../workspaces/workspaces.schema';
import { recoveryCalls, recoveryMessages, recoveryTasks } from './recovery.schema';

export type RecoveryTaskRow = typeof recoveryTasks.$inferSelect;

/** A task with what the lists show of its client (a read-only join for display) and its owner's name. */
const taskView = {
  task: recoveryTasks,
  clientName: clients.name,
  tier: clients.tier,
  clientStatus: clients.status,
  language: clients.language,
  ownerName: users.name,
};

export function createRecoveryTasksRepository({ db }: { db: Db }) {
  const views = (tx: Db, ...conditions: (SQL | undefined)[]) =>
    tx
      .select(taskView)
      .from(recoveryTasks)
      .innerJoin(clients, eq(clients.id, recoveryTasks.clientId))
      .innerJoin(users, eq(users.id, recoveryTasks.ownerId))
      .where(and(...conditions));

  return {
    /** Tasks already there (same absence and client) are left as they are: the return job may run again. */
    insertTasks: async (tx: Db, rows: (typeof recoveryTasks.$inferInsert)[]) =>
      rows.length === 0
        ? []
        : tx.insert(recoveryTasks).values(rows).onConflictDoNothing().returning({ id: recoveryTasks.id, clientId: recoveryTasks.clientId }),

    task: async (workspaceId: string, id: string, tx: Db = db) =>
      (await views(tx, eq(recoveryTasks.workspaceId, workspaceId), eq(recoveryTasks.id, id)))[0] ?? null,

    lockTask: async (tx: Db, workspaceId: string, id: string) =>
      (
        await tx
          .select()
          .from(recoveryTasks)
          .where(and(eq(recoveryTasks.workspaceId, workspaceId), eq(recoveryTasks.id, id)))
          .for('update')
      )[0] ?? null,

    listForAbsence: (workspaceId: string, absenceId: string) =>
      views(db, eq(recoveryTasks.workspaceId, workspaceId), eq(recoveryTasks.absenceId, absenceId)).orderBy(asc(recoveryTasks.rank)),

    /** The owner's tasks of every absence: open ones first, each absence's in rank order. */
    listForOwner: (workspaceId: string, ownerId: string, state?: RecoveryTaskState) =>
      views(
        db,
        eq(recoveryTasks.workspaceId, workspaceId),
        eq(recoveryTasks.ownerId, ownerId),
        state ? eq(recoveryTasks.state, state) : undefined,
      )
        .orderBy(desc(recoveryTasks.state), desc(recoveryTasks.createdAt), asc(recoveryTasks.rank))
        .limit(500),

    updateTask: (tx: Db, id: string, values: Partial<typeof recoveryTasks.$inferInsert>) =>
      tx.update(recoveryTasks).set(values).where(eq(recoveryTasks.id, id)),

    insertCall: async (tx: Db, values: typeof recoveryCalls.$inferInsert) => {
      const [row] = await tx.insert(recoveryCalls).values(values).returning();
      if (!row) throw new Error('recovery call insert returned nothing');
      return row;
    },

    call: async (workspaceId: string, id: string) =>
      (
        await db
          .select()
          .from(recoveryCalls)
          .where(and(eq(recoveryCalls.workspaceId, workspaceId), eq(recoveryCalls.id, id)))
      )[0] ?? null,

    callsOf: (taskId: string) =>
      db
        .select({ call: recoveryCalls, calledByName: users.name })
        .from(recoveryCalls)
        .leftJoin(users, eq(users.id, recoveryCalls.calledBy))
        .where(eq(recoveryCalls.taskId, taskId))
        .orderBy(desc(recoveryCalls.calledAt), desc(recoveryCalls.seq)),

    /** Every recovery call of an absence's tasks, oldest first, with the task's client: for the report. */
    callsOfAbsence: (workspaceId: string, absenceId: string) =>
      db
        .select({ call: recoveryCalls, clientId: recoveryTasks.clientId })
        .from(recoveryCalls)
        .innerJoin(recoveryTasks, eq(recoveryTasks.id, recoveryCalls.taskId))
        .where(and(eq(recoveryTasks.workspaceId, workspaceId), eq(recoveryTasks.absenceId, absenceId)))
        .orderBy(asc(recoveryCalls.calledAt), asc(recoveryCalls.seq)),

    insertMessage: async (tx: Db, values: typeof recoveryMessages.$inferInsert) => {
      const [row] = await tx.insert(recoveryMessages).values(values).returning();
      if (!row) throw new Error('recovery message insert returned nothing');
      return row;
    },

    messagesOf: (taskId: string) =>
      db
        .select({ message: recoveryMessages, sentByName: users.name })
        .from(recoveryMessages)
        .leftJoin(users, eq(users.id, recoveryMessages.sentBy))
        .where(eq(recoveryMessages.taskId, taskId))
        .orderBy(desc(recoveryMessages.sentAt), desc(recoveryMessages.seq)),
  };
}
export type RecoveryTasksRepository = ReturnType<typeof createRecoveryTasksRepository>;
export type RecoveryTaskView = NonNullable<Awaited<ReturnType<RecoveryTasksRepository['task']>>>;

import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../platform/db/database';
import { clients } from '../clients/clients.schema';
import { users } from '../workspaces/workspaces.schema';
import { recoverySettings, winBackCadences, winBackReminders } from './recovery.schema';

export type WinBackReminderRow = typeof winBackReminders.$inferSelect;
export type WinBackCadenceRow = typeof winBackCadences.$inferSelect;

const doneBy = alias(users, 'done_by_user');

export function createWinBackRepository({ db }: { db: Db }) {
  /** Reminders with their cadence and what the list shows of the client (a read-only join for display). */
  const views = (tx: Db) =>
    tx
      .select({
        reminder: winBackReminders,
        cadence: winBackCadences,
        clientName: clients.name,
        language: clients.language,
        doneByName: doneBy.name,
      })
      .from(winBackReminders)
      .innerJoin(winBackCadences, eq(winBackCadences.id, winBackReminders.cadenceId))
      .innerJoin(clients, eq(clients.id, winBackCadences.clientId))
      .leftJoin(doneBy, eq(doneBy.id, winBackReminders.doneBy));

  return {
    settings: async (workspaceId: string, tx: Db = db) =>
      (await tx.select().from(recoverySettings).where(eq(recoverySettings.workspaceId, workspaceId)))[0] ?? null,

    saveSettings: (tx: Db, values: typeof recoverySettings.$inferInsert) =>
      tx
        .insert(recoverySettings)
        .values(values)
        .onConflictDoUpdate({
          target: recoverySettings.workspaceId,
          set: { winBackDays: values.winBackDays, updatedAt: values.updatedAt, updatedBy: values.updatedBy },
        }),

    /** Null when the client already has a running cadence (one per client, by a partial unique index). */
    insertCadence: async (tx: Db, values: typeof winBackCadences.$inferInsert) =>
      (await tx.insert(winBackCadences).values(values).onConflictDoNothing().returning())[0] ?? null,

    runningCadence: async (tx: Db, workspaceId: string, clientId: string) =>
      (
        await tx
          .select()
          .from(winBackCadences)
          .where(and(eq(winBackCadences.workspaceId, workspaceId), eq(winBackCadences.clientId, clientId), isNull(winBackCadences.endedAt)))
          .for('update')
      )[0] ?? null,

    endCadence: (tx: Db, id: string, values: Pick<WinBackCadenceRow, 'endedAt' | 'endedStatus'>) =>
      tx.update(winBackCadences).set(values).where(eq(winBackCadences.id, id)),

    insertReminders: (tx: Db, rows: (typeof winBackReminders.$inferInsert)[]) =>
      tx.insert(winBackReminders).values(rows).onConflictDoNothing().returning(),

    /** Reminders not yet logged stop with their cadence. */
    cancelOpenReminders: (tx: Db, cadenceId: string) =>
      tx
        .update(winBackReminders)
        .set({ state: 'cancelled' })
        .where(and(eq(winBackReminders.cadenceId, cadenceId), inArray(winBackReminders.state, ['scheduled', 'due'])))
        .returning({ id: winBackReminders.id }),

    reminder: async (workspaceId: string, id: string, tx: Db = db) =>
      (await views(tx).where(and(eq(winBackReminders.workspaceId, workspaceId), eq(winBackReminders.id, id))))[0] ?? null,

    lockReminder: async (tx: Db, id: string) =>
      (await tx.select().from(winBackReminders).where(eq(winBackReminders.id, id)).for('update'))[0] ?? null,

    updateReminder: (tx: Db, id: string, values: Partial<typeof winBackReminders.$inferInsert>) =>
      tx.update(winBackReminders).set(values).where(eq(winBackReminders.id, id)),

    /** The owner's reminders, soonest first (the page groups them by state). */
    listForOwner: (workspaceId: string, ownerId: string) =>
      views(db)
        .where(and(eq(winBackReminders.workspaceId, workspaceId), eq(winBackCadences.ownerId, ownerId)))
        .orderBy(asc(winBackReminders.dueAt), asc(winBackReminders.id))
        .limit(500),

    /** The days of a cadence's reminders, in order. */
    cadenceDays: async (cadenceId: string) =>
      (
        await db
          .select({ day: winBackReminders.day })
          .from(winBackReminders)
          .where(eq(winBackReminders.cadenceId, cadenceId))
          .orderBy(asc(winBackReminders.day))
      ).map((row) => row.day),
  };
}
export type WinBackRepository = ReturnType<typeof createWinBackRepository>;
export type WinBackReminderView = NonNullable<Awaited<ReturnType<WinBackRepository['reminder']>>>;

import { and, desc, eq, getTableColumns } from 'drizzle-orm';
import type { Db } from '../../platform/db/database';
import { absenceReports, reportExports } from './report.schema';

export type ReportRow = typeof absenceReports.$inferSelect;
export type ReportExportRow = typeof reportExports.$inferSelect;

const first = <T>(rows: T[]): T | null => rows[0] ?? null;
/** An export without its file: what progress polling reads. */
const { content: _content, ...exportColumns } = getTableColumns(reportExports);

/** All SQL of the report: one row per absence (narrative, final content, what was sent) and its exports. */
export function createReportRepository({ db }: { db: Db }) {
  return {
    report: async (workspaceId: string, absenceId: string, tx: Db = db) =>
      first(
        await tx
          .select()
          .from(absenceReports)
          .where(and(eq(absenceReports.workspaceId, workspaceId), eq(absenceReports.absenceId, absenceId))),
      ),

    /** The report row, created empty on first use, locked for the caller's transaction. */
    async lockReport(tx: Db, workspaceId: string, absenceId: string, now: Date) {
      await tx.insert(absenceReports).values({ workspaceId, absenceId, createdAt: now, updatedAt: now }).onConflictDoNothing();
      const row = first(
        await tx
          .select()
          .from(absenceReports)
          .where(and(eq(absenceReports.workspaceId, workspaceId), eq(absenceReports.absenceId, absenceId)))
          .for('update'),
      );
      if (!row) throw new Error('report row missing after insert');
      return row;
    },

    updateReport: (tx: Db, absenceId: string, values: Partial<typeof absenceReports.$inferInsert>) =>
      tx.update(absenceReports).set(values).where(eq(absenceReports.absenceId, absenceId)),

    insertExport: async (tx: Db, values: typeof reportExports.$inferInsert) => {
      const row = first(await tx.insert(reportExports).values(values).returning(exportColumns));
      if (!row) throw new Error('export insert returned nothing');
      return row;
    },

    exportInfo: async (workspaceId: string, id: string) =>
      first(
        await db
          .select(exportColumns)
          .from(reportExports)
          .where(and(eq(reportExports.workspaceId, workspaceId), eq(reportExports.id, id))),
      ),

    exportFile: async (workspaceId: string, id: string) =>
      first(
        await db
          .select({
            content: reportExports.content,
            filename: reportExports.filename,
            format: reportExports.format,
            sha256: reportExports.sha256,
          })
          .from(reportExports)
          .where(and(eq(reportExports.workspaceId, workspaceId), eq(reportExports.id, id))),
      ),

    /** The latest exports of an absence from one viewer's side. */
    recentExports: (workspaceId: string, absenceId: string, viewer: 'owner' | 'manager', limit = 5) =>
      db
        .select(exportColumns)
        .from(reportExports)
        .where(and(eq(reportExports.workspaceId, workspaceId), eq(reportExports.absenceId, absenceId), eq(reportExports.viewer, viewer)))
        .orderBy(desc(reportExports.createdAt))
        .limit(limit),

    updateExport: (tx: Db, id: string, values: Partial<typeof reportExports.$inferInsert>) =>
      tx.update(reportExports).set(values).where(eq(reportExports.id, id)),
  };
}
export type ReportRepository = ReturnType<typeof createReportRepository>;

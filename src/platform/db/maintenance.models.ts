// When a table needs vacuuming or analysing, decided as PostgreSQL's autovacuum decides with its default settings.
// PGlite runs no autovacuum, so Baton applies these rules itself (maintenance.ts).

/** What the statistics views say of one table. */
export type TableActivity = {
  /** Rows updated or deleted and not yet vacuumed away. */
  deadRows: number;
  insertedSinceVacuum: number;
  modifiedSinceAnalyze: number;
  /** The planner's row estimate; negative when the table was never vacuumed nor analysed. */
  estimatedRows: number;
};

export type TableUpkeep = { vacuum: boolean; analyze: boolean };

/** autovacuum_vacuum_threshold / _scale_factor, _insert_threshold / _insert_scale_factor, analyze_threshold / _scale_factor. */
const VACUUM = { threshold: 50, scale: 0.2 };
const VACUUM_AFTER_INSERTS = { threshold: 1000, scale: 0.2 };
const ANALYZE = { threshold: 50, scale: 0.1 };

const exceeds = (count: number, rows: number, { threshold, scale }: { threshold: number; scale: number }) =>
  count > threshold + scale * rows;

export function upkeepOf(table: TableActivity): TableUpkeep {
  const rows = Math.max(0, table.estimatedRows);
  return {
    // Dead rows take space and slow scans; vacuuming after inserts also marks pages all-visible (index-only scans).
    vacuum: exceeds(table.deadRows, rows, VACUUM) || exceeds(table.insertedSinceVacuum, rows, VACUUM_AFTER_INSERTS),
    // Without statistics the planner guesses row counts, and picks plans for tables far smaller than they are.
    analyze: exceeds(table.modifiedSinceAnalyze, rows, ANALYZE),
  };
}

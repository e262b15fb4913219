import { describe, expect, it } from 'vitest';
import { type TableActivity, upkeepOf } from './maintenance.models';

const quiet: TableActivity = { deadRows: 0, insertedSinceVacuum: 0, modifiedSinceAnalyze: 0, estimatedRows: 10_000 };

describe('table upkeep, as autovacuum decides', () => {
  it.each([
    ['a quiet table needs nothing', quiet, { vacuum: false, analyze: false }],
    ['dead rows up to 50 + 20 % of the rows are left', { ...quiet, deadRows: 2050 }, { vacuum: false, analyze: false }],
    ['more dead rows than that are vacuumed', { ...quiet, deadRows: 2051 }, { vacuum: true, analyze: false }],
    ['inserts up to 1,000 + 20 % of the rows are left', { ...quiet, insertedSinceVacuum: 3000 }, { vacuum: false, analyze: false }],
    ['more inserts than that are vacuumed', { ...quiet, insertedSinceVacuum: 3001 }, { vacuum: true, analyze: false }],
    ['changes up to 50 + 10 % of the rows are left', { ...quiet, modifiedSinceAnalyze: 1050 }, { vacuum: false, analyze: false }],
    ['more changes than that are analysed', { ...quiet, modifiedSinceAnalyze: 1051 }, { vacuum: false, analyze: true }],
    [
      'a table never analysed counts as empty: 51 changes are enough',
      { deadRows: 0, insertedSinceVacuum: 51, modifiedSinceAnalyze: 51, estimatedRows: -1 },
      { vacuum: false, analyze: true },
    ],
    [
      'a churned queue is vacuumed and analysed',
      { deadRows: 30_000, insertedSinceVacuum: 10_000, modifiedSinceAnalyze: 40_000, estimatedRows: -1 },
      { vacuum: true, analyze: true },
    ],
  ])('%s', (_name, activity, expected) => {
    expect(upkeepOf(activity)).toEqual(expected);
  });
});

import { defineConfig } from 'vitest/config';

/** Tests that never open a database: the PGlite pass runs them; the PostgreSQL pass would only repeat them. */
const DATABASE_FREE = [
  'src/**/*.test.ts',
  'tests/cli/signals-cli.test.ts',
  'tests/coverage/signals-eval.test.ts',
  'tests/mail/autoreply-conformance.test.ts',
  'tests/mail/autoreply-pigeonhole.test.ts',
  'tests/platform/outbound-post.test.ts',
  'tests/web/coverage-due.test.ts',
];
const onPostgres = process.env.BATON_TEST_DB === 'postgresql';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'tests/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'node_modules/**', ...(onPostgres ? DATABASE_FREE : [])],
    // A filter (`npm test -- FILE`) may match only database-free files: the PostgreSQL pass then has nothing to run.
    passWithNoTests: onPostgres,
    globalSetup: ['tests/support/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Each file opens its own database (a PGlite instance is ~300 MB): two at a time on CI's 2 cores.
    maxWorkers: 2,
    fileParallelism: true,
  },
});

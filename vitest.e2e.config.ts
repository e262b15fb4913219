import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    // Generous: the browser tests run alongside the database stages on a 2-core machine (scripts/test.mjs).
    testTimeout: 240_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});

import { defineConfig } from 'vitest/config';
import { LongestFirstSequencer } from './test/setup/longest-first-sequencer.js';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Starts the PostgreSQL and MariaDB servers that PIISCOUT_TEST_ENGINES asks for, once per run.
    globalSetup: ['test/setup/global-setup.ts'],
    // forks, not threads: better-sqlite3 is a native addon.
    pool: 'forks',
    // The machine has 2 cores, and the database servers need some CPU too.
    maxWorkers: 2,
    // Without vitest's timing cache (CI's fresh clone), the slowest files first: no long file starts last.
    sequence: { sequencer: LongestFirstSequencer },
    testTimeout: 60_000,
    hookTimeout: 180_000,
    teardownTimeout: 60_000,
  },
});

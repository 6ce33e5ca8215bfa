import { defineConfig } from 'vitest/config';
import { SOLO_TEST_FILES } from './scripts/test-groups.mjs';

// Two groups (scripts/test-groups.mjs): most files two at a time, then the files whose
// assertions depend on the time or CPU a run gets, alone and one after another.
const shared = { testTimeout: 120_000, hookTimeout: 120_000, pool: 'forks' } as const;

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          ...shared,
          name: 'shared',
          include: ['tests/**/*.test.ts'],
          exclude: SOLO_TEST_FILES,
          fileParallelism: true,
          maxWorkers: 2,
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: {
          ...shared,
          name: 'solo',
          include: SOLO_TEST_FILES,
          fileParallelism: false,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});

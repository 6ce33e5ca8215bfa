import { defineConfig } from 'vitest/config';

// Load tests share two cores with the shop, k6 and Chromium they start, so test files run
// one at a time: timing assertions (admission rate, service-time law) stay meaningful.
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});

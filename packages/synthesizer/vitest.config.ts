import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 60_000,
    // Fixtures generate datasets through the CLI; on a busy 2-core runner that takes a while.
    hookTimeout: 120_000,
  },
});

import { defineConfig } from 'vitest/config';

// `pnpm bench`: timing runs that print figures and assert nothing (kept out of `pnpm test`).
export default defineConfig({
  test: {
    include: ['bench/**/*.bench.ts'],
    testTimeout: 1_800_000,
    hookTimeout: 1_800_000,
  },
});

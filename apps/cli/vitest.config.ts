import { defineConfig } from 'vitest/config';

export default defineConfig({
  // clipanion 3's .mjs build uses directory imports Node rejects; resolve its CommonJS build as Node does.
  resolve: { extensions: ['.js', '.ts', '.json'] },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 60_000,
    // Fixtures generate datasets through the CLI; on a busy 2-core runner that takes a while.
    hookTimeout: 120_000,
  },
});

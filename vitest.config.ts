import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/helpers/build-once.ts'],
    env: { TZ: 'UTC', NO_COLOR: '1' },
    testTimeout: 20_000,
    hookTimeout: 120_000,
  },
});

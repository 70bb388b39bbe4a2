import { configDefaults, defineConfig } from 'vitest/config';
import { SLOW_SUITES, shared } from './vitest.shared.js';

/** `npm test`: the fast suite (unit, golden, a few end-to-end runs). The slow ones: vitest.slow.config.ts. */
export default defineConfig({
  test: {
    ...shared,
    include: ['test/**/*.test.ts'],
    exclude: [...configDefaults.exclude, ...SLOW_SUITES],
  },
});

import { defineConfig } from 'vitest/config';
import { SLOW_SUITES, shared } from './vitest.shared.js';

/** `npm run test:slow`: hardening, fuzzing, the interview in a terminal, the installed package (see SLOW_SUITES). */
export default defineConfig({
  test: {
    ...shared,
    include: SLOW_SUITES,
  },
});

import type { ViteUserConfig } from 'vitest/config';

/**
 * The suites too slow for a developer's every run (minutes each: hundreds of spawned runs, SIGKILLs, fuzzing,
 * a terminal driven through tmux, npm installing the packed tarball): `npm run test:slow`, which .ci/run runs
 * after `npm test`.
 */
export const SLOW_SUITES = [
  'test/hardening/**/*.test.ts',
  // The fuzz suites; test/fuzz/found-bugs.test.ts, the regression tests of what they found, stays fast.
  'test/fuzz/brand-documents.test.ts',
  'test/fuzz/example-mutations.test.ts',
  'test/fuzz/hostile-inputs.test.ts',
  'test/fuzz/random-documents.test.ts',
  'test/fuzz/report-violations.test.ts',
  'test/fuzz/schema-shaped.test.ts',
  'test/e2e/interview.test.ts',
  // kubectl and the live client against a stand-in API server.
  'test/e2e/discover-kubectl.test.ts',
  // A capture of hundreds of megabytes, read in parts on worker threads by the built CLI.
  'test/e2e/discover-large.test.ts',
  'test/e2e/install.test.ts',
  // Chromium driving the workshop page, and LibreOffice opening the deck and recalculating the workbook.
  'test/e2e/workshop-page.test.ts',
  'test/e2e/deck.test.ts',
  'test/e2e/deck-xlsx.test.ts',
  // A copy of data/ with an option added, through every output format (PDF, deck, workbook).
  'test/e2e/option-set-as-data.test.ts',
  // Every example printed on A4 and Letter and read back page by page: ink, column, the summary's one page.
  'test/e2e/pdf-pages.test.ts',
  // render result.json against generate for the PDF's text, the deck's slides and the workbook's sheets.
  'test/e2e/render-office.test.ts',
];

/** What both suites share: dist/ built once before them, UTC, no colour. */
export const shared: NonNullable<ViteUserConfig['test']> = {
  globalSetup: ['test/helpers/build-once.ts'],
  env: { TZ: 'UTC', NO_COLOR: '1' },
  testTimeout: 20_000,
  hookTimeout: 120_000,
};

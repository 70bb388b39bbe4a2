import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildReportModel } from '../../src/report/build-report-model.js';
import { exampleAnswers } from '../helpers/make-answers.js';
import { reportSources } from '../helpers/report-sources.js';

const EXAMPLES = readdirSync(fileURLToPath(new URL('../../examples/', import.meta.url)))
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => f.slice(0, -5));

/**
 * The report model (every text and figure the HTML, PDF, Markdown and deck are made from, built once per report),
 * one JSON file per example, at the engine's full draws. A change of wording or of a figure shows here as one
 * line in a diff, whichever renderer shows it. The charts have goldens of their own (golden/charts), so the model
 * is built without them: its figures are null.
 */
describe.each(EXAMPLES)('the report model of %s', (name) => {
  it('matches its golden file', async () => {
    const model = buildReportModel(reportSources(exampleAnswers(name), { draws: null }));
    await expect(`${JSON.stringify(model, null, 2)}\n`).toMatchFileSnapshot(`report-models/${name}.json`);
  });
});

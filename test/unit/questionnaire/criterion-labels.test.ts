import { describe, expect, it } from 'vitest';
import { scoreBreakdownDescription, scoreBreakdownSpec } from '../../../src/charts/specs/score-breakdown.js';
import { defaultDataset } from '../../../src/io/load-dataset.js';
import { askContext } from '../../../src/questionnaire/ask-context.js';
import { resolveText } from '../../../src/questionnaire/question-help.js';
import { QUESTIONNAIRE } from '../../../src/questionnaire/questionnaire.js';
import { buildReportModel } from '../../../src/report/build-report-model.js';
import { answersJsonSchema } from '../../../src/schema/answers-json-schema.js';
import { CRITERIA, CRITERION_LABELS } from '../../../src/schema/criteria.js';
import { exampleAnswers } from '../../helpers/make-answers.js';
import { reportSources } from '../../helpers/report-sources.js';

/** Every `criterion` string in the chart's spec, wherever Vega-Lite keeps it. */
function legendEntries(spec: unknown): string[] {
  return JSON.stringify(spec).match(/"[^"]* \(weight [\d.]+\)"/g) ?? [];
}

describe('a criterion is named alike in the question, the chart and the report', () => {
  const sources = reportSources(exampleAnswers('regulated-bank'), { draws: 200 });
  const { result } = sources;
  const model = buildReportModel(sources);
  const names = CRITERIA.map((c) => CRITERION_LABELS[c].name);

  it('the interview and the workshop page ask for each weight by the name', () => {
    const questions = QUESTIONNAIRE.find((s) => s.key === 'priorities')?.questions ?? [];
    const blank = askContext({}, defaultDataset());
    expect(questions.map((q) => q.key)).toEqual([...CRITERIA]);
    expect(questions.map((q) => resolveText(q.message, blank))).toEqual(
      names.map((n) => `Weight of ${n.toLowerCase()}`),
    );
  });

  it('the score chart’s legend and its description use the name', () => {
    const legend = new Set(legendEntries(scoreBreakdownSpec(result)));
    for (const c of CRITERIA)
      expect(legend).toContain(`"${CRITERION_LABELS[c].name} (weight ${result.priorities[c]})"`);
    const description = scoreBreakdownDescription(result);
    for (const n of names) expect(description).toContain(`${n.toLowerCase()} `);
  });

  it('the report’s methodology and sensitivity tables (and so the deck) use the name, never the key', () => {
    expect(model.methodology.weights.map((w) => w.criterion)).toEqual(
      CRITERIA.map((c) => `${CRITERION_LABELS[c].name}: ${CRITERION_LABELS[c].meaning}`),
    );
    expect(model.sensitivity.weights.length).toBeGreaterThan(0);
    for (const w of model.sensitivity.weights) expect(names).toContain(w.criterion);
  });

  it('the answers schema describes each priority by the name and its meaning', () => {
    const priorities = (answersJsonSchema() as { properties: Record<string, { properties: object }> })
      .properties.priorities?.properties as Record<string, { description: string }>;
    for (const c of CRITERIA) {
      expect(priorities[c]?.description).toContain(`Weight of ${CRITERION_LABELS[c].name.toLowerCase()}`);
      expect(priorities[c]?.description).toContain(CRITERION_LABELS[c].meaning);
    }
  });
});

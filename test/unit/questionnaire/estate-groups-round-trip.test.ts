import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { defaultDataset } from '../../../src/io/load-dataset.js';
import { parseAnswersText } from '../../../src/io/parse-answers-text.js';
import { renderAnswersYaml } from '../../../src/questionnaire/render-answers-yaml.js';
import { runInterview } from '../../../src/questionnaire/run-interview.js';
import { salvageDraft } from '../../../src/questionnaire/salvage-draft.js';
import { reviseAnswersYaml } from '../../../src/questionnaire/update-answers-yaml.js';
import { entriesOf, evaluateEntries } from '../../../src/workshop/evaluate-entries.js';
import { scriptedPrompter } from '../../helpers/scripted-prompter.js';

const dataset = defaultDataset();
const text = readFileSync(new URL('../../../examples/eks-plus-onprem.yaml', import.meta.url), 'utf8');
const groups = parse(text).cluster.groups;

describe('an estate of groups through the interview and the workshop', () => {
  it('comes back byte for byte from `interview --from x -o x` answered with Enter', async () => {
    const before = salvageDraft(parse(text));
    expect(before.cluster?.groups).toEqual(groups);
    const after = await runInterview({ prompter: scriptedPrompter({}), dataset, prefill: before });
    expect(after.cluster?.groups).toEqual(groups);
    expect(reviseAnswersYaml(text, before, after, dataset)).toBe(text);
  });

  it('is written into a new answers file as it was, and that file validates with the same totals', async () => {
    const after = await runInterview({
      prompter: scriptedPrompter({}),
      dataset,
      prefill: salvageDraft(parse(text)),
    });
    const written = renderAnswersYaml({ schemaRef: 'answers.schema.json', values: after });
    expect(parse(written).cluster.groups).toEqual(groups);
    const parsed = parseAnswersText(written, 'new.yaml');
    expect(parsed.ok && parsed.answers.cluster).toMatchObject({ clusters: 6, nodes: 300, services: 1500 });
  });

  it('is saved from the workshop page unchanged when nothing is edited', () => {
    const before = salvageDraft(parse(text));
    const { draft } = evaluateEntries(entriesOf(before), dataset);
    expect(reviseAnswersYaml(text, before, draft, dataset)).toBe(text);
  });
});

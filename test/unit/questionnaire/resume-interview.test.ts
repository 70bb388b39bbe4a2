import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { defaultDataset } from '../../../src/io/load-dataset.js';
import { interviewDraftNote, stoppedSection } from '../../../src/questionnaire/interview-draft-note.js';
import { QUESTIONNAIRE } from '../../../src/questionnaire/questionnaire.js';
import { renderAnswersYaml } from '../../../src/questionnaire/render-answers-yaml.js';
import { runInterview } from '../../../src/questionnaire/run-interview.js';
import { salvageDraft } from '../../../src/questionnaire/salvage-draft.js';
import { scriptedPrompter } from '../../helpers/scripted-prompter.js';

const dataset = defaultDataset();
const example = salvageDraft(
  parse(readFileSync(new URL('../../../examples/scaleup-sidecar-cost.yaml', import.meta.url), 'utf8')),
);

describe('picking up a stopped interview', () => {
  it('starts at the section the draft stopped in and keeps the answers before it as Enter would', async () => {
    const prompter = scriptedPrompter({});
    const resumed = await runInterview({ prompter, dataset, prefill: example, resumeAt: 'needs' });
    const fromTheStart = await runInterview({ prompter: scriptedPrompter({}), dataset, prefill: example });
    expect(resumed).toEqual(fromTheStart);
    expect(prompter.headings.map((h) => h.title)).toEqual(['Needs', 'Priorities', 'Cost assumptions']);
    expect(prompter.asked.every((id) => /^(needs|priorities|stakeholders|assumptions)\b/.test(id))).toBe(
      true,
    );
  });

  it('still asks a kept answer that is not valid', async () => {
    const prompter = scriptedPrompter({ 'cluster.nodes': '300' });
    const prefill = { ...example, cluster: { ...example.cluster, nodes: 0 } };
    const resumed = await runInterview({ prompter, dataset, prefill, resumeAt: 'needs' });
    expect(prompter.asked).toContain('cluster.nodes');
    expect(prompter.asked).not.toContain('cluster.clusters');
    expect(resumed.cluster?.nodes).toBe(300);
  });

  it('reads the section back from the draft’s note, for every section; other files name none', () => {
    for (const section of QUESTIONNAIRE) {
      const text = renderAnswersYaml({
        schemaRef: 'schema.json',
        values: example,
        note: interviewDraftNote(section.title, 'cnireport interview --from a-rather-long-name.draft.yaml'),
      });
      expect(stoppedSection(text)).toBe(section.key);
    }
    expect(stoppedSection(renderAnswersYaml({ schemaRef: 'schema.json', values: example }))).toBeUndefined();
    expect(stoppedSection('# Draft of a cnireport interview stopped in Nowhere. Pick up')).toBeUndefined();
  });
});

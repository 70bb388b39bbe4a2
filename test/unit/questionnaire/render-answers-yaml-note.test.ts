import { describe, expect, it } from 'vitest';
import { renderAnswersYaml } from '../../../src/questionnaire/render-answers-yaml.js';

describe('renderAnswersYaml note', () => {
  it('goes right under the modeline, as a comment', () => {
    const lines = renderAnswersYaml({ schemaRef: 's.json', note: 'Draft of an interview.' }).split('\n');
    expect(lines.slice(0, 4)).toEqual([
      '# yaml-language-server: $schema=s.json',
      '#',
      '# Draft of an interview.',
      '#',
    ]);
  });
});

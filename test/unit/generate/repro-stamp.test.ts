import { describe, expect, it } from 'vitest';
import { reproStamp } from '../../../src/generate/repro-stamp.js';
import { defaultDataset } from '../../../src/io/load-dataset.js';
import { buildResult } from '../../../src/result/build-result.js';
import { resultJson } from '../../../src/result/result-json.js';
import { makeAnswers } from '../../helpers/make-answers.js';

const result = buildResult(makeAnswers(), defaultDataset(), { draws: 50, seed: 7 });
const stamp = reproStamp({
  answersBytes: new TextEncoder().encode('abc'),
  toolVersion: '1.2.3',
  result,
  dataVerifiedOn: '2026-12-01',
  date: '2026-11-24',
});

describe('reproStamp', () => {
  it('names the tool, data, input hash, seed, draws and date that reproduce the result', () => {
    expect(stamp).toEqual({
      tool: 'cnireport',
      toolVersion: '1.2.3',
      dataVersion: result.dataVersion,
      dataVerifiedOn: '2026-12-01',
      inputSha256: 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
      seed: 7,
      draws: 50,
      date: '2026-11-24',
    });
  });
});

describe('resultJson', () => {
  it('is the result plus generatedBy, as 2-space JSON with a trailing newline', () => {
    const text = resultJson(result, stamp);
    expect(text.endsWith('}\n')).toBe(true);
    expect(text).toContain('\n  "generatedBy": {\n    "tool": "cnireport",');
    expect(JSON.parse(text)).toEqual({ ...JSON.parse(JSON.stringify(result)), generatedBy: stamp });
  });
});

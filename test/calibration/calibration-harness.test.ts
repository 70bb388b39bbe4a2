import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  type CalibrationCase,
  calibrationFigures,
  formatCalibration,
  scoreCalibrationSet,
} from './calibration-figures.js';

const fixtures = fileURLToPath(new URL('./fixtures', import.meta.url));

const judged = (
  pick: string,
  closeCall: boolean,
  confidence: number,
  ...judges: [string, 'close' | 'clear'][]
): CalibrationCase => ({
  situation: `${pick}-${judges.map(([p, c]) => `${p}-${c}`).join('-')}`,
  engine: { pick, closeCall, confidence },
  judges: judges.map(([p, call]) => ({ pick: p, call })),
});

describe('the calibration harness', () => {
  it('counts agreement only where both judges agree, and close flags by how many judges call it close', () => {
    const f = calibrationFigures([
      judged('flannel', false, 1, ['flannel', 'clear'], ['flannel', 'clear']),
      judged('flannel', true, 0.6, ['cilium-oss', 'close'], ['cilium-oss', 'close']),
      judged('cilium-oss', true, 0.7, ['cilium-oss', 'clear'], ['flannel', 'close']),
      judged('cilium-oss', false, 0.95, ['cilium-oss', 'clear'], ['cilium-oss', 'close']),
    ]);
    expect(f.pickAgreement).toEqual({ hits: 2, of: 3 });
    expect(f.flaggedWhenBothClose).toEqual({ hits: 1, of: 1 });
    expect(f.flaggedWhenEitherClose).toEqual({ hits: 2, of: 3 });
    expect(f.flaggedWhenBothClear).toEqual({ hits: 0, of: 1 });
    expect(f.unsureWhenEitherClose).toEqual({ hits: 2, of: 3 });
  });

  it('scores every situation of a folder against its judgements and prints the figures', () => {
    const cases = scoreCalibrationSet(fixtures, 1000);
    expect(cases.map((c) => c.situation)).toEqual([
      'tiny-flannel-startup',
      'advanced-security-small',
      'regulated-support-required',
    ]);
    const text = formatCalibration(cases);
    expect(text).toContain('Pick agrees where both judges agree:');
    expect(text.split('\n').filter((l) => /judges: /.test(l))).toHaveLength(3);
  });
});

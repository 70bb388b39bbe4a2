import { describe, expect, it } from 'vitest';
import { renderChartSvg } from '../../../src/charts/render-chart.js';
import { capabilityHeatmapSpec } from '../../../src/charts/specs/capability-heatmap.js';
import { score } from '../../../src/index.js';
import { optionsInOrder } from '../../../src/result/options-in-order.js';
import { exampleAnswers } from '../../helpers/make-answers.js';

/** The heatmap's column values, left to right, as the spec sorts them. */
function columnOrder(spec: ReturnType<typeof capabilityHeatmapSpec>): string[] {
  const layer = (spec as { layer: { data: { values: { option: string }[] } }[] }).layer;
  return (layer[1]?.data.values ?? []).map((c) => c.option);
}

describe('capabilityHeatmapSpec', () => {
  it.each(['small-team-basic', 'regulated-bank'])(
    'orders the columns as the capability table above it does, whichever option wins (%s)',
    (name) => {
      const result = score(exampleAnswers(name));
      expect(columnOrder(capabilityHeatmapSpec(result))).toEqual(optionsInOrder(result).map((o) => o.id));
    },
  );

  it('draws the unmet-must outline only when a must is unmet, so no graphic is left without a label', async () => {
    const met = await renderChartSvg(capabilityHeatmapSpec(score(exampleAnswers('small-team-basic'))));
    expect(met.svg).not.toMatch(/<g [^>]*role="graphics-symbol"[^>]*\/>/);
    const unmet = await renderChartSvg(capabilityHeatmapSpec(score(exampleAnswers('regulated-bank'))));
    expect(unmet.svg).toContain('stroke="#B42318"');
  });
});

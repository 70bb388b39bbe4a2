import { describe, expect, it } from 'vitest';
import { renderChartSvg } from '../../../src/charts/render-chart.js';
import { type RenderedReportChart, renderReportCharts } from '../../../src/charts/render-report-charts.js';
import { buildReportCharts, type ReportChart } from '../../../src/charts/report-charts.js';
import { REPORT_CHART_WIDTH } from '../../../src/charts/specs/chart-frame.js';
import { score } from '../../../src/index.js';
import { optionsInOrder } from '../../../src/result/options-in-order.js';
import { NEED_KEYS } from '../../../src/schema/answers.js';
import type { ScoreResult } from '../../../src/scoring/score-result.js';
import { exampleAnswers, makeAnswers } from '../../helpers/make-answers.js';
import { normaliseSvg } from '../../helpers/normalise-svg.js';
import { svgTextBoxes, type TextBox } from './svg-text-boxes.js';

const EXAMPLES = ['small-team-basic', 'scaleup-sidecar-cost', 'regulated-bank', 'design-sample'] as const;
const ALL_CHARTS = [
  'tco-by-category',
  'cumulative-tco',
  'sidecar-tax',
  'capability-heatmap',
  'score-breakdown',
  'tornado',
  'monte-carlo',
];
/** Charts that draw the options themselves, and so must draw them in the options' colours. */
const OPTION_CHARTS = [
  'tco-by-category',
  'cumulative-tco',
  'capability-heatmap',
  'score-breakdown',
  'monte-carlo',
];

const results = new Map<string, ScoreResult>(EXAMPLES.map((name) => [name, score(exampleAnswers(name))]));
const rendered = new Map<string, Promise<RenderedReportChart[]>>();

function resultOf(example: string): ScoreResult {
  const result = results.get(example);
  if (result === undefined) throw new Error(`no result for ${example}`);
  return result;
}

/** Rendering is the slow part; every test of an example shares one rendering. */
function renderedOf(example: string): Promise<RenderedReportChart[]> {
  let charts = rendered.get(example);
  if (charts === undefined) {
    charts = renderReportCharts(buildReportCharts(resultOf(example)), { png: false });
    rendered.set(example, charts);
  }
  return charts;
}

/** Every colour scale over option ids in a spec, wherever it is nested. */
function optionColourScales(node: unknown, found: { domain: unknown[]; range: unknown[] }[] = []) {
  if (Array.isArray(node)) for (const child of node) optionColourScales(child, found);
  else if (typeof node === 'object' && node !== null) {
    const scale = (node as { color?: { scale?: { domain?: unknown; range?: unknown } } }).color?.scale;
    if (Array.isArray(scale?.domain) && Array.isArray(scale.range) && scale.domain.includes('cilium-oss')) {
      found.push({ domain: scale.domain, range: scale.range });
    }
    for (const child of Object.values(node)) optionColourScales(child, found);
  }
  return found;
}

function overlaps(a: TextBox, b: TextBox): boolean {
  // Half a pixel of slack: adjacent lines of one label touch by design.
  return a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
}

function pngSize(png: Uint8Array): { width: number; height: number } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

describe('buildReportCharts', () => {
  it('lists the charts in a fixed order, with the sidecar tax only for clients that run sidecars', () => {
    const names = (example: string) => buildReportCharts(resultOf(example)).map((c) => c.name);
    expect(names('regulated-bank')).toEqual(ALL_CHARTS);
    expect(names('scaleup-sidecar-cost')).toEqual(ALL_CHARTS);
    expect(names('design-sample')).toEqual(ALL_CHARTS);
    expect(names('small-team-basic')).toEqual(ALL_CHARTS.filter((n) => n !== 'sidecar-tax'));
  });

  it('leaves out the tornado when no cost input is uncertain', () => {
    const result = resultOf('design-sample');
    const fixed = { ...result, tornado: { ...result.tornado, bars: [] } };
    expect(buildReportCharts(fixed).map((c) => c.name)).not.toContain('tornado');
  });

  it.each(EXAMPLES)(
    'gives each chart a title with its unit and horizon, and a one-sentence description (%s)',
    (example) => {
      const result = resultOf(example);
      const { currency, horizonYears } = result.engagement;
      for (const chart of buildReportCharts(result)) {
        expect(chart.name).toMatch(/^[a-z]+(-[a-z]+)*$/);
        expect(chart.description).toMatch(/^[A-Z].*\.$/);
        expect(chart.description.slice(0, -1)).not.toMatch(/\.\s/);
        if (!['capability-heatmap'].includes(chart.name))
          expect(chart.title).toContain(`${horizonYears} years`);
        if (!['capability-heatmap', 'score-breakdown'].includes(chart.name))
          expect(chart.title).toContain(currency);
        expect(JSON.stringify(chart.spec)).toContain(JSON.stringify(chart.title));
      }
    },
  );

  it('is a pure function of the result', () => {
    const result = resultOf('regulated-bank');
    expect(JSON.stringify(buildReportCharts(result))).toBe(
      JSON.stringify(buildReportCharts(structuredClone(result))),
    );
  });

  it('colours each option the same in every chart, whichever options a chart shows', () => {
    for (const example of EXAMPLES) {
      const result = resultOf(example);
      const options = optionsInOrder(result);
      for (const chart of buildReportCharts(result)) {
        const scales = optionColourScales(chart.spec);
        if (OPTION_CHARTS.includes(chart.name)) expect(scales.length, chart.name).toBeGreaterThan(0);
        for (const { domain, range } of scales) {
          expect(domain.slice(0, options.length)).toEqual(options.map((o) => o.id));
          for (const o of options) expect(range[domain.indexOf(o.id)]).toBe(o.colour);
        }
      }
    }
  });
});

describe.each(EXAMPLES)('report charts of %s', (example) => {
  it('render without warnings, one A4 column wide', async () => {
    const charts = await renderedOf(example);
    for (const chart of charts) {
      expect(chart.width, chart.name).toBe(REPORT_CHART_WIDTH);
      expect(chart.height, chart.name).toBeGreaterThan(150);
      expect(chart.height, chart.name).toBeLessThan(640);
    }
  });

  it('draw every line of text whole, inside the chart and clear of every other line', async () => {
    for (const chart of await renderedOf(example)) {
      const boxes = svgTextBoxes(chart.svg);
      expect(boxes.length, chart.name).toBeGreaterThan(5);
      for (const box of boxes) {
        expect(box.left, `${chart.name}: "${box.text}"`).toBeGreaterThanOrEqual(0);
        expect(box.top, `${chart.name}: "${box.text}"`).toBeGreaterThanOrEqual(0);
        expect(box.right, `${chart.name}: "${box.text}"`).toBeLessThanOrEqual(chart.width);
        expect(box.bottom, `${chart.name}: "${box.text}"`).toBeLessThanOrEqual(chart.height);
        expect(box.text, chart.name).not.toMatch(/…$/);
      }
      for (const [i, a] of boxes.entries()) {
        for (const b of boxes.slice(i + 1)) {
          expect(overlaps(a, b), `${chart.name}: "${a.text}" overlaps "${b.text}"`).toBe(false);
        }
      }
    }
  });

  it('match the golden SVGs (normalised: one element a line, 3 decimals)', async () => {
    for (const chart of await renderedOf(example)) {
      await expect(normaliseSvg(chart.svg)).toMatchFileSnapshot(
        `../../golden/charts/${example}/${chart.name}.svg`,
      );
    }
  });
});

/** Answers at the edges of what the charts must handle: one year and ten, a tiny and a huge estate, GBP. */
const EDGE_CASES = {
  'one year, GBP, tiny estate': makeAnswers({
    engagement: { currency: 'GBP', horizonYears: 1 },
    cluster: { clusters: 1, nodes: 2, podsPerNode: 10 },
    mesh: { current: 'linkerd', sidecars: 3 },
  }),
  'ten years, huge estate, every need a must': makeAnswers({
    engagement: { horizonYears: 10 },
    cluster: { clusters: 40, nodes: 20_000, podsPerNode: 60, services: 30_000, growthPercentPerYear: 40 },
    mesh: { current: 'istio', sidecars: 500_000 },
    needs: Object.fromEntries(NEED_KEYS.map((k) => [k, 'must'])),
  }),
  'every need optional, all weights zero but cost': makeAnswers({
    needs: Object.fromEntries(NEED_KEYS.map((k) => [k, 'no'])),
    priorities: { cost: 1, capability: 0, risk: 0, simplicity: 0 },
  }),
};

describe.each(Object.entries(EDGE_CASES))('report charts for %s', (_, answers) => {
  it('render without warnings, with every line of text inside the chart and clear of the others', async () => {
    for (const chart of await renderReportCharts(buildReportCharts(score(answers)), { png: false })) {
      expect(chart.width, chart.name).toBe(REPORT_CHART_WIDTH);
      const boxes = svgTextBoxes(chart.svg);
      for (const box of boxes) {
        const where = `${chart.name}: "${box.text}"`;
        expect(box.left >= 0 && box.top >= 0, where).toBe(true);
        expect(box.right <= chart.width && box.bottom <= chart.height, where).toBe(true);
        expect(box.text, where).not.toMatch(/…$/);
      }
      for (const [i, a] of boxes.entries()) {
        for (const b of boxes.slice(i + 1))
          expect(overlaps(a, b), `${chart.name}: "${a.text}" / "${b.text}"`).toBe(false);
      }
    }
  });
});

describe('svgTextBoxes', () => {
  it('finds text that runs out of the chart', async () => {
    const { svg, width } = await renderChartSvg({
      width: 100,
      height: 40,
      autosize: 'none',
      data: { values: [{ label: 'A label far too long for this chart' }] },
      mark: { type: 'text', align: 'left', x: 60, y: 20 },
      encoding: { text: { field: 'label' } },
    });
    const box = svgTextBoxes(svg).find((b) => b.text.startsWith('A label'));
    expect(box?.left).toBeCloseTo(60 + 8, 0);
    expect(box?.right).toBeGreaterThan(width);
  });
});

describe('renderReportCharts', () => {
  it('renders the same bytes twice and PNGs at twice the SVG size', async () => {
    const charts = buildReportCharts(resultOf('scaleup-sidecar-cost'));
    const first = await renderReportCharts(charts, { png: true });
    const second = await renderReportCharts(charts, { png: false });
    expect(second.map((c) => c.svg)).toEqual(first.map((c) => c.svg));
    for (const chart of first) {
      expect(chart.png, chart.name).toBeDefined();
      expect(pngSize(chart.png ?? new Uint8Array())).toEqual({
        width: chart.width * 2,
        height: chart.height * 2,
      });
      expect(second.find((c) => c.name === chart.name)?.png).toBeUndefined();
    }
  });

  it('gives every chart its own SVG ids, so they can share one HTML page', async () => {
    const charts = await renderedOf('regulated-bank');
    const ids = charts.flatMap((c) => [...c.svg.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]));
    expect(new Set(ids).size).toBe(ids.length);
    for (const chart of charts) {
      for (const [, id] of chart.svg.matchAll(/\bid="([^"]+)"/g))
        expect(id).toMatch(new RegExp(`^${chart.name}-`));
    }
  });

  it('treats a Vega-Lite warning as a bug', async () => {
    const broken: ReportChart = {
      name: 'broken',
      title: 'Broken',
      description: 'A chart that asks for an impossible encoding.',
      spec: {
        data: { values: [{ a: 1 }] },
        mark: 'bar',
        encoding: { x: { field: 'a', type: 'quantitative' }, shape: { field: 'a', type: 'nominal' } },
      },
    };
    await expect(renderReportCharts([broken], { png: false })).rejects.toThrow(
      /broken compiled with warnings/,
    );
  });
});

import * as vega from 'vega';
import { compile, type TopLevelSpec, version as vegaLiteVersion } from 'vega-lite';
import { describe, expect, it } from 'vitest';
import { VEGA_LITE_SCHEMA } from '../../../src/charts/chart-theme.js';
import { renderReportCharts } from '../../../src/charts/render-report-charts.js';
import { buildReportCharts } from '../../../src/charts/report-charts.js';
import { type VegaTextItem, vegaTextWidth } from '../../../src/charts/text-metrics.js';
import { reportFiles } from '../../../src/generate/report-files.js';
import { score } from '../../../src/index.js';
import { exampleAnswers } from '../../helpers/make-answers.js';

/**
 * New-user finding M7: a charts/<name>.vl.json must draw, with stock Vega-Lite and Vega and nothing of the
 * tool's, the chart the report shows. Each spec is taken from the file text `generate` writes, compiled with
 * no config of ours and rendered by a plain Vega view.
 */
const EXAMPLES = ['small-team-basic', 'scaleup-sidecar-cost', 'regulated-bank', 'design-sample'] as const;

type Measure = (item: VegaTextItem, text: unknown) => number;
const { textMetrics } = vega as unknown as { textMetrics: { width: Measure } };

/** Vega numbers clip paths and gradients with process-wide counters; number them by appearance instead. */
function renumberIds(svg: string): string {
  const ids = new Map<string, string>();
  for (const [, id] of svg.matchAll(/\bid="([^"]+)"/g)) {
    if (id !== undefined && !ids.has(id)) ids.set(id, `id${ids.size + 1}`);
  }
  return svg.replace(/\b(id="|url\(#|href="#)([^")]+)/g, (whole, lead: string, id: string) => {
    const next = ids.get(id);
    return next === undefined ? whole : `${lead}${next}`;
  });
}

/** Stock Vega-Lite and Vega, given only the spec: no config, no loader, no logger of ours. */
async function plainSvg(spec: TopLevelSpec, measure: Measure): Promise<string> {
  const saved = textMetrics.width;
  textMetrics.width = measure;
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
    textMetrics.width = saved;
  }
}

async function writtenCharts(example: (typeof EXAMPLES)[number]) {
  const rendered = await renderReportCharts(buildReportCharts(score(exampleAnswers(example))), {
    png: false,
  });
  const files = new Map(
    reportFiles(['svg'], {
      html: null,
      pdf: null,
      resultJson: null,
      markdown: null,
      deck: null,
      workbook: null,
      charts: rendered,
    }).map((f) => [f.path, f.data]),
  );
  return rendered.map((chart) => {
    const text = files.get(`charts/${chart.name}.vl.json`);
    if (typeof text !== 'string') throw new Error(`no charts/${chart.name}.vl.json`);
    return { name: chart.name, svg: chart.svg, spec: JSON.parse(text) as TopLevelSpec };
  });
}

describe('chart specs stand alone', () => {
  it('name the schema of the Vega-Lite major version they are compiled with', () => {
    expect(VEGA_LITE_SCHEMA).toBe(
      `https://vega.github.io/schema/vega-lite/v${vegaLiteVersion.split('.')[0]}.json`,
    );
  });

  describe.each(EXAMPLES)('%s', (example) => {
    it('carry $schema and the whole theme, and draw the tool’s SVG with stock vega-lite and vega', async () => {
      const charts = await writtenCharts(example);
      expect(charts.length).toBeGreaterThanOrEqual(6);
      for (const chart of charts) {
        expect(chart.spec.$schema, chart.name).toBe(VEGA_LITE_SCHEMA);
        expect(chart.spec.config?.font, chart.name).toMatch(/^Inter, /);
        // Where Inter is installed, a browser's canvas measures text as the tool does.
        const svg = await plainSvg(chart.spec, vegaTextWidth);
        expect(renumberIds(svg), chart.name).toBe(renumberIds(chart.svg));
        // And it is the config that does it: the spec without it draws something else (finding M7).
        const { config: _theme, ...bare } = chart.spec;
        expect(renumberIds(await plainSvg(bare, vegaTextWidth)), chart.name).not.toBe(renumberIds(chart.svg));
      }
    });
  });
});

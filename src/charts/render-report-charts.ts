import { InternalError } from '../shared/errors.js';
import { renderChartPng, renderChartSvg, standaloneSpec } from './render-chart.js';
import type { ReportChart } from './report-charts.js';

export interface RenderedReportChart extends ReportChart {
  readonly svg: string;
  readonly width: number;
  readonly height: number;
  /** PNG at twice the SVG's pixel size; present only when asked for. */
  readonly png?: Uint8Array;
}

/**
 * Renders the report's charts in order. Each SVG's ids are prefixed with the chart's name, so all of them
 * can be inlined in one HTML page. The specs are ours, so a compiler warning means a chart is wrong.
 */
export async function renderReportCharts(
  charts: readonly ReportChart[],
  options: { readonly png: boolean },
): Promise<RenderedReportChart[]> {
  const rendered: RenderedReportChart[] = [];
  for (const chart of charts) {
    // Each chart is a long stretch of synchronous work: between them the event loop answers the browser,
    // which is starting (or printing the previous report) meanwhile.
    await new Promise((resolve) => setImmediate(resolve));
    const { svg, width, height, warnings } = await renderChartSvg(chart.spec, { idPrefix: `${chart.name}-` });
    if (warnings.length > 0) {
      throw new InternalError(`chart ${chart.name} compiled with warnings: ${warnings.join('; ')}`);
    }
    rendered.push({
      ...chart,
      // What charts/<name>.vl.json carries: the spec the SVG was compiled from, theme included.
      spec: standaloneSpec(chart.spec),
      svg,
      width,
      height,
      ...(options.png ? { png: renderChartPng(svg) } : {}),
    });
  }
  return rendered;
}

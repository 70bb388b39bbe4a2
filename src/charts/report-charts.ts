import type { TopLevelSpec } from 'vega-lite';
import type { EngineResult } from '../result/result-types.js';
import {
  capabilityHeatmapDescription,
  capabilityHeatmapSpec,
  capabilityHeatmapTitle,
} from './specs/capability-heatmap.js';
import { cumulativeTcoDescription, cumulativeTcoSpec, cumulativeTcoTitle } from './specs/cumulative-tco.js';
import { monteCarloDescription, monteCarloSpec, monteCarloTitle } from './specs/monte-carlo.js';
import {
  scoreBreakdownDescription,
  scoreBreakdownSpec,
  scoreBreakdownTitle,
} from './specs/score-breakdown.js';
import { sidecarCosts } from './specs/sidecar-costs.js';
import { sidecarTaxDescription, sidecarTaxSpec, sidecarTaxTitle } from './specs/sidecar-tax.js';
import { tcoByCategoryDescription, tcoByCategorySpec, tcoByCategoryTitle } from './specs/tco-by-category.js';
import { shownTornadoBars, tornadoDescription, tornadoSpec, tornadoTitle } from './specs/tornado.js';

/** One chart of the report, before rendering. */
export interface ReportChart {
  /** File stem, kebab-case: charts/<name>.svg, .png and .vl.json. */
  readonly name: string;
  readonly title: string;
  /** One sentence with the key figure, for alt text and captions. */
  readonly description: string;
  readonly spec: TopLevelSpec;
}

interface ChartBuilder {
  readonly name: string;
  readonly title: (result: EngineResult) => string;
  readonly description: (result: EngineResult) => string;
  readonly spec: (result: EngineResult) => TopLevelSpec;
  /** Charts that would be empty for some clients say when they apply. */
  readonly applies?: (result: EngineResult) => boolean;
}

const CHARTS: readonly ChartBuilder[] = [
  {
    name: 'tco-by-category',
    title: tcoByCategoryTitle,
    description: tcoByCategoryDescription,
    spec: tcoByCategorySpec,
  },
  {
    name: 'cumulative-tco',
    title: cumulativeTcoTitle,
    description: cumulativeTcoDescription,
    spec: cumulativeTcoSpec,
  },
  {
    name: 'sidecar-tax',
    title: sidecarTaxTitle,
    description: sidecarTaxDescription,
    spec: sidecarTaxSpec,
    applies: (result) => sidecarCosts(result) !== null,
  },
  {
    name: 'capability-heatmap',
    title: capabilityHeatmapTitle,
    description: capabilityHeatmapDescription,
    spec: capabilityHeatmapSpec,
  },
  {
    name: 'score-breakdown',
    title: scoreBreakdownTitle,
    description: scoreBreakdownDescription,
    spec: scoreBreakdownSpec,
  },
  {
    name: 'tornado',
    title: tornadoTitle,
    description: tornadoDescription,
    spec: tornadoSpec,
    applies: (result) => shownTornadoBars(result).length > 0,
  },
  {
    name: 'monte-carlo',
    title: monteCarloTitle,
    description: monteCarloDescription,
    spec: monteCarloSpec,
  },
];

/**
 * The report's charts, always in this order: tco-by-category, cumulative-tco, sidecar-tax, capability-heatmap,
 * score-breakdown, tornado, monte-carlo. Two can be missing: sidecar-tax when the client runs no sidecars
 * today, and tornado when no uncertain cost input moves the TCO visibly (say the client fixed them all).
 */
export function buildReportCharts(result: EngineResult): readonly ReportChart[] {
  return CHARTS.filter((c) => c.applies?.(result) ?? true).map((c) => ({
    name: c.name,
    title: c.title(result),
    description: c.description(result),
    spec: c.spec(result),
  }));
}

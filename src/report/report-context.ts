import type { OptionResult } from '../result/result-types.js';
import type { OptionId } from '../schema/dataset.js';
import { InternalError } from '../shared/errors.js';
import { formatMoney } from '../shared/format.js';
import type { ChartFigure } from './report-model.js';
import type { ReportChartImage, ReportSources } from './report-sources.js';

/** What every section builder needs: the sources plus lookups they would otherwise each rebuild. */
export interface ReportContext {
  readonly sources: ReportSources;
  readonly money: (amount: number) => string;
  readonly option: (id: OptionId) => OptionResult;
  readonly shortName: (id: OptionId) => string;
  readonly capabilityName: (id: string) => string;
  readonly figure: (name: string) => ChartFigure | null;
}

export function reportContext(sources: ReportSources): ReportContext {
  const { result } = sources;
  const charts = new Map<string, ReportChartImage>(sources.charts.map((c) => [c.name, c]));
  return {
    sources,
    money: (amount) => formatMoney(amount, result.currency.code),
    option: (id) => {
      const found = result.options.find((o) => o.id === id);
      if (found === undefined) throw new InternalError(`result has no option ${id}`);
      return found;
    },
    shortName: (id) => result.options.find((o) => o.id === id)?.short ?? id,
    capabilityName: (id) => result.needs.find((n) => n.capability === id)?.name ?? id,
    figure: (name) => {
      const chart = charts.get(name);
      return chart === undefined
        ? null
        : { name: chart.name, title: chart.title, description: chart.description, svg: chart.svg };
    },
  };
}

import { COST_KEYS, type CostKey, costKeyDescriptions } from '../schema/assumption-keys.js';
import type { Dataset } from '../schema/dataset.js';
import { clientFigureSource, defaultSource } from '../words/parameter-source-text.js';
import type { Scenario } from './compute-tco.js';
import type { Situation } from './derive-situation.js';

/** Where a parameter's value came from. */
export type ParameterOrigin = 'default' | 'override' | 'answer';

/** One cost input, in the engagement currency, with the range the Monte Carlo draws from. */
export interface Parameter {
  readonly key: CostKey;
  readonly description: string;
  readonly unit: string;
  readonly value: number;
  readonly low: number;
  readonly high: number;
  readonly origin: ParameterOrigin;
  readonly kind: 'sourced' | 'derived' | 'estimate' | 'placeholder' | 'client';
  readonly source: string;
  /** Values set by the client (override or answer) are facts for this engagement: not drawn at random. */
  readonly uncertain: boolean;
}

export type ParameterValues = Record<CostKey, number>;

const ANSWERED: Partial<Record<CostKey, (s: Situation) => number | undefined>> = {
  sidecarCpuMillicores: (s) => s.mesh.sidecarCpuMillicores,
  sidecarMemoryMiB: (s) => s.mesh.sidecarMemoryMiB,
};

function resolveOne(key: CostKey, situation: Situation, dataset: Dataset, withClient = true): Parameter {
  const d = dataset.costs[key];
  const currency = situation.engagement.currency;
  const local = d.byCurrency?.[currency];
  const meshVariant = d.byMesh?.[situation.mesh.current];
  const cniVariant = d.byCni?.[situation.cluster.currentCni];
  const { fx } = situation;
  const rate = d.money && local === undefined ? fx.perUsd : 1;
  const base = local ?? meshVariant ?? cniVariant ?? d;
  const common = {
    key,
    description: costKeyDescriptions[key],
    unit: d.money ? `${currency} ${d.unit}` : d.unit,
  };
  const override = situation.stated[key];
  const answered = ANSWERED[key]?.(situation);
  const clientValue = withClient ? (override ?? answered) : undefined;
  if (clientValue !== undefined) {
    const origin: ParameterOrigin = override === undefined ? 'answer' : 'override';
    return {
      ...common,
      value: clientValue,
      low: clientValue,
      high: clientValue,
      origin,
      kind: 'client',
      source: clientFigureSource(round(base.likely * rate), base.source),
      uncertain: false,
    };
  }
  // A converted figure is used as the result states it (6 decimals), so finance recomputing from the stated
  // assumptions, as the workbook does, lands on the same totals to the unit.
  const stated = (x: number) => (rate === 1 ? x : Math.round(x * rate * 1e6) / 1e6);
  return {
    ...common,
    value: stated(base.likely),
    low: stated(base.low),
    high: stated(base.high),
    origin: 'default',
    kind: d.kind,
    source: defaultSource(base.source, rate === 1 ? null : { rate, currency, vintage: fx.vintage }),
    uncertain: base.low !== base.high,
  };
}

function round(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}

/** Every cost input for this client: defaults converted to the engagement currency, then the client's figures. */
export function resolveParameters(situation: Situation, dataset: Dataset): Parameter[] {
  return COST_KEYS.map((key) => resolveOne(key, situation, dataset));
}

/** Every cost input at the data's default, as if the client had set none: the ranges a client's figure is weighed in. */
export function defaultParameters(situation: Situation, dataset: Dataset): Parameter[] {
  return COST_KEYS.map((key) => resolveOne(key, situation, dataset, false));
}

export function parameterValues(parameters: readonly Parameter[]): ParameterValues {
  return Object.fromEntries(parameters.map((p) => [p.key, p.value])) as ParameterValues;
}

/** The scenario at the likely values: every input's default or the client's figure, each add-on's likely effort. */
export function likelyScenario(
  situation: Situation,
  dataset: Dataset,
  parameters: readonly Parameter[],
): Scenario {
  return {
    values: parameterValues(parameters),
    nodes: situation.cluster.nodes,
    sidecars: situation.mesh.sidecars,
    addonHours: Object.fromEntries(
      dataset.addons.map((a) => [
        a.id,
        { ops: a.opsHoursPerClusterMonth.likely, setup: a.setupHoursPerCluster.likely },
      ]),
    ),
    perUsd: situation.fx.perUsd,
  };
}

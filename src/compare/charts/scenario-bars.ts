import type { TopLevelSpec } from 'vega-lite';
import { chartFrame } from '../../charts/specs/chart-frame.js';
import { compactMoney, compactMoneyExpr } from '../../charts/specs/compact-money.js';
import type { Axis, Scale } from '../../charts/specs/vega-lite-types.js';
import type { OptionId } from '../../schema/dataset.js';
import type { ComparedScenario } from '../compare-scenarios.js';

/** Rows per scenario: one bar per option, so each scenario's options sit side by side, in the options' colours. */
const BAR_HEIGHT = 18;
const LABEL_HEADROOM = 0.2;

export interface ScenarioLabel {
  readonly scenario: ComparedScenario;
  /** "After the audit": how the report names a scenario (see ComparedScenario.label). */
  readonly label: string;
}

function bars(
  title: string,
  subtitle: string,
  labels: readonly ScenarioLabel[],
  value: (o: ComparedScenario['options'][number], s: ComparedScenario) => number,
  text: (x: number, s: ComparedScenario, ruledOut: boolean) => string,
  axis: Axis,
  domainMax: number,
): TopLevelSpec {
  const rows = labels.flatMap(({ scenario, label }) =>
    scenario.options.map((o) => ({
      scenario: label,
      option: o.id as OptionId,
      name: o.name,
      value: value(o, scenario),
      text: text(value(o, scenario), scenario, o.disqualified),
    })),
  );
  const max = Math.max(domainMax, ...rows.map((r) => r.value));
  const optionCount = Math.max(1, ...labels.map((l) => l.scenario.options.length));
  const scale: Scale = { domain: [0, max * (1 + LABEL_HEADROOM)], nice: false };
  const y = {
    field: 'scenario',
    type: 'nominal',
    sort: labels.map((l) => l.label),
    title: null,
    axis: { labelPadding: 8, labelFontWeight: 600 },
  } as const;
  const yOffset = { field: 'option', type: 'nominal', sort: rows.map((r) => r.option) } as const;
  const x = { field: 'value', type: 'quantitative', scale, axis } as const;
  return {
    ...chartFrame(title, subtitle),
    height: labels.length * (BAR_HEIGHT * optionCount + 14),
    data: { values: rows },
    encoding: { y, yOffset },
    layer: [
      {
        mark: { type: 'bar', height: { band: 0.85 } },
        encoding: {
          x,
          color: {
            field: 'option',
            type: 'nominal',
            title: null,
            scale: scenarioColourScale(labels),
            legend: { orient: 'bottom', direction: 'horizontal', labelExpr: legendExpr(rows) },
          },
        },
      },
      { mark: { type: 'text', align: 'left', dx: 4 }, encoding: { x, text: { field: 'text' } } },
    ],
  } as TopLevelSpec;
}

/** Legend labels by option id: the names, as in every other chart of the report. */
function legendExpr(rows: readonly { option: string; name: string }[]): string {
  const names = new Map(rows.map((r) => [r.option, r.name]));
  return [...names].reduceRight(
    (otherwise, [id, name]) =>
      `datum.value === ${JSON.stringify(id)} ? ${JSON.stringify(name)} : ${otherwise}`,
    'datum.value',
  );
}

export function scenarioScoresSpec(labels: readonly ScenarioLabel[]): TopLevelSpec {
  return bars(
    'Score of each option, scenario by scenario',
    'Weighted score from 0 to 1 under each scenario’s own answers and priorities; an option that misses a must is ruled out whatever its score.',
    labels,
    (o) => o.score,
    (x, _s, ruledOut) => `${x.toFixed(2)}${ruledOut ? ' ruled out' : ''}`,
    { title: null, tickCount: 5, grid: true },
    1,
  );
}

export function scenarioTcoSpec(labels: readonly ScenarioLabel[]): TopLevelSpec {
  const currency = labels[0]?.scenario.currency ?? 'USD';
  return bars(
    `Total cost of ownership, scenario by scenario, ${currency}`,
    'Each scenario over its own horizon.',
    labels,
    (o) => o.tco.total,
    (x, s) => compactMoney(x, s.currency),
    { labelExpr: compactMoneyExpr(currency), title: null, tickCount: 6, grid: true },
    0,
  );
}

/** Colour scale over every option of the scenarios, each in its own colour whichever scenarios show it. */
function scenarioColourScale(labels: readonly ScenarioLabel[]) {
  const colours = new Map(labels.flatMap((l) => l.scenario.options.map((o) => [o.id, o.colour] as const)));
  return { domain: [...colours.keys()], range: [...colours.values()] };
}

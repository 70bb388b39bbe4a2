import { basename } from 'node:path';
import type { Brand } from '../report/report-sources.js';
import { formatLongDate, formatMoney, formatPercent } from '../shared/format.js';
import type { AttributedQuantity } from './attribute-changes.js';
import { type Comparison, signedScore } from './compare-scenarios.js';
import { scenarioLabels, scenarioLetter } from './comparison-charts.js';

export interface ComparisonFigure {
  readonly name: string;
  readonly description: string;
  readonly svg: string;
}

interface Table {
  readonly headers: readonly string[];
  readonly rows: readonly {
    readonly label: string;
    readonly cells: readonly string[];
    readonly total?: boolean;
  }[];
}

export interface ComparisonReportModel {
  readonly title: string;
  readonly client: string;
  /** Who prepared the scenarios (their files' preparedBy, each once); null when none says. */
  readonly preparedBy: string | null;
  readonly brand: Brand;
  readonly date: string;
  readonly isoDate: string;
  readonly paper: 'A4' | 'Letter';
  readonly headline: string;
  /** The first scenario's name: every other one is explained against it. */
  readonly reference: string;
  /** Every option any scenario shows, with its colour, for the swatches. */
  readonly options: readonly { readonly id: string; readonly colour: string }[];
  readonly scenarios: readonly {
    readonly letter: string;
    readonly label: string;
    readonly file: string;
    readonly client: string;
    readonly optionId: string;
    readonly recommendation: string;
    readonly confidence: string;
    readonly lead: string;
    readonly closeCall: string;
  }[];
  readonly scores: Table;
  readonly tco: Table | null;
  readonly figures: readonly ComparisonFigure[];
  readonly comparisons: readonly {
    readonly id: string;
    readonly number: number;
    readonly title: string;
    /** This scenario's name, for the column of its answers. */
    readonly label: string;
    readonly summary: readonly string[];
    readonly noChange: boolean;
    readonly changes: readonly { readonly label: string; readonly from: string; readonly to: string }[];
    readonly needs: readonly { readonly name: string; readonly from: string; readonly to: string }[];
    readonly method: string;
    readonly leadTable: Table | null;
    readonly tcoTable: Table | null;
    readonly figure: ComparisonFigure | null;
  }[];
  readonly method: readonly string[];
}

type Scenario = Comparison['scenarios'][number];
type Chapter = ComparisonReportModel['comparisons'][number];

/**
 * What the comparison report shows, in the client's words: scenarios by the names the consultant gave them
 * (else their files' names), answers by label, never keys. `figures` are the rendered charts by name; `date`
 * is the report's date (YYYY-MM-DD); `brand` the consultancy's, as `generate --brand` applies it. Pure.
 */
export function comparisonReportModel(
  comparison: Comparison,
  figures: readonly ComparisonFigure[],
  date: string,
  paper: 'A4' | 'Letter',
  brand: Brand,
): ComparisonReportModel {
  const labels = scenarioLabels(comparison);
  const { scenarios } = comparison;
  const first = scenarios[0];
  const clients = [...new Set(scenarios.map((s) => s.client))];
  const optionIds = first?.options.map((o) => o.id) ?? [];
  const name = (id: string) => first?.options.find((o) => o.id === id)?.name ?? id;
  const figure = (n: string) => figures.find((f) => f.name === n) ?? null;
  const letters = scenarios.map((_, i) => scenarioLetter(i));
  const named = labels.map((l) => l.label);
  const preparedBy = [...new Set(scenarios.flatMap((s) => (s.preparedBy === null ? [] : [s.preparedBy])))];
  const sameCurrency = new Set(scenarios.map((s) => s.currency)).size === 1;
  const byOption = (cell: (o: Scenario['options'][number], s: Scenario) => string): Table => ({
    headers: named,
    rows: optionIds.map((id) => ({
      label: name(id),
      cells: scenarios.map((s) => {
        const o = s.options.find((x) => x.id === id);
        return o === undefined ? '' : cell(o, s);
      }),
    })),
  });
  return {
    options: [...new Map(scenarios.flatMap((s) => s.options.map((o) => [o.id, o] as const))).values()].map(
      ({ id, colour }) => ({ id, colour }),
    ),
    title: `Scenario comparison: ${clients.join(' and ')}`,
    client: clients.join(' and '),
    preparedBy: preparedBy.length === 0 ? null : preparedBy.join(' and '),
    brand,
    reference: first?.label ?? '',
    date: formatLongDate(date),
    isoDate: date,
    paper,
    headline: comparisonHeadline(scenarios),
    scenarios: scenarios.map((s, i) => ({
      letter: letters[i] ?? '',
      label: labels[i]?.label ?? '',
      file: basename(s.file),
      client: s.client,
      optionId: s.recommendation.option,
      recommendation: s.recommendation.name,
      confidence: formatPercent(s.recommendation.confidence),
      lead:
        s.recommendation.margin === null ? 'every alternative ruled out' : s.recommendation.margin.toFixed(2),
      closeCall: s.recommendation.closeCall ? 'yes' : 'no',
    })),
    scores: byOption((o) => `${o.score.toFixed(2)}${o.disqualified ? ' (ruled out)' : ''}`),
    tco: sameCurrency ? byOption((o, s) => formatMoney(o.tco.total, s.currency)) : null,
    figures: ['compare-scores', 'compare-tco'].flatMap((n) => figure(n) ?? []),
    comparisons: comparison.comparisons.map((c, k) =>
      comparisonChapter(c, scenarios, letters[k + 1] ?? '', k, figure),
    ),
    method: [
      'Each scenario is scored on its own, exactly as in the full report: the needs follow from its answers, each option is costed over the scenario’s horizon and scored on cost, capability, risk and simplicity with the scenario’s own priorities, and an option that cannot meet a must is ruled out.',
      'Why a result moved is answered with Shapley values, a method from cooperative game theory: every combination of the changed answers is scored, and each change is credited with its average effect over every order in which the changes could have been made. Changes that only matter together share the credit, and the shares add up exactly to the whole change. Names, dates and stakeholders do not enter the decision and get no share.',
      `Scenario files: ${scenarios.map((s) => `${s.label}, ${basename(s.file)}`).join('; ')}.`,
    ],
  };
}

/** Where the recommendation ends up, from the first scenario to the last. */
function comparisonHeadline(scenarios: readonly Scenario[]): string {
  const first = scenarios[0];
  const last = scenarios[scenarios.length - 1];
  if (first === undefined || last === undefined) return '';
  if (first.recommendation.option !== last.recommendation.option)
    return `The recommendation moves from ${first.recommendation.name} in ${first.label} to ${last.recommendation.name} in ${last.label}.`;
  return scenarios.every((s) => s.recommendation.option === first.recommendation.option)
    ? `${first.recommendation.name} is the recommendation in every scenario.`
    : `The recommendation differs between scenarios; it is ${last.recommendation.name} in ${last.label}.`;
}

/** The chapter of the k-th later scenario (lettered `letter`), explained against the first. */
function comparisonChapter(
  c: Comparison['comparisons'][number],
  scenarios: readonly Scenario[],
  letter: string,
  k: number,
  figure: (name: string) => ComparisonFigure | null,
): Chapter {
  const first = scenarios[0];
  const after = scenarios[k + 1];
  const a = c.attribution;
  const short = (id: string) => first?.options.find((o) => o.id === id)?.short ?? id;
  const quantities = (kinds: readonly AttributedQuantity['kind'][]) =>
    a.quantities.filter((q) => kinds.includes(q.kind));
  const currency = after?.currency ?? 'USD';
  const money = (x: number) =>
    Math.round(x) === 0 ? '0' : `${x > 0 ? '+' : '−'}${formatMoney(Math.abs(Math.round(x)), currency)}`;
  return {
    id: `scenario-${letter.toLowerCase()}`,
    number: k + 2,
    title: `${after?.label ?? letter} against ${first?.label ?? 'the first scenario'}`,
    label: after?.label ?? letter,
    summary: c.summary,
    noChange: c.changes.length === 0,
    changes: c.changes.map((r) => ({ label: r.label, from: r.fromText, to: r.toText })),
    needs: c.needChanges.map((n) => ({ name: n.name, from: n.from, to: n.to })),
    method: a.description,
    leadTable: attributionTable(
      a,
      quantities(['lead', 'score']),
      (q) =>
        q.kind === 'lead'
          ? `Lead of ${short(q.option)} over ${short(q.against ?? '')}`
          : `Score of ${short(q.option)}`,
      signedScore,
    ),
    tcoTable: attributionTable(a, quantities(['tco']), (q) => `TCO of ${short(q.option)}`, money),
    figure: figure(`compare-attribution-${letter.toLowerCase()}`),
  };
}

/** Each changed answer's share of each quantity's change, and the whole change; null when nothing is attributed. */
function attributionTable(
  a: Comparison['comparisons'][number]['attribution'],
  qs: readonly AttributedQuantity[],
  header: (q: AttributedQuantity) => string,
  fmt: (x: number) => string,
): Table | null {
  return a.inputs.length === 0 || qs.length === 0
    ? null
    : {
        headers: qs.map(header),
        rows: [
          ...a.inputs.map((input, i) => ({
            label: input.label,
            cells: qs.map((q) => fmt(q.shares[i] ?? 0)),
          })),
          { label: 'Total change', cells: qs.map((q) => fmt(q.change)), total: true },
        ],
      };
}

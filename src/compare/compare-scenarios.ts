import { basename, extname } from 'node:path';
import { optionsInOrder } from '../result/options-in-order.js';
import type { EngineResult } from '../result/result-types.js';
import type { Answers, Importance } from '../schema/answers.js';
import type { Dataset, OptionId } from '../schema/dataset.js';
import { formatMoney, formatNumber, formatPercent, joinAnd, lowerFirst } from '../shared/format.js';
import { type Attribution, attributeChanges } from './attribute-changes.js';
import { type AnswerChange, diffAnswers } from './diff-answers.js';
import { inputLabel, inputValue } from './input-labels.js';

/** One answers file, validated and scored. */
export interface ScenarioInput {
  readonly file: string;
  readonly answers: Answers;
  readonly result: EngineResult;
  /** What the consultant calls this scenario (`compare --label`); omitted: the file's name. */
  readonly label?: string;
}

export interface ComparedScenario {
  readonly file: string;
  /** How the comparison names the scenario: the consultant's label, else the file's name without extension. */
  readonly label: string;
  readonly client: string;
  readonly preparedBy: string | null;
  readonly date: string | null;
  readonly currency: string;
  readonly horizonYears: number;
  readonly recommendation: {
    readonly option: OptionId;
    readonly name: string;
    readonly confidence: number;
    readonly closeCall: boolean;
    readonly margin: number | null;
  };
  /** Every option, in the data's order, so scenarios line up side by side. */
  readonly options: readonly {
    readonly id: OptionId;
    readonly name: string;
    /** The name in running text (the client's own CNI where the path keeps it), for narrow columns. */
    readonly short: string;
    /** The option's colour in every chart and table (#RRGGBB). */
    readonly colour: string;
    readonly score: number;
    readonly disqualified: boolean;
    readonly tco: { readonly total: number };
  }[];
}

/** A changed answer with its label and values in words, as the client reads them. */
export interface ChangeRow extends AnswerChange {
  readonly label: string;
  readonly fromText: string;
  readonly toText: string;
}

export interface NeedChange {
  readonly capability: string;
  readonly name: string;
  readonly from: Importance;
  readonly to: Importance;
}

/** One later file against the first. */
export interface ScenarioComparison {
  readonly file: string;
  readonly against: string;
  readonly changes: readonly ChangeRow[];
  /** Importance of each capability as the engine settled it (stated or derived), where it moved. */
  readonly needChanges: readonly NeedChange[];
  readonly attribution: Attribution;
  /** Why it moved, in sentences for the client. */
  readonly summary: readonly string[];
}

export interface Comparison {
  readonly scenarios: readonly ComparedScenario[];
  readonly comparisons: readonly ScenarioComparison[];
  /** For the consultant (stderr), not the client: different clients or currencies. */
  readonly warnings: readonly string[];
}

/**
 * Two or more scored answers files side by side, each later one explained against the first: which answers
 * changed, which needs moved, and the Shapley attribution of every option's score and TCO and of the lead
 * between the recommendations. Pure.
 */
export function compareScenarios(inputs: readonly ScenarioInput[], dataset: Dataset): Comparison {
  const [base, ...rest] = inputs;
  if (base === undefined) return { scenarios: [], comparisons: [], warnings: [] };
  const warnings: string[] = [];
  const labels = scenarioNames(inputs);
  for (const other of rest) {
    const [a, b] = [base.answers.engagement, other.answers.engagement];
    if (a.client.trim().toLowerCase() !== b.client.trim().toLowerCase()) {
      warnings.push(`${base.file} is for ${a.client} and ${other.file} for ${b.client}: compared anyway`);
    }
    if (a.currency !== b.currency) {
      warnings.push(
        `${base.file} is in ${a.currency} and ${other.file} in ${b.currency}: costs are shown in each file's own currency and not attributed`,
      );
    }
  }
  return {
    scenarios: inputs.map((input, i) => scenarioOf(input, labels[i] ?? input.file)),
    comparisons: rest.map((other) => compareTwo(base, other, dataset)),
    warnings,
  };
}

/**
 * Each scenario's name: its label, else its file's name without extension; a name two scenarios share gets
 * its place in the list, so no two read alike in a table or chart.
 */
function scenarioNames(inputs: readonly ScenarioInput[]): string[] {
  const names = inputs.map((s) => s.label ?? basename(s.file, extname(s.file)));
  return names.map((n, i) => (names.indexOf(n) === names.lastIndexOf(n) ? n : `${n} (${i + 1})`));
}

function scenarioOf({ file, answers, result }: ScenarioInput, label: string): ComparedScenario {
  const rec = result.recommendation;
  return {
    file,
    label,
    client: result.engagement.client,
    preparedBy: answers.engagement.preparedBy ?? null,
    date: answers.engagement.date ?? null,
    currency: result.engagement.currency,
    horizonYears: result.engagement.horizonYears,
    recommendation: {
      option: rec.option,
      name: rec.name,
      confidence: rec.confidence,
      closeCall: rec.closeCall,
      margin: rec.margin,
    },
    options: optionsInOrder(result).map((o) => ({
      id: o.id,
      name: o.name,
      short: o.short,
      colour: o.colour,
      score: o.score,
      disqualified: o.disqualified,
      tco: { total: o.tco.total },
    })),
  };
}

function compareTwo(before: ScenarioInput, after: ScenarioInput, dataset: Dataset): ScenarioComparison {
  const changes = diffAnswers(before.answers, after.answers);
  const text = (path: string, value: unknown, side: ScenarioInput) => {
    const currency = side.answers.engagement.currency;
    if (value !== null) return inputValue(path, value, dataset, currency);
    // An omitted answer: the value the engine used instead, from data/ or derived from the other answers.
    const [section, key] = path.split('.');
    const need = section === 'needs' ? side.result.needs.find((n) => n.capability === key) : undefined;
    if (need !== undefined) return `${need.importance} (derived)`;
    const used = side.result.assumptions.find((a) => a.key === key);
    if (used !== undefined && (section === 'assumptions' || section === 'mesh')) {
      return `${inputValue(`assumptions.${key}`, used.value, dataset, currency)} (default)`;
    }
    return inputValue(path, value, dataset, currency);
  };
  const rows = changes.map((c) => ({
    ...c,
    label: inputLabel(c.path, dataset),
    fromText: text(c.path, c.from, before),
    toText: text(c.path, c.to, after),
  }));
  const needChanges = after.result.needs.flatMap((n): NeedChange[] => {
    const was = before.result.needs.find((m) => m.capability === n.capability);
    return was === undefined || was.importance === n.importance
      ? []
      : [{ capability: n.capability, name: n.name, from: was.importance, to: n.importance }];
  });
  const attribution = attributeChanges(before, after, changes, dataset);
  return {
    file: after.file,
    against: before.file,
    changes: rows,
    needChanges,
    attribution,
    summary: summarise(before, after, rows, needChanges, attribution),
  };
}

/** "+0.08", "−0.03", "<0.01" for a share of the 0–1 score scale. */
export function signedScore(x: number): string {
  if (Math.abs(x) < 0.005) return x === 0 ? '0.00' : x > 0 ? '+<0.01' : '−<0.01';
  return `${x > 0 ? '+' : '−'}${Math.abs(x).toFixed(2)}`;
}

function signedMoney(x: number, currency: string): string {
  return `${x >= 0 ? '+' : '−'}${formatMoney(Math.abs(x), currency)}`;
}

/** How many of the largest shares a sentence names; the rest are summed. */
const NAMED_SHARES = 3;

function topShares(
  shares: readonly number[],
  rows: readonly ChangeRow[],
  attribution: Attribution,
  format: (x: number) => string,
): { named: string; rest: number } {
  const ranked = attribution.inputs
    .map((input, i) => ({ input, share: shares[i] ?? 0 }))
    .filter((x) => x.share !== 0)
    .sort((a, b) => Math.abs(b.share) - Math.abs(a.share));
  const named = ranked.slice(0, NAMED_SHARES).map(({ input, share }) => {
    const row = input.paths.length === 1 ? rows.find((r) => r.path === input.paths[0]) : undefined;
    const what =
      row === undefined ? `${input.label} (several answers)` : `${row.label} ${row.fromText} → ${row.toText}`;
    return `${what} (${format(share)})`;
  });
  const rest = ranked.slice(NAMED_SHARES).reduce((s, x) => s + x.share, 0);
  return { named: named.join(', '), rest };
}

function summarise(
  before: ScenarioInput,
  after: ScenarioInput,
  rows: readonly ChangeRow[],
  needChanges: readonly NeedChange[],
  attribution: Attribution,
): string[] {
  const a = before.result.recommendation;
  const b = after.result.recommendation;
  const name = (id: OptionId) => after.result.options.find((o) => o.id === id)?.name ?? id;
  if (rows.length === 0)
    return ['No change: the two files give the same answers, so the same recommendation.'];
  const lines: string[] = [];
  lines.push(
    a.option === b.option
      ? `${b.name} stays the recommendation (confidence ${formatPercent(a.confidence)} before, ${formatPercent(b.confidence)} now).`
      : `The recommendation moved from ${a.name} to ${b.name} (confidence ${formatPercent(b.confidence)}).`,
  );
  const ruledOut = after.result.options.find((o) => o.id === a.option && o.disqualified);
  const wasRuledIn = before.result.options.find((o) => o.id === a.option && !o.disqualified);
  const newlyRuledOut = a.option !== b.option && ruledOut !== undefined && wasRuledIn !== undefined;
  if (newlyRuledOut) {
    const names = ruledOut.unmetMusts.map(
      (id) => after.result.needs.find((n) => n.capability === id)?.name ?? id,
    );
    const musts = attribution.quantities.find((q) => q.kind === 'unmetMusts' && q.option === a.option);
    const { named } =
      musts === undefined
        ? { named: '' }
        : topShares(
            musts.shares,
            rows,
            attribution,
            (x) =>
              `${x > 0 ? '+' : '−'}${formatNumber(Math.abs(x), 2)} ${Math.abs(x) === 1 ? 'must' : 'musts'}`,
          );
    lines.push(
      `${ruledOut.name} is now ruled out: it cannot provide ${joinAnd(names.map(lowerFirst))}, a must${named === '' ? '' : `. What ruled it out: ${named}`}.`,
    );
  }
  const lead = attribution.quantities.find((q) => q.kind === 'lead');
  if (lead !== undefined && attribution.inputs.length > 0 && lead.against !== undefined) {
    const { named, rest } = topShares(lead.shares, rows, attribution, signedScore);
    const restText = Math.abs(rest) >= 0.005 ? `, and the other changes together (${signedScore(rest)})` : '';
    const movement = `${name(lead.option)}'s lead over ${name(lead.against)} went from ${signedScore(lead.from)} to ${signedScore(lead.to)}`;
    lines.push(
      named === ''
        ? `${movement}; no change of answers moved it.`
        : `${movement}. What moved it: ${named}${restText}.`,
    );
  }
  if (lead === undefined && attribution.inputs.length > 0 && !newlyRuledOut) {
    lines.push(
      'No other path is open to the client in both versions, so no lead between two paths is measured.',
    );
  }
  const newMusts = needChanges
    .filter((n) => n.to === 'must' && n.from !== 'must')
    .map((n) => lowerFirst(n.name));
  if (newMusts.length > 0 && !newlyRuledOut) lines.push(`Now a must: ${joinAnd(newMusts)}.`);
  const tco = attribution.quantities.find((q) => q.kind === 'tco' && q.option === b.option);
  if (tco !== undefined && tco.change !== 0) {
    const currency = after.result.engagement.currency;
    const money = (x: number) => signedMoney(x, currency);
    const { named } = topShares(tco.shares, rows, attribution, money);
    lines.push(
      `${b.name}'s total cost of ownership went from ${formatMoney(tco.from, currency)} to ${formatMoney(tco.to, currency)} (${money(tco.change)})${named === '' ? '' : `. What moved it: ${named}`}.`,
    );
  }
  if (attribution.inputs.length === 0) lines.push(attribution.description);
  return lines;
}

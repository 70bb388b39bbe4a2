import type { EngineResult } from '../result/result-types.js';
import { type Answers, AnswersSchema } from '../schema/answers.js';
import type { Dataset, OptionId } from '../schema/dataset.js';
import { decideAnswers } from '../scoring/decide-answers.js';
import { type AnswerChange, applyChanges } from './diff-answers.js';
import { inputLabel } from './input-labels.js';
import { shapleyValues } from './shapley.js';

/**
 * Beyond this many changed answers the answers are grouped by section: each of the 2^n combinations is a whole
 * engine run (about 15 ms, mostly its sensitivity analysis), so 8 answers take some 4 s and 10 would take 16.
 */
export const MAX_ATTRIBUTED_INPUTS = 8;

/**
 * Answers that name or date the engagement, and the stakeholders' own priorities: none enters the report's
 * decision (a test holds the engine to that), so they are listed as changes but given no share.
 */
export const OUTSIDE_DECISION: readonly string[] = [
  'engagement.client',
  'engagement.preparedBy',
  'engagement.date',
  'stakeholders',
];

/** One player of the attribution: an answer, or a section of answers when too many changed. */
export interface AttributionInput {
  readonly id: string;
  readonly label: string;
  readonly paths: readonly string[];
}

export interface AttributedQuantity {
  /** A score, a TCO, the lead between two options, or the number of musts an option cannot meet. */
  readonly kind: 'score' | 'tco' | 'lead' | 'unmetMusts';
  /** The option whose score or TCO this is; for a lead, the option ahead in the later file. */
  readonly option: OptionId;
  /** For a lead: the option it is measured against. */
  readonly against?: OptionId;
  readonly from: number;
  readonly to: number;
  readonly change: number;
  /** Each input's share of `change`, in the order of `inputs`; they add up to `change`. */
  readonly shares: readonly number[];
}

export interface Attribution {
  readonly method: 'shapley';
  /** The method in words, for the terminal and the report. */
  readonly description: string;
  readonly inputs: readonly AttributionInput[];
  /** True when the changed answers were grouped by section (more than MAX_ATTRIBUTED_INPUTS). */
  readonly grouped: boolean;
  /** Engine runs made: one per combination of inputs, 2^n. */
  readonly evaluations: number;
  /** Combinations that break a rule between answers (say more sidecars than pods); run as they are. */
  readonly offRule: number;
  /** False when the files use different currencies: their TCOs are not attributed. */
  readonly tcoAttributed: boolean;
  readonly quantities: readonly AttributedQuantity[];
}

/**
 * Why the results moved from `before` to `after`: exact Shapley values over the changed answers, for each
 * option's score and TCO and for the lead of the later recommendation over the earlier one (or, when it did
 * not change, over the later runner-up; never over an option ruled out in either file: see leadRival). Every combination of the changes is scored by the engine, so
 * interactions are shared out fairly and the shares add up to each total change. Pure.
 */
export function attributeChanges(
  before: { readonly answers: Answers; readonly result: EngineResult },
  after: { readonly answers: Answers; readonly result: EngineResult },
  changes: readonly AnswerChange[],
  dataset: Dataset,
): Attribution {
  const inputs = attributionInputs(changes, dataset);
  const grouped = inputs.some((i) => i.id !== i.paths[0] || i.paths.length > 1);
  const n = inputs.length;
  const optionIds = [...new Set([...before.result.options, ...after.result.options].map((o) => o.id))].sort(
    (a, b) => dataset.options.findIndex((o) => o.id === a) - dataset.options.findIndex((o) => o.id === b),
  );
  const ahead = after.result.recommendation.option;
  const behind = leadRival(before.result, after.result);
  const tcoAttributed = before.answers.engagement.currency === after.answers.engagement.currency;
  let offRule = 0;
  const values: number[][] = [];
  for (let mask = 0; mask < 2 ** n; mask++) {
    const applied = inputs.flatMap((input, i) =>
      mask & (1 << i) ? changes.filter((c) => input.paths.includes(c.path)) : [],
    );
    const answers = applyChanges(before.answers, applied);
    if (!AnswersSchema.safeParse(answers).success) offRule += 1;
    // The scores and TCOs are the decision's alone: no worlds, sensitivity or sentences in each of the 2^n runs.
    const decision = decideAnswers(answers, dataset);
    const option = (id: OptionId) => decision.options.find((o) => o.id === id);
    values.push([
      ...optionIds.map((id) => option(id)?.score ?? 0),
      ...(tcoAttributed ? optionIds.map((id) => option(id)?.tcoTotal ?? 0) : []),
      ...optionIds.map((id) => option(id)?.unmetMusts.length ?? 0),
      ...(behind === undefined ? [] : [(option(ahead)?.score ?? 0) - (option(behind)?.score ?? 0)]),
    ]);
  }
  const shares = shapleyValues(n, values);
  const first = values[0] ?? [];
  const last = values[values.length - 1] ?? [];
  const quantity = (
    j: number,
    kind: AttributedQuantity['kind'],
    option: OptionId,
    against?: OptionId,
  ): AttributedQuantity => ({
    kind,
    option,
    ...(against === undefined ? {} : { against }),
    from: first[j] ?? 0,
    to: last[j] ?? 0,
    change: (last[j] ?? 0) - (first[j] ?? 0),
    shares: shares.map((s) => s[j] ?? 0),
  });
  const k = optionIds.length;
  const mustsAt = tcoAttributed ? 2 * k : k;
  const quantities = [
    ...(behind === undefined ? [] : [quantity(mustsAt + k, 'lead', ahead, behind)]),
    ...optionIds.map((id, j) => quantity(j, 'score', id)),
    ...(tcoAttributed ? optionIds.map((id, j) => quantity(k + j, 'tco', id)) : []),
    // Only where it moved: which changes ruled an option out, or back in.
    ...optionIds.map((id, j) => quantity(mustsAt + j, 'unmetMusts', id)).filter((q) => q.change !== 0),
  ];
  return {
    method: 'shapley',
    description: describeMethod(n, grouped, offRule, tcoAttributed, changes),
    inputs,
    grouped,
    evaluations: 2 ** n,
    offRule,
    tcoAttributed,
    quantities,
  };
}

/**
 * The option the later recommendation's lead is measured against: the earlier recommendation when it moved,
 * else the later runner-up, else the best score; always one the client can choose in both files. A lead over
 * an option ruled out in either file measures nothing (its score can even rise as it is ruled out: a risk
 * penalty it no longer carries), so such an option is passed over; with none left, there is no lead.
 */
function leadRival(before: EngineResult, after: EngineResult): OptionId | undefined {
  const ahead = after.recommendation.option;
  const open = (id: OptionId) =>
    [before, after].every((r) => r.options.some((o) => o.id === id && !o.disqualified));
  const byScore = [...after.options].sort((a, b) => b.score - a.score).map((o) => o.id);
  const candidates = [before.recommendation.option, after.recommendation.runnerUp, ...byScore];
  return candidates.find((id): id is OptionId => id !== null && id !== undefined && id !== ahead && open(id));
}

/** The changed answers that enter the decision, one input each, or grouped by section beyond the cap. */
export function attributionInputs(changes: readonly AnswerChange[], dataset: Dataset): AttributionInput[] {
  const paths = changes.map((c) => c.path).filter((p) => !OUTSIDE_DECISION.includes(p));
  if (paths.length <= MAX_ATTRIBUTED_INPUTS) {
    return paths.map((path) => ({ id: path, label: inputLabel(path, dataset), paths: [path] }));
  }
  const sections = [...new Set(paths.map((p) => p.split('.')[0] ?? p))];
  return sections.map((section) => ({
    id: section,
    label: inputLabel(section, dataset),
    paths: paths.filter((p) => p.split('.')[0] === section),
  }));
}

function describeMethod(
  n: number,
  grouped: boolean,
  offRule: number,
  tcoAttributed: boolean,
  changes: readonly AnswerChange[],
): string {
  if (n === 0) {
    return changes.length === 0
      ? 'Nothing to attribute: no answer changed.'
      : 'Nothing to attribute: only names, dates or stakeholders changed, and they do not enter the decision.';
  }
  const runs = 2 ** n;
  const parts = [
    `Exact Shapley values over ${n} changed ${grouped ? 'sections of answers' : n === 1 ? 'answer' : 'answers'}, from ${runs} engine runs (every combination of the changes): each change's share is its average effect over every order of making the changes, so interactions are shared out and the shares add up to the whole change.`,
  ];
  if (grouped) {
    parts.push(
      `More than ${MAX_ATTRIBUTED_INPUTS} answers changed, so they are grouped by section of the answers file.`,
    );
  }
  if (offRule > 0) {
    parts.push(
      `${offRule} of the ${runs} combinations break a rule between answers (such as more sidecars than pods); the engine was run on them as they are.`,
    );
  }
  if (!tcoAttributed) parts.push('The files use different currencies, so their costs are not attributed.');
  return parts.join(' ');
}

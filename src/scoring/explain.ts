import type { CapabilityId, Dataset } from '../schema/dataset.js';
import { formatMoney, formatNumber, formatPercent, lowerFirst } from '../shared/format.js';
import type { Need } from './derive-needs.js';
import { isRequired } from './derive-needs.js';
import { CRITERIA, type Criterion, type OptionEvaluation, type Weights } from './evaluate-options.js';

/** A sentence for the report and what it rests on: answers, rules, data entries or computed figures. */
export interface Reason {
  readonly text: string;
  readonly basis: readonly string[];
}

export interface ExplainContext {
  readonly dataset: Dataset;
  readonly needs: Record<CapabilityId, Need>;
  readonly weights: Weights;
  readonly currency: string;
  readonly horizonYears: number;
  readonly sidecars: number;
  readonly removedPercent: number;
  /** Totals as the result reports them (rounded per year and category), so every sentence matches the tables. */
  readonly totals: Readonly<Record<string, number>>;
}

const name = (o: OptionEvaluation) => o.plan.option.short;
const capName = (ctx: ExplainContext, id: CapabilityId) =>
  ctx.dataset.capabilities.find((c) => c.id === id)?.name ?? id;

/** Why an option is ruled out: each unmet must with the reason the client needs it. */
export function disqualificationReasons(o: OptionEvaluation, ctx: ExplainContext): Reason[] {
  return o.unmetMusts.map((id) => ({
    text: `${name(o)} cannot provide ${lowerFirst(capName(ctx, id))}, a must: ${ctx.needs[id].reasons[0] ?? ''}`.trim(),
    basis: [...ctx.needs[id].basis, `data:capabilities.${id}.${o.id}`],
  }));
}

function capabilityGains(a: OptionEvaluation, b: OptionEvaluation, ctx: ExplainContext): CapabilityId[] {
  const value = (o: OptionEvaluation, id: CapabilityId) =>
    ctx.dataset.model.levelValues[o.plan.fits[id].level] ?? 0;
  return (Object.keys(ctx.needs) as CapabilityId[])
    .filter((id) => isRequired(ctx.needs[id].importance) && value(a, id) > value(b, id))
    .sort(
      (x, y) => (ctx.needs[x].importance === 'must' ? 0 : 1) - (ctx.needs[y].importance === 'must' ? 0 : 1),
    );
}

function criterionReason(
  c: Criterion,
  a: OptionEvaluation,
  b: OptionEvaluation,
  ctx: ExplainContext,
): Reason | null {
  const money = (x: number) => formatMoney(x, ctx.currency);
  switch (c) {
    case 'cost': {
      const [ta, tb] = [ctx.totals[a.id] ?? a.tco.total, ctx.totals[b.id] ?? b.tco.total];
      return {
        text: `${name(a)} costs ${money(ta)} over ${ctx.horizonYears} years, ${money(tb - ta)} less than ${name(b)} (${money(tb)}).`,
        basis: [`computed:tco.${a.id}`, `computed:tco.${b.id}`],
      };
    }
    case 'capability': {
      const gains = capabilityGains(a, b, ctx).slice(0, 3);
      if (gains.length === 0) return null;
      const list = gains.map(
        (id) =>
          `${lowerFirst(capName(ctx, id))} (${ctx.needs[id].importance}, ${a.plan.fits[id].level} against ${b.plan.fits[id].level})`,
      );
      return {
        text: `${name(a)} meets more of what the client needs than ${name(b)}: ${list.join('; ')}.`,
        basis: gains.flatMap((id) => [...ctx.needs[id].basis, `data:capabilities.${id}`]),
      };
    }
    case 'risk': {
      const own = new Set(a.risks.map((r) => r.id));
      const top = [...b.risks].filter((r) => !own.has(r.id)).sort((x, y) => y.penalty - x.penalty)[0];
      if (top === undefined) return null;
      return { text: `${name(b)} carries a risk ${name(a)} avoids: ${top.text}`, basis: top.basis };
    }
    case 'simplicity':
      return {
        text: `${name(a)} runs ${a.plan.components.length} components per cluster against ${b.plan.components.length} for ${name(b)}.`,
        basis: [`data:options.${a.id}`, `data:options.${b.id}`, 'data:addons'],
      };
  }
}

/** Criteria ordered by how much they favour `a` over `b`, given the client's priorities. */
function advantages(a: OptionEvaluation, b: OptionEvaluation, weights: Weights): Criterion[] {
  const gain = (c: Criterion) => weights[c] * (a.criteria[c] - b.criteria[c]);
  return CRITERIA.filter((c) => gain(c) > 1e-9).sort((x, y) => gain(y) - gain(x));
}

function sidecarReason(o: OptionEvaluation, ctx: ExplainContext): Reason | null {
  if (!o.plan.removesSidecars || ctx.removedPercent <= 0) return null;
  const removed = ctx.sidecars - o.tco.sidecarsKept;
  return {
    text: `Cilium's sidecar-free mesh can retire about ${formatPercent(ctx.removedPercent / 100)} of today's ${formatNumber(ctx.sidecars)} sidecars (${formatNumber(removed)} proxies), with their CPU, memory and per-hop latency.`,
    basis: ['answer:mesh.sidecars', 'data:costs.sidecarsRemovedWithCiliumPercent'],
  };
}

/** Three to five reasons for the winner, strongest first. */
export function reasonsFor(
  winner: OptionEvaluation,
  all: readonly OptionEvaluation[],
  ctx: ExplainContext,
): Reason[] {
  const rivals = all.filter((o) => o.id !== winner.id);
  const qualified = rivals.filter((o) => o.unmetMusts.length === 0);
  const runnerUp = [...qualified].sort((x, y) => y.score - x.score)[0];
  const reasons: Reason[] = [];
  if (runnerUp !== undefined) {
    for (const c of advantages(winner, runnerUp, ctx.weights)) {
      const r = criterionReason(c, winner, runnerUp, ctx);
      if (r !== null) reasons.push(r);
    }
  }
  const sidecars = sidecarReason(winner, ctx);
  if (sidecars !== null) reasons.push(sidecars);
  for (const o of rivals) reasons.push(...disqualificationReasons(o, ctx).slice(0, 1));
  for (const o of rivals.filter((x) => x !== runnerUp && x.unmetMusts.length === 0)) {
    const c = advantages(winner, o, ctx.weights)[0];
    const r = c === undefined ? null : criterionReason(c, winner, o, ctx);
    if (r !== null) reasons.push(r);
  }
  return reasons.slice(0, 5);
}

/** Why an option that did not win fell short of the winner. */
export function reasonsAgainst(o: OptionEvaluation, winner: OptionEvaluation, ctx: ExplainContext): Reason[] {
  const reasons = disqualificationReasons(o, ctx);
  for (const c of advantages(winner, o, ctx.weights).slice(0, 2)) {
    const r = criterionReason(c, winner, o, ctx);
    if (r !== null) reasons.push(r);
  }
  const top = [...o.risks].sort((x, y) => y.penalty - x.penalty)[0];
  if (top !== undefined && !reasons.some((r) => r.text.includes(top.text))) {
    reasons.push({ text: `Risk: ${top.text}`, basis: top.basis });
  }
  return reasons.slice(0, 4);
}

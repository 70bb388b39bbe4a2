import type { ReasonFact, RiskFact } from '../result/explanation-schemas.js';
import type { CapabilityId, Dataset } from '../schema/dataset.js';
import type { Risk } from './assess-risk.js';
import type { Need } from './derive-needs.js';
import { isRequired } from './derive-needs.js';
import {
  CRITERIA,
  type Criterion,
  complexity,
  type OptionEvaluation,
  type Weights,
} from './evaluate-options.js';
import type { ChangeDecision } from './score-result.js';

/** A reason for or against an option, as facts (src/words writes its sentence), and what it rests on. */
export type Reason = ReasonFact;

export interface ExplainContext {
  readonly dataset: Dataset;
  readonly needs: Record<CapabilityId, Need>;
  readonly weights: Weights;
  /** Totals as the result reports them (rounded per year and category), so every sentence matches the tables. */
  readonly totals: Readonly<Record<string, number>>;
  /** Each option's median simulated total: the basis of every cost the reasons quote. */
  readonly medians: Readonly<Record<string, number>>;
  readonly change: ChangeDecision;
}

/** Why an option is ruled out: each unmet must (its sentence gives the reason the client needs it). */
export function disqualificationReasons(o: OptionEvaluation, ctx: ExplainContext): Reason[] {
  return o.unmetMusts.map((id) => {
    const fit = o.plan.fits[id];
    // In an estate whose groups differ, the estate's level is its weakest group's: those groups are what lack it.
    const lacking = (fit.groups ?? []).filter((g) => g.level === fit.level).map((g) => g.group);
    return {
      kind: 'ruled-out',
      params: {
        option: o.id,
        capability: id,
        level: fit.level,
        ...(lacking.length > 0 ? { groups: lacking } : {}),
      },
      basis: [...ctx.needs[id].basis, `data:capabilities.${id}.${o.id}`],
    };
  });
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
  switch (c) {
    case 'cost':
      return costReason(a, [b], ctx);
    case 'capability': {
      const gains = capabilityGains(a, b, ctx).slice(0, 3);
      if (gains.length === 0) return null;
      return {
        kind: 'meets-more',
        params: {
          option: a.id,
          rival: b.id,
          rivalMissesMust: b.unmetMusts.length > 0,
          gains: gains.map((id) => ({
            capability: id,
            importance: ctx.needs[id].importance,
            level: a.plan.fits[id].level,
            rivalLevel: b.plan.fits[id].level,
          })),
        },
        basis: gains.flatMap((id) => [...ctx.needs[id].basis, `data:capabilities.${id}`]),
      };
    }
    case 'risk': {
      const own = new Set(a.risks.map((r) => r.id));
      const top = [...b.risks].filter((r) => !own.has(r.id)).sort((x, y) => y.penalty - x.penalty)[0];
      if (top === undefined) return null;
      return {
        kind: 'avoids-risk',
        params: { option: a.id, carriers: [b.id], risk: riskFact(top) },
        basis: top.basis,
      };
    }
    case 'simplicity':
      return simplicityReason(a, [b]);
  }
}

/**
 * Criteria ordered by how much they favour `a` over `b`, given the client's priorities. Cost and simplicity are
 * measured between the two alone: each option's own scores are against references that differ when one of the two
 * is ruled out, so only the pair's own totals and complexities say which is cheaper or leaner.
 */
function advantages(a: OptionEvaluation, b: OptionEvaluation, ctx: ExplainContext): Criterion[] {
  const relative = (x: number, y: number) => {
    const least = Math.min(x, y);
    return least > 0 ? least / x - least / y : 0;
  };
  const ncw = ctx.dataset.model.newComponentWeight;
  const difference: Record<Criterion, number> = {
    cost: relative(a.tco.total, b.tco.total),
    capability: a.criteria.capability - b.criteria.capability,
    risk: a.criteria.risk - b.criteria.risk,
    simplicity: relative(complexity(a.plan, ncw), complexity(b.plan, ncw)),
  };
  const gain = (c: Criterion) => ctx.weights[c] * difference[c];
  return CRITERIA.filter((c) => gain(c) > 1e-9).sort((x, y) => gain(y) - gain(x));
}

/** Why the recommendation keeps what runs today although another option scores higher. */
function stayReason(ctx: ExplainContext): Reason | null {
  const c = ctx.change;
  if (c.incumbent === null || c.challenger === null || c.lead === null || c.hurdle === null) return null;
  if (!c.stayed) return null;
  return {
    kind: 'stays',
    params: { challenger: c.challenger, lead: c.lead, hurdle: c.hurdle },
    basis: ['computed:change', 'answer:cluster.currentCni'],
  };
}

/** Three to five reasons for the winner, strongest first. */
export function reasonsFor(
  winner: OptionEvaluation,
  all: readonly OptionEvaluation[],
  ctx: ExplainContext,
): Reason[] {
  const rivals = all.filter((o) => o.id !== winner.id);
  const qualified = rivals.filter((o) => o.blockers === 0);
  const runnerUp = [...qualified].sort((x, y) => y.score - x.score)[0];
  const reasons: Reason[] = [];
  const change = stayReason(ctx);
  if (change !== null) reasons.push(change);
  const others = rivals.filter((x) => x !== runnerUp && x.blockers === 0);
  if (runnerUp !== undefined) {
    for (const c of advantages(winner, runnerUp, ctx)) {
      // One cost sentence naming every cheaper-than rival, rather than one per rival.
      const alsoBehind = others.filter((o) => advantages(winner, o, ctx).includes(c));
      const r =
        c === 'cost'
          ? costReason(winner, [runnerUp, ...alsoBehind], ctx)
          : c === 'simplicity'
            ? simplicityReason(winner, [runnerUp, ...alsoBehind])
            : criterionReason(c, winner, runnerUp, ctx);
      if (r !== null) reasons.push(r);
    }
  }
  for (const o of rivals) reasons.push(...disqualificationReasons(o, ctx).slice(0, 1));
  if (reasons.length < 3) {
    const strengths = mustStrengths(winner, ctx);
    if (strengths !== null) reasons.push(strengths);
  }
  for (const o of others) {
    const c = advantages(winner, o, ctx).find((x) => x !== 'cost' && x !== 'simplicity');
    const r = c === undefined ? null : criterionReason(c, winner, o, ctx);
    if (r !== null && !reasons.some((x) => sameFacts(x, r))) reasons.push(mergeSharedRisk(reasons, r));
  }
  return reasons.slice(0, 5);
}

/** What the winner brings to the client's musts, strongest first: the case for it when no rival qualifies. */
function mustStrengths(o: OptionEvaluation, ctx: ExplainContext): Reason | null {
  const value = (id: CapabilityId) => ctx.dataset.model.levelValues[o.plan.fits[id].level] ?? 0;
  const musts = (Object.keys(ctx.needs) as CapabilityId[])
    .filter((id) => ctx.needs[id].importance === 'must' && id !== 'podNetworking')
    .sort((a, b) => value(b) - value(a));
  if (musts.length === 0 || o.unmetMusts.length > 0) return null;
  return {
    kind: 'meets-all-musts',
    params: {
      option: o.id,
      musts: musts.length,
      among: musts.slice(0, 3).map((id) => ({ capability: id, level: o.plan.fits[id].level })),
    },
    basis: musts.flatMap((id) => [...ctx.needs[id].basis, `data:capabilities.${id}.${o.id}`]),
  };
}

/** Two reasons that state the same facts. */
function sameFacts(a: Reason, b: Reason): boolean {
  return a.kind === b.kind && JSON.stringify(a.params) === JSON.stringify(b.params);
}

const riskFact = (r: Risk): RiskFact => ({ kind: r.kind, params: r.params }) as RiskFact;

/** "Cilium OSS and Isovalent carry a risk …" instead of the same risk told twice, once per rival. */
function mergeSharedRisk(reasons: Reason[], r: Reason): Reason {
  if (r.kind !== 'avoids-risk') return r;
  const i = reasons.findIndex(
    (x) =>
      x.kind === 'avoids-risk' &&
      x.params.option === r.params.option &&
      JSON.stringify(x.params.risk) === JSON.stringify(r.params.risk),
  );
  const earlier = reasons[i];
  if (earlier?.kind !== 'avoids-risk') return r;
  reasons.splice(i, 1);
  return {
    ...earlier,
    params: { ...earlier.params, carriers: [...earlier.params.carriers, ...r.params.carriers] },
  };
}

function simplicityReason(a: OptionEvaluation, rivals: readonly OptionEvaluation[]): Reason {
  const count = (o: OptionEvaluation) => ({
    option: o.id,
    components: o.plan.components.length,
    newComponents: o.plan.newComponents.length,
  });
  const { option, components, newComponents } = count(a);
  return {
    kind: 'simpler',
    params: { option, components, newComponents, rivals: rivals.map(count) },
    basis: [...[a, ...rivals].map((o) => `data:options.${o.id}`), 'data:addons'],
  };
}

/**
 * The totals a cost sentence quotes: the medians of the simulated scenarios, the report's headline basis, unless
 * the cheaper option at the likely figures (the one the cost criterion favours) is not also cheaper at the median.
 */
function costBasis(a: OptionEvaluation, dearer: readonly OptionEvaluation[], ctx: ExplainContext) {
  const median = (o: OptionEvaluation) => ctx.medians[o.id] ?? o.tco.total;
  const likely = (o: OptionEvaluation) => ctx.totals[o.id] ?? o.tco.total;
  return dearer.every((o) => median(o) >= median(a))
    ? { total: median, median: true }
    : { total: likely, median: false };
}

function costReason(a: OptionEvaluation, dearer: readonly OptionEvaluation[], ctx: ExplainContext): Reason {
  const { total, median } = costBasis(a, dearer, ctx);
  return {
    kind: 'cheaper',
    params: {
      option: a.id,
      total: total(a),
      median,
      rivals: dearer.map((o) => ({ option: o.id, total: total(o) })),
    },
    basis: [`computed:tco.${a.id}`, ...dearer.map((o) => `computed:tco.${o.id}`)],
  };
}

/** Why an option that did not win fell short of the winner. */
export function reasonsAgainst(o: OptionEvaluation, winner: OptionEvaluation, ctx: ExplainContext): Reason[] {
  const reasons = [...exclusionReasons(o), ...disqualificationReasons(o, ctx)];
  for (const c of advantages(winner, o, ctx).slice(0, 2)) {
    const r = criterionReason(c, winner, o, ctx);
    if (r !== null) reasons.push(r);
  }
  const top = [...o.risks].sort((x, y) => y.penalty - x.penalty)[0];
  const told = (r: Reason) =>
    top !== undefined &&
    (r.kind === 'avoids-risk' || r.kind === 'top-risk') &&
    JSON.stringify(r.params.risk) === JSON.stringify(riskFact(top));
  if (top !== undefined && !reasons.some(told)) {
    reasons.push({ kind: 'top-risk', params: { option: o.id, risk: riskFact(top) }, basis: top.basis });
  }
  return reasons.slice(0, 4);
}

function exclusionReasons(o: OptionEvaluation): Reason[] {
  return o.plan.excludedBy.map((e) => ({
    kind: 'excluded',
    params: { option: o.id, platform: e.platform, note: e.note },
    basis: [e.source],
  }));
}

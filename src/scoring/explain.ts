import type { CapabilityId, Dataset, SupportLevel } from '../schema/dataset.js';
import { formatMoney, formatNumber, joinAnd, lowerFirst } from '../shared/format.js';
import { riskText } from '../words/risk-text.js';
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
import type { StackDecision } from './select-stack.js';

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
  /** Totals as the result reports them (rounded per year and category), so every sentence matches the tables. */
  readonly totals: Readonly<Record<string, number>>;
  /** Each option's median simulated total: the basis of every cost the reasons quote. */
  readonly medians: Readonly<Record<string, number>>;
  readonly change: ChangeDecision;
  readonly names: Readonly<Record<string, string>>;
}

const name = (o: OptionEvaluation) => o.plan.option.short;
const horizon = (ctx: ExplainContext) => `${ctx.horizonYears} ${ctx.horizonYears === 1 ? 'year' : 'years'}`;
const capName = (ctx: ExplainContext, id: CapabilityId) =>
  ctx.dataset.capabilities.find((c) => c.id === id)?.name ?? id;

/** A sentence continued after a colon: lower case, unless it opens with a product's name ("Cilium OSS's egress …"). */
function continued(text: string, ctx: ExplainContext): string {
  const first = text.split(/[\s’']/)[0] ?? '';
  const proper = ctx.dataset.options.some((o) => [o.name, o.short].some((n) => n.split(' ')[0] === first));
  return proper ? text : lowerFirst(text);
}

/** A capability level in plain words, as a thing an option has; `one` stands for it after a first feature. */
const LEVEL_WORDS: Readonly<Record<SupportLevel, { full: string; one: string; alone: string }>> = {
  enterprise: {
    full: 'supported enterprise feature',
    one: 'supported enterprise one',
    alone: 'a supported enterprise feature',
  },
  'built-in': { full: 'built-in feature', one: 'built-in one', alone: 'built in' },
  'add-on': { full: 'add-on', one: 'add-on', alone: 'an add-on' },
  partial: { full: 'partial support', one: 'partial support', alone: 'in part' },
  none: { full: 'nothing', one: 'nothing', alone: 'not at all' },
};

/** "Isovalent’s supported enterprise feature against Cilium OSS’s built-in one"; "… against nothing in Flannel". */
function levelAgainst(a: OptionEvaluation, b: OptionEvaluation, id: CapabilityId): string {
  const [la, lb] = [a.plan.fits[id].level, b.plan.fits[id].level];
  const first = `${name(a)}’s ${LEVEL_WORDS[la].full}`;
  if (lb === 'none') return `${first} against nothing in ${name(b)}`;
  const feature = LEVEL_WORDS[la].full.endsWith('feature');
  return `${first} against ${name(b)}’s ${feature ? LEVEL_WORDS[lb].one : LEVEL_WORDS[lb].full}`;
}

/** Why an option is ruled out: each unmet must with the reason the client needs it. */
export function disqualificationReasons(o: OptionEvaluation, ctx: ExplainContext): Reason[] {
  return o.unmetMusts.map((id) => ({
    text: `${name(o)} ${o.plan.fits[id].level === 'partial' ? 'meets only in part' : 'cannot provide'} ${lowerFirst(capName(ctx, id))}, a must: ${ctx.needs[id].reasons[0] ?? ''}`.trim(),
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
      const { total, basis, after } = costBasis(a, [b], ctx);
      const [ta, tb] = [total(a), total(b)];
      return {
        text: `${name(a)} costs ${basis}${money(ta)} over ${horizon(ctx)}${after}, ${money(tb - ta)} less than ${name(b)} (${money(tb)}).`,
        basis: [`computed:tco.${a.id}`, `computed:tco.${b.id}`],
      };
    }
    case 'capability': {
      const gains = capabilityGains(a, b, ctx).slice(0, 3);
      if (gains.length === 0) return null;
      const list = gains.map(
        (id) => `${lowerFirst(capName(ctx, id))} (a ${ctx.needs[id].importance}: ${levelAgainst(a, b, id)})`,
      );
      // "More of what the client needs" only where the rival leaves a must unmet; else it does the same needs better.
      const claim =
        b.unmetMusts.length > 0
          ? 'meets more of what the client needs than'
          : 'serves these needs better than';
      return {
        text: `${name(a)} ${claim} ${name(b)}: ${list.join('; ')}.`,
        basis: gains.flatMap((id) => [...ctx.needs[id].basis, `data:capabilities.${id}`]),
      };
    }
    case 'risk': {
      const own = new Set(a.risks.map((r) => r.id));
      const top = [...b.risks].filter((r) => !own.has(r.id)).sort((x, y) => y.penalty - x.penalty)[0];
      if (top === undefined) return null;
      return {
        text: `${name(b)} carries a risk ${name(a)} avoids: ${continued(riskText(top), ctx)}`,
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
  const challenger = ctx.names[c.challenger] ?? c.challenger;
  const lead = formatNumber(c.lead, 3);
  const hurdle = formatNumber(c.hurdle, 3);
  if (c.stayed) {
    return {
      text: `Staying on what runs today is recommended: ${challenger} scores ${lead} points higher at the likely figures, less than the ${hurdle} points a change of data plane is asked to lead staying by beyond its counted cost and risk.`,
      basis: ['computed:change', 'answer:cluster.currentCni'],
    };
  }
  return null;
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
    if (r !== null && !reasons.some((x) => x.text === r.text)) reasons.push(mergeSharedRisk(reasons, r));
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
  const shown = musts
    .slice(0, 3)
    .map((id) => `${lowerFirst(capName(ctx, id))} (${LEVEL_WORDS[o.plan.fits[id].level].alone})`);
  return {
    text: `${name(o)} meets all ${musts.length} of the client’s musts beyond pod networking, among them ${joinAnd(shown)}.`,
    basis: musts.flatMap((id) => [...ctx.needs[id].basis, `data:capabilities.${id}.${o.id}`]),
  };
}

/** "Cilium OSS and Isovalent carry a risk …" instead of the same risk told twice, once per rival. */
function mergeSharedRisk(reasons: Reason[], r: Reason): Reason {
  const tail = r.text.match(/ carries a risk (.+)$/);
  const i = tail === null ? -1 : reasons.findIndex((x) => x.text.endsWith(` carries a risk ${tail[1]}`));
  const earlier = reasons[i];
  if (tail === null || earlier === undefined) return r;
  reasons.splice(i, 1);
  const who = (text: string) => text.slice(0, text.indexOf(' carries a risk '));
  return { text: `${who(earlier.text)} and ${who(r.text)} carry a risk ${tail[1]}`, basis: earlier.basis };
}

function simplicityReason(a: OptionEvaluation, rivals: readonly OptionEvaluation[]): Reason {
  const count = (o: OptionEvaluation) =>
    `${o.plan.components.length} components per cluster (${o.plan.newComponents.length === 0 ? 'none' : o.plan.newComponents.length} new to the team)`;
  return {
    text: `${name(a)} runs ${count(a)}, against ${joinAnd(rivals.map((o) => `${count(o)} for ${name(o)}`))}.`,
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
    ? { total: median, basis: 'a median ', after: '' }
    : { total: likely, basis: '', after: ' at the likely figures' };
}

function costReason(a: OptionEvaluation, dearer: readonly OptionEvaluation[], ctx: ExplainContext): Reason {
  const money = (x: number) => formatMoney(x, ctx.currency);
  const { total, basis, after } = costBasis(a, dearer, ctx);
  const parts = dearer.map((o) => `${money(total(o) - total(a))} less than ${name(o)} (${money(total(o))})`);
  return {
    text: `${name(a)} costs ${basis}${money(total(a))} over ${horizon(ctx)}${after}, ${joinAnd(parts)}.`,
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
  if (top !== undefined && !reasons.some((r) => r.text.includes(riskText(top)))) {
    reasons.push({ text: `Risk: ${riskText(top)}`, basis: top.basis });
  }
  return reasons.slice(0, 4);
}

function exclusionReasons(o: OptionEvaluation): Reason[] {
  return o.plan.excludedBy.map((e) => ({
    text: `${name(o)} cannot run on ${e.platform}: ${e.note}`,
    basis: [e.source],
  }));
}

/** Why a should or nice need's add-ons, or the sidecar move, joined an option's stack or were left out. */
export function stackDecisionReason(d: StackDecision, ctx: ExplainContext): string {
  const money = (x: number) => formatMoney(Math.abs(x), ctx.currency);
  const what =
    d.capability === null
      ? 'Moving the sidecars to Istio ambient mode'
      : `${joinAnd(d.addons.length > 0 ? [...d.addons] : ['its add-ons'])} for ${lowerFirst(capName(ctx, d.capability))} (${d.importance})`;
  const cost =
    Math.round(d.tcoChange) === 0
      ? 'costs about nothing'
      : d.tcoChange > 0
        ? `costs ${money(d.tcoChange)} over ${horizon(ctx)}`
        : `saves ${money(d.tcoChange)} over ${horizon(ctx)}`;
  const load =
    d.newComponents > 0
      ? ` and adds ${d.newComponents} component${d.newComponents === 1 ? '' : 's'} to learn and run`
      : '';
  if (d.capability === null) {
    return d.taken
      ? `${what}: taken on every path; on this one it ${cost}${load}, which the client's priorities favour.`
      : `${what}: left out on every path; on this one it ${cost}${load}, which the client's priorities do not favour overall.`;
  }
  if (d.planned === true) {
    return `${what}: included, as the client asked for it and no other path meets it for less; it ${cost}${load}.`;
  }
  return d.taken
    ? `${what}: included; it ${cost}${load}, and is worth it under the client's priorities.`
    : `${what}: left out; it ${cost}${load}, more than the capability gained is worth under the client's priorities.`;
}

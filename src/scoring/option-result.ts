import { CAPABILITY_IDS, type Model, type OptionId } from '../schema/dataset.js';
import { roundTo } from '../shared/format.js';
import type { Lexicon } from '../words/lexicon.js';
import { describeRisk } from '../words/risk-text.js';
import { stackDecisionText } from '../words/stack-decision-text.js';
import { teamUtilisation } from './assess-risk.js';
import { shareRestingOn } from './compute-tco.js';
import type { DecisionCore } from './decide-answers.js';
import { groupPathResults } from './estate-result.js';
import { type OptionEvaluation, roundedCriteria } from './evaluate-options.js';
import type { HeadlineTotals } from './headline-totals.js';
import type { MonteCarloSummary } from './monte-carlo.js';
import type { Parameter } from './resolve-parameters.js';
import type { DescribedReason, OptionResult } from './score-result.js';
import { summariseTco } from './summarise-tco.js';

/** What every option's entry is stated against: the decision, its totals and worlds, and the words. */
export interface OptionResultContext {
  readonly core: DecisionCore;
  readonly model: Model;
  readonly totals: HeadlineTotals;
  readonly monteCarlo: MonteCarloSummary;
  readonly lexicon: Lexicon;
  /** Each option's place in the data's order. */
  readonly order: (id: OptionId) => number;
  /** Prices with no public figure and no quote from the client: how much of each path's total rests on them. */
  readonly indicativeKeys: readonly Parameter['key'][];
  /** The year of the horizon (0 for the first) in which IPVS mode goes off by default; 0 beyond the horizon too. */
  readonly offYear: number;
}

/** One option as the result states it, ranked `rank`, with its reasons (`because`, already worded). */
export function optionResult(
  o: OptionEvaluation,
  rank: number,
  because: readonly DescribedReason[],
  { core, model, totals, monteCarlo, lexicon, order, indicativeKeys, offYear }: OptionResultContext,
): OptionResult {
  const { situation, base, needs, stacks } = core;
  const mc = monteCarlo.options.find((m) => m.id === o.id);
  const simulated = totals.simulated(o.id);
  const likely = totals.summaries.get(o.id);
  // Rounded first: a finite utilisation near the largest double overflows when rounding scales it up.
  const utilisation = roundTo(teamUtilisation(o.tco.opsHoursPerMonth, situation, base.values), 3);
  const decisions = stacks.find((st) => st.plan.option.id === o.id)?.decisions ?? [];
  return {
    id: o.id,
    name: o.plan.option.name,
    order: order(o.id),
    colour: o.plan.option.colour,
    mark: o.plan.option.mark,
    short: o.plan.option.short,
    rank,
    score: roundTo(o.score, 4),
    criteria: roundedCriteria(o.criteria),
    disqualified: o.blockers > 0,
    unmetMusts: [...o.unmetMusts],
    excludedBy: o.plan.excludedBy,
    cni: o.plan.cni,
    keepsCurrentCni: o.plan.keepsCurrentCni,
    ...groupPathResults(o.plan, base, model),
    reasons: because.map((r) => r.text),
    because,
    tco: {
      ...(likely ?? summariseTco(o.tco, totals.baseline.total)),
      p10: simulated.p10,
      p50: simulated.median,
      p90: simulated.p90,
      likelyPercentile: roundTo(mc?.likelyPercentile ?? 0.5, 4),
      median: simulated.median,
      likely: likely?.total ?? Math.round(o.tco.total),
      medianSavingsVsBaseline: totals.baselineMedian - simulated.median,
      indicativeShare: roundTo(shareRestingOn(o.plan, situation, base, model, indicativeKeys), 4),
    },
    stack: {
      components: [...o.plan.components],
      newComponents: [...o.plan.newComponents],
      addons: o.plan.addons.map((a) => ({ id: a.id, name: a.name, isNew: o.plan.newAddons.includes(a) })),
      movesSidecars: o.plan.choice.movesSidecars,
      decisions: decisions.map((d) => ({
        ...d,
        tcoChange: Math.round(d.tcoChange),
        fitChange: roundTo(d.fitChange, 4),
        scoreChange: roundTo(d.scoreChange, 4),
        reason: stackDecisionText(d, lexicon),
      })),
    },
    capabilities: CAPABILITY_IDS.map((id) => ({
      id,
      importance: needs[id].importance,
      level: o.plan.fits[id].level,
      possibleLevel: o.plan.fits[id].possibleLevel,
      via: [...o.plan.fits[id].addons],
      note: o.plan.fits[id].note,
      source: o.plan.fits[id].source,
      ...(o.plan.fits[id].groups === undefined
        ? {}
        : { groups: o.plan.fits[id].groups.map((g) => ({ ...g, via: [...g.via] })) }),
    })),
    risks: o.risks.map((r) => describeRisk({ ...r, penalty: roundTo(r.penalty, 4) })),
    operations: {
      hoursPerMonth: roundTo(o.tco.opsHoursPerMonth, 1),
      teamUtilisation: Number.isFinite(utilisation) ? utilisation : null,
      sidecarsKept: Math.round(o.tco.sidecarsKept),
      perNodeVcpu: roundTo(o.tco.perNode.vcpu, 3),
      perNodeGb: roundTo(o.tco.perNode.gb, 3),
    },
    migration: {
      cniHours: Math.round(o.tco.migrationHours.cni),
      kubeProxyHours: Math.round(o.tco.migrationHours.kubeProxy),
      addonHours: Math.round(o.tco.migrationHours.addons),
      meshHours: Math.round(o.tco.migrationHours.mesh),
      kubeProxyModeHours: Math.round(o.tco.migrationHours.kubeProxyMode),
      kubeProxyModeYear: o.tco.migrationHours.kubeProxyMode > 0 ? offYear + 1 : null,
      ictProviderHours: Math.round(o.tco.ictProviders.contractHours + o.tco.ictProviders.extensionHours),
    },
    newIctProviders: {
      names: [...o.tco.ictProviders.names],
      contractHours: Math.round(o.tco.ictProviders.contractHours),
      upkeepHoursPerYear: Math.round(o.tco.ictProviders.upkeepHoursPerYear),
      alreadyContracted: [...o.tco.ictProviders.alreadyContracted],
      extensionHours: Math.round(o.tco.ictProviders.extensionHours),
    },
  };
}

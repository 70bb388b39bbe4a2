import type { Answers } from '../schema/answers.js';
import { CAPABILITY_IDS, type Dataset, type OptionId } from '../schema/dataset.js';
import { InternalError } from '../shared/errors.js';
import { roundTo } from '../shared/format.js';
import { baselineText, NOT_COSTED } from '../words/baseline-text.js';
import { closeCallText } from '../words/close-call-text.js';
import { lexiconOf } from '../words/lexicon.js';
import { describeReason } from '../words/reason-text.js';
import { describeRisk } from '../words/risk-text.js';
import { sensitivityText } from '../words/sensitivity-text.js';
import { stackDecisionText } from '../words/stack-decision-text.js';
import { teamUtilisation } from './assess-risk.js';
import { unmetMusts } from './capability-fit.js';
import { closeBecause } from './close-because.js';
import { computeTco, ipvsOffYear, shareRestingOn } from './compute-tco.js';
import { type DecisionCore, decisionCore, isCloseCall, worldsAround } from './decide-answers.js';
import { deriveSituation } from './derive-situation.js';
import { groupPathResults } from './estate-result.js';
import { type OptionEvaluation, roundedCriteria } from './evaluate-options.js';
import { type ExplainContext, type Reason, reasonsAgainst, reasonsFor } from './explain.js';
import { runMonteCarlo } from './monte-carlo.js';
import { defaultParameters } from './resolve-parameters.js';
import type { ChangeDecision, DescribedReason, ScoreResult, SensitivityEntry } from './score-result.js';
import { breakEven, keyProbes, weightSensitivity } from './sensitivity.js';
import { type SidecarTax, sidecarTax } from './sidecar-tax.js';
import { summariseTco } from './summarise-tco.js';
import { tornado } from './tornado.js';

export interface ScoreOptions {
  /** Monte Carlo draws; default from data/model.yaml. */
  readonly draws?: number;
  /** Monte Carlo seed; default from data/model.yaml. Same seed, same numbers. */
  readonly seed?: number;
}

function roundSidecarTax(t: SidecarTax | null): SidecarTax | null {
  if (t === null) return null;
  return {
    ...t,
    keptAfterMove: Math.round(t.keptAfterMove),
    perSidecarYear: roundTo(t.perSidecarYear, 2),
    years: t.years.map((y) => ({
      year: y.year,
      all: Math.round(y.all),
      kept: Math.round(y.kept),
      perNode: Math.round(y.perNode),
    })),
    moveHours: Math.round(t.moveHours),
  };
}

/**
 * The decision engine: needs, per-option stacks, TCO, weighted scores, recommendation, sensitivity and Monte Carlo,
 * all from validated answers and the data set. Pure: no I/O, no clock.
 */
export function scoreAnswers(answers: Answers, dataset: Dataset, opts: ScoreOptions = {}): ScoreResult {
  return scoreDecision(decisionCore(deriveSituation(answers, dataset), dataset), dataset, opts);
}

/**
 * `scoreAnswers` from its steps 1-3 already taken (`decisionCore` of the client's situation and the same data): for
 * a caller that reads the decision's set-up too, so the engine derives it once.
 */
export function scoreDecision(core: DecisionCore, dataset: Dataset, opts: ScoreOptions = {}): ScoreResult {
  // 1-3. needs, each option's best stack, and the decision at the likely figures (see decisionCore); then count
  // the plausible worlds in which that decision still holds
  const { situation, needs, parameters, base, weights, stacks, plans, ctx, incumbent, evaluated, hurdle } =
    core;
  const { bestAtLikely, winner, ranked, margin, stayed } = core;
  const { fx } = situation;
  const model = dataset.model;
  const { baseline: baselineFor, draws, seed } = worldsAround(core, opts);
  const { summary: monteCarlo, verdict } = runMonteCarlo(
    ctx,
    evaluated,
    parameters,
    base,
    weights,
    draws,
    seed,
    incumbent?.option.id ?? null,
    winner.id,
    baselineFor,
  );
  const order = (id: OptionId) => dataset.options.findIndex((o) => o.id === id);
  const runnerUp = ranked[1];
  if (runnerUp === undefined) throw new InternalError('fewer than two options');
  const baseline = computeTco(baselineFor, situation, base, model);
  const baselineUnmet = unmetMusts(baselineFor.fits, needs);
  const closeCall = isCloseCall(core, verdict, dataset);
  const names: Record<OptionId, string> = Object.fromEntries(plans.map((p) => [p.option.id, p.option.name]));
  const nameOf = (id: OptionId) => names[id] ?? id;
  const addonNames = Object.fromEntries(dataset.addons.map((a) => [a.id, a.name]));
  const lexicon = lexiconOf(
    plans.map((p) => p.option),
    CAPABILITY_IDS.map((id) => ({
      capability: id,
      name: dataset.capabilities.find((c) => c.id === id)?.name ?? id,
      reasons: needs[id].reasons,
    })),
    situation.engagement.currency,
    situation.engagement.horizonYears,
  );
  const subscriptionKeys = [
    ...new Set(plans.flatMap((p) => (p.option.subscriptionKey === null ? [] : [p.option.subscriptionKey]))),
  ];
  const money = new Set(parameters.filter((p) => dataset.costs[p.key].money).map((p) => p.key as string));
  // Prices with no public figure and no quote from the client: how much of each path's total rests on them.
  const indicativeKeys = parameters.filter((p) => p.kind === 'placeholder').map((p) => p.key);
  const findings = [
    ...weightSensitivity(evaluated, weights, winner.id, hurdle),
    ...keyProbes(
      base,
      parameters,
      defaultParameters(situation, dataset),
      model.breakEvenCountRange,
      subscriptionKeys,
    ).map((p) => breakEven(ctx, base, weights, p, winner.id, hurdle)),
  ];
  const sensitivity: SensitivityEntry[] = findings.map((f) => ({
    ...f,
    current: roundTo(f.current, 4),
    keepsFrom: roundTo(f.keepsFrom, 4),
    keepsTo: roundTo(f.keepsTo, 4),
    flipsAt: f.flipsAt === null ? null : roundTo(f.flipsAt, 4),
    sentence: sensitivityText(f, lexicon, {
      winner: winner.id,
      money: money.has(f.key),
    }),
  }));
  // 4. explanations, quoting the same rounded totals the tables show
  const baselineSummary = summariseTco(baseline, null);
  const summaries = new Map(evaluated.map((o) => [o.id, summariseTco(o.tco, baselineSummary.total)]));
  // The headline basis: the median of the simulated totals, with its P10-P90; the likely-values total beside it.
  const simulated = (id: OptionId) => {
    const mc = monteCarlo.options.find((m) => m.id === id);
    const likely = summaries.get(id)?.total ?? 0;
    return mc === undefined
      ? { p10: likely, median: likely, p90: likely }
      : { p10: Math.round(mc.p10), median: Math.round(mc.p50), p90: Math.round(mc.p90) };
  };
  const baselineRange = monteCarlo.baseline ?? {
    p10: baselineSummary.total,
    p50: baselineSummary.total,
    p90: baselineSummary.total,
  };
  const baselineMedian = Math.round(baselineRange.p50);
  // Staying is weighed only while it is itself a contender (it meets as many musts as the best).
  const incumbentEval = evaluated.find((o) => o.id === hurdle.incumbent);
  const lead = bestAtLikely.id === winner.id ? winner : bestAtLikely;
  const change: ChangeDecision = {
    incumbent: incumbent?.option.id ?? null,
    changesDataPlane: winner.plan.migratesCni,
    bestAtLikely: bestAtLikely.id,
    stayed,
    challenger: incumbentEval === undefined || lead.id === incumbentEval.id ? null : lead.id,
    lead:
      incumbentEval === undefined || lead.id === incumbentEval.id
        ? null
        : roundTo(lead.score - incumbentEval.score, 4),
    hurdle:
      incumbentEval === undefined || lead.id === incumbentEval.id
        ? null
        : roundTo(hurdle.hurdles[lead.id] ?? 0, 4),
  };
  const explain: ExplainContext = {
    dataset,
    needs,
    weights,
    totals: Object.fromEntries([...summaries].map(([id, t]) => [id, t.total])),
    medians: Object.fromEntries(plans.map((p) => [p.option.id, simulated(p.option.id).median])),
    change,
  };
  const described = (rs: readonly Reason[]) => rs.map((r) => describeReason(r, lexicon));
  const winnerReasons = described(reasonsFor(winner, evaluated, explain));
  const text = (rs: readonly DescribedReason[]) => rs.map((r) => r.text);
  const mcFor = (id: OptionId) => monteCarlo.options.find((m) => m.id === id);
  const decisionsFor = (id: OptionId) => stacks.find((st) => st.plan.option.id === id)?.decisions ?? [];
  const baselineDescription = baselineText(
    {
      cluster: { ...situation.cluster, groups: situation.groups.map((g) => g.group) },
      mesh: situation.mesh.current,
      kept: incumbent !== undefined,
      costedLike: baselineFor.option,
      unmetMusts: baselineUnmet,
      abandonedNote:
        dataset.currentStacks.find((s) => s.cni === situation.cluster.currentCni)?.abandoned?.note ?? null,
    },
    lexicon,
  );
  const offYear = ipvsOffYear(situation, dataset.model) ?? 0;
  return {
    resultVersion: 1,
    dataVersion: dataset.meta.dataVersion,
    engagement: {
      client: situation.engagement.client,
      currency: situation.engagement.currency,
      horizonYears: situation.engagement.horizonYears,
    },
    recommendation: {
      option: winner.id,
      name: nameOf(winner.id),
      confidence: roundTo(verdict.share, 2),
      closeCall,
      closeBecause: closeCall
        ? closeBecause(verdict).map((d) => ({
            ...d,
            text: closeCallText(d, lexicon, { priorities: weights, addons: addonNames }),
          }))
        : [],
      worlds: {
        rival: verdict.rival,
        rivalShare: roundTo(verdict.rivalShare, 4),
        leadSpread: verdict.leadSpread === null ? null : roundTo(verdict.leadSpread, 4),
      },
      margin: margin === null ? null : roundTo(margin, 4),
      runnerUp: runnerUp.id,
      meetsAllMusts: winner.unmetMusts.length === 0,
      reasons: text(winnerReasons),
      because: winnerReasons,
      change,
    },
    options: ranked.map((o: OptionEvaluation, i) => {
      const reasons = o.id === winner.id ? winnerReasons : described(reasonsAgainst(o, winner, explain));
      const mc = mcFor(o.id);
      // Rounded first: a finite utilisation near the largest double overflows when rounding scales it up.
      const utilisation = roundTo(teamUtilisation(o.tco.opsHoursPerMonth, situation, base.values), 3);
      return {
        id: o.id,
        name: nameOf(o.id),
        order: order(o.id),
        colour: o.plan.option.colour,
        mark: o.plan.option.mark,
        short: o.plan.option.short,
        rank: i + 1,
        score: roundTo(o.score, 4),
        criteria: roundedCriteria(o.criteria),
        disqualified: o.blockers > 0,
        unmetMusts: [...o.unmetMusts],
        excludedBy: o.plan.excludedBy,
        cni: o.plan.cni,
        keepsCurrentCni: o.plan.keepsCurrentCni,
        ...groupPathResults(o.plan, base, model),
        reasons: text(reasons),
        because: reasons,
        tco: {
          ...(summaries.get(o.id) ?? summariseTco(o.tco, baselineSummary.total)),
          p10: simulated(o.id).p10,
          p50: simulated(o.id).median,
          p90: simulated(o.id).p90,
          likelyPercentile: roundTo(mc?.likelyPercentile ?? 0.5, 4),
          median: simulated(o.id).median,
          likely: summaries.get(o.id)?.total ?? Math.round(o.tco.total),
          medianSavingsVsBaseline: baselineMedian - simulated(o.id).median,
          indicativeShare: roundTo(shareRestingOn(o.plan, situation, base, model, indicativeKeys), 4),
        },
        stack: {
          components: [...o.plan.components],
          newComponents: [...o.plan.newComponents],
          addons: o.plan.addons.map((a) => ({ id: a.id, name: a.name, isNew: o.plan.newAddons.includes(a) })),
          movesSidecars: o.plan.choice.movesSidecars,
          decisions: decisionsFor(o.id).map((d) => ({
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
          ictProviderHours: Math.round(o.tco.ictProviders.contractHours),
        },
        newIctProviders: {
          names: [...o.tco.ictProviders.names],
          contractHours: Math.round(o.tco.ictProviders.contractHours),
          upkeepHoursPerYear: Math.round(o.tco.ictProviders.upkeepHoursPerYear),
          alreadyContracted: [...o.tco.ictProviders.alreadyContracted],
        },
      };
    }),
    baseline: {
      description: baselineDescription,
      tco: {
        ...baselineSummary,
        p10: Math.round(baselineRange.p10),
        median: baselineMedian,
        p90: Math.round(baselineRange.p90),
        likely: baselineSummary.total,
      },
      option: incumbent?.option.id ?? null,
      meetsAllMusts: incumbent !== undefined && baselineUnmet.length === 0,
      unmetMusts: baselineUnmet,
    },
    needs: CAPABILITY_IDS.map((id) => ({
      ...needs[id],
      name: dataset.capabilities.find((c) => c.id === id)?.name ?? id,
    })),
    priorities: weights,
    sensitivity,
    tornado: {
      option: winner.id,
      bars: tornado(ctx, winner.plan, base, parameters).map((b) => ({
        ...b,
        low: roundTo(b.low, 6),
        high: roundTo(b.high, 6),
        tcoAtLow: Math.round(b.tcoAtLow),
        tcoAtHigh: Math.round(b.tcoAtHigh),
        swing: Math.round(b.swing),
      })),
    },
    monteCarlo: {
      ...monteCarlo,
      bins: monteCarlo.bins.map((x) => Math.round(x)),
      options: monteCarlo.options.map((o) => ({
        ...o,
        pRecommended: roundTo(o.pRecommended, 4),
        pCheapest: roundTo(o.pCheapest, 4),
        p10: Math.round(o.p10),
        p50: Math.round(o.p50),
        p90: Math.round(o.p90),
        likelyPercentile: roundTo(o.likelyPercentile, 4),
      })),
      baseline:
        monteCarlo.baseline === null
          ? null
          : {
              p10: Math.round(monteCarlo.baseline.p10),
              p50: Math.round(monteCarlo.baseline.p50),
              p90: Math.round(monteCarlo.baseline.p90),
            },
      hurdle: {
        incumbent: monteCarlo.hurdle.incumbent,
        hurdles: Object.fromEntries(
          Object.entries(monteCarlo.hurdle.hurdles).map(([k, v]) => [k, roundTo(v ?? 0, 4)]),
        ),
      },
    },
    assumptions: parameters.map((p) => ({
      ...p,
      value: roundTo(p.value, 6),
      low: roundTo(p.low, 6),
      high: roundTo(p.high, 6),
    })),
    currency: {
      code: situation.engagement.currency,
      perUsd: base.perUsd,
      source: fx.source,
      origin: fx.origin,
      month: fx.month,
      vintage: fx.vintage,
    },
    sidecarTax: roundSidecarTax(sidecarTax(situation, dataset, base.values, plans)),
    notCosted: [...NOT_COSTED],
  };
}

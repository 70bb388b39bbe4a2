import type { Answers } from '../schema/answers.js';
import { CAPABILITY_IDS, type Dataset, OPTION_IDS, type OptionId } from '../schema/dataset.js';
import { CNI_NAMES, MESH_NAMES } from '../schema/display-names.js';
import { InternalError } from '../shared/errors.js';
import { formatMoney, formatNumber, formatUnitPrice, roundTo } from '../shared/format.js';
import { teamUtilisation } from './assess-risk.js';
import { buildPlan, type Plan } from './build-plan.js';
import {
  type ByCategory,
  computeTco,
  type Scenario,
  TCO_CATEGORIES,
  type TcoBreakdown,
  yearTotal,
} from './compute-tco.js';
import { deriveNeeds } from './derive-needs.js';
import {
  type DecisionContext,
  evaluateOptions,
  type OptionEvaluation,
  pickWinner,
  type Weights,
} from './evaluate-options.js';
import { type ExplainContext, type Reason, reasonsAgainst, reasonsFor } from './explain.js';
import { runMonteCarlo } from './monte-carlo.js';
import { exchangeRate, parameterValues, resolveParameters } from './resolve-parameters.js';
import type { ScoreResult, SensitivityEntry, TcoSummary } from './score-result.js';
import { breakEven, keyProbes, type SensitivityFinding, weightSensitivity } from './sensitivity.js';
import { tornado } from './tornado.js';

export interface ScoreOptions {
  /** Monte Carlo draws; default from data/model.yaml. */
  readonly draws?: number;
  /** Monte Carlo seed; default from data/model.yaml. Same seed, same numbers. */
  readonly seed?: number;
}

function summariseTco(t: TcoBreakdown, baselineTotal: number | null): TcoSummary {
  const byYear = t.years.map(
    (y) => Object.fromEntries(TCO_CATEGORIES.map((c) => [c, Math.round(y[c])])) as ByCategory,
  );
  const perYear = byYear.map(yearTotal);
  const byCategory = Object.fromEntries(
    TCO_CATEGORIES.map((c) => [c, byYear.reduce((s, y) => s + y[c], 0)]),
  ) as ByCategory;
  const total = perYear.reduce((s, x) => s + x, 0);
  return {
    total,
    perYear,
    byCategory,
    byYear,
    ...(baselineTotal === null ? {} : { savingsVsBaseline: baselineTotal - total }),
  };
}

/** The status quo: today's CNI and mesh kept as they are, nothing added. */
function baselinePlan(answers: Answers, ctx: DecisionContext, dataset: Dataset): Plan {
  const id: OptionId = answers.cluster.currentCni === 'cilium' ? 'cilium-oss' : 'flannel';
  const plan = buildPlan(id, answers, ctx.needs, dataset);
  return {
    ...plan,
    option: {
      ...plan.option,
      replacesKubeProxy: id === 'cilium-oss' && answers.cluster.kubeProxyMode === 'none',
    },
    addons: [],
    newAddons: [],
    extras: [],
    migratesCni: false,
    removesSidecars: false,
  };
}

const PROBE_LABELS: Record<string, string> = {
  isovalentPricePerNodeYear: 'the Isovalent price per node-year',
  engineerCostPerYear: 'the loaded engineer cost per year',
  vcpuHourPrice: 'the vCPU-hour price',
  nodes: 'the node count',
  sidecars: 'the sidecar count',
  sidecarCpuMillicores: 'the CPU per sidecar (millicores)',
  sidecarMemoryMiB: 'the memory per sidecar (MiB)',
};
const COUNTS = new Set(['nodes', 'sidecars']);

function sentence(
  f: SensitivityFinding,
  names: Record<OptionId, string>,
  winner: OptionId,
  currency: string,
  money: Set<string>,
): string {
  const fmt = (x: number) => {
    if (f.kind === 'weight') return formatNumber(x, 1);
    if (COUNTS.has(f.key)) return formatNumber(Math.max(1, Math.round(x)));
    if (money.has(f.key)) return x < 100 ? formatUnitPrice(x, currency) : formatMoney(x, currency);
    return formatNumber(x, x < 10 ? 2 : 0);
  };
  const label = f.kind === 'weight' ? `the ${f.key} priority` : (PROBE_LABELS[f.key] ?? f.key);
  if (f.flipsAt === null || f.newWinner === null) {
    return f.kind === 'weight'
      ? `${names[winner]} stays recommended whatever ${label}, from 0 to 5.`
      : `${names[winner]} stays recommended for ${label} anywhere from ${fmt(f.keepsFrom)} to ${fmt(f.keepsTo)} (now ${fmt(f.current)}).`;
  }
  const direction = f.flipsAt < f.current ? 'fell below' : 'rose above';
  return `${names[f.newWinner]} would be recommended if ${label} ${direction} ${fmt(f.flipsAt)} (now ${fmt(f.current)}).`;
}

/**
 * The decision engine: needs, per-option stacks, TCO, weighted scores, recommendation, sensitivity and Monte Carlo,
 * all from validated answers and the data set. Pure: no I/O, no clock.
 */
export function scoreAnswers(answers: Answers, dataset: Dataset, opts: ScoreOptions = {}): ScoreResult {
  // 1. needs, and what each option would run to meet them
  const needs = deriveNeeds(answers, dataset.rules);
  const plans = OPTION_IDS.map((id) => buildPlan(id, answers, needs, dataset));
  const ctx: DecisionContext = { answers, dataset, needs, plans };
  // 2. the figures: defaults in the engagement currency, then the client's own
  const parameters = resolveParameters(answers, dataset);
  const base: Scenario = {
    values: parameterValues(parameters),
    nodes: answers.cluster.nodes,
    sidecars: answers.mesh.sidecars,
    addonHours: Object.fromEntries(
      dataset.addons.map((a) => [
        a.id,
        { ops: a.opsHoursPerClusterMonth.likely, setup: a.setupHoursPerCluster.likely },
      ]),
    ),
    perUsd: exchangeRate(dataset, answers.engagement.currency).perUsd,
  };
  const weights: Weights = { ...answers.priorities };
  // 3. evaluate and decide
  const evaluated = evaluateOptions(ctx, base, weights);
  const winner = pickWinner(evaluated);
  const ranked = [...evaluated].sort(
    (a, b) =>
      a.unmetMusts.length - b.unmetMusts.length ||
      b.score - a.score ||
      OPTION_IDS.indexOf(a.id) - OPTION_IDS.indexOf(b.id),
  );
  const runnerUp = ranked.find((o) => o.id !== winner.id);
  if (runnerUp === undefined) throw new InternalError('fewer than two options');
  const contender = ranked.find((o) => o.id !== winner.id && o.unmetMusts.length <= winner.unmetMusts.length);
  const baseline = computeTco(baselinePlan(answers, ctx, dataset), answers, base, dataset.model);
  // 4. uncertainty and sensitivity
  const model = dataset.model;
  const draws = opts.draws ?? model.decision.monteCarloDraws;
  const seed = opts.seed ?? model.decision.seed;
  const monteCarlo = runMonteCarlo(ctx, evaluated, parameters, base, weights, draws, seed);
  const pWin = monteCarlo.options.find((o) => o.id === winner.id)?.pRecommended ?? 0;
  // Against an option that meets no fewer musts: a ruled-out option's higher score is no contest.
  const margin = contender === undefined ? null : winner.score - contender.score;
  const closeCall =
    (margin !== null && margin < model.decision.closeCallMargin) ||
    pWin < model.decision.closeCallProbability;
  const names = Object.fromEntries(plans.map((p) => [p.option.id, p.option.name])) as Record<
    OptionId,
    string
  >;
  const money = new Set(parameters.filter((p) => dataset.costs[p.key].money).map((p) => p.key as string));
  const findings = [
    ...weightSensitivity(evaluated, weights, winner.id),
    ...keyProbes(base, parameters).map((p) => breakEven(ctx, base, weights, p, winner.id)),
  ];
  const sensitivity: SensitivityEntry[] = findings.map((f) => ({
    ...f,
    current: roundTo(f.current, 4),
    keepsFrom: roundTo(f.keepsFrom, 4),
    keepsTo: roundTo(f.keepsTo, 4),
    flipsAt: f.flipsAt === null ? null : roundTo(f.flipsAt, 4),
    sentence: sentence(f, names, winner.id, answers.engagement.currency, money),
  }));
  // 5. explanations, quoting the same rounded totals the tables show
  const baselineSummary = summariseTco(baseline, null);
  const summaries = new Map(evaluated.map((o) => [o.id, summariseTco(o.tco, baselineSummary.total)]));
  const explain: ExplainContext = {
    dataset,
    needs,
    weights,
    currency: answers.engagement.currency,
    horizonYears: answers.engagement.horizonYears,
    sidecars: answers.mesh.sidecars,
    removedPercent: base.values.sidecarsRemovedWithCiliumPercent,
    totals: Object.fromEntries([...summaries].map(([id, t]) => [id, t.total])),
  };
  const winnerReasons = reasonsFor(winner, evaluated, explain);
  const text = (rs: readonly Reason[]) => rs.map((r) => r.text);
  const mcFor = (id: OptionId) => monteCarlo.options.find((m) => m.id === id);
  return {
    resultVersion: 1,
    dataVersion: dataset.meta.dataVersion,
    engagement: {
      client: answers.engagement.client,
      currency: answers.engagement.currency,
      horizonYears: answers.engagement.horizonYears,
    },
    recommendation: {
      option: winner.id,
      name: names[winner.id],
      confidence: roundTo(pWin, 2),
      closeCall,
      margin: margin === null ? null : roundTo(margin, 4),
      runnerUp: runnerUp.id,
      meetsAllMusts: winner.unmetMusts.length === 0,
      reasons: text(winnerReasons),
      because: winnerReasons,
    },
    options: ranked.map((o: OptionEvaluation, i) => {
      const reasons = o.id === winner.id ? winnerReasons : reasonsAgainst(o, winner, explain);
      const mc = mcFor(o.id);
      // Rounded first: a finite utilisation near the largest double overflows when rounding scales it up.
      const utilisation = roundTo(teamUtilisation(o.tco.opsHoursPerMonth, answers, base.values), 3);
      return {
        id: o.id,
        name: names[o.id],
        rank: i + 1,
        score: roundTo(o.score, 4),
        criteria: {
          cost: roundTo(o.criteria.cost, 4),
          capability: roundTo(o.criteria.capability, 4),
          risk: roundTo(o.criteria.risk, 4),
          simplicity: roundTo(o.criteria.simplicity, 4),
        },
        disqualified: o.unmetMusts.length > 0,
        unmetMusts: [...o.unmetMusts],
        reasons: text(reasons),
        because: reasons,
        tco: {
          ...(summaries.get(o.id) ?? summariseTco(o.tco, baselineSummary.total)),
          p10: Math.round(mc?.p10 ?? o.tco.total),
          p50: Math.round(mc?.p50 ?? o.tco.total),
          p90: Math.round(mc?.p90 ?? o.tco.total),
        },
        stack: {
          components: [...o.plan.components],
          addons: o.plan.addons.map((a) => ({ id: a.id, name: a.name, isNew: o.plan.newAddons.includes(a) })),
        },
        capabilities: CAPABILITY_IDS.map((id) => ({
          id,
          importance: needs[id].importance,
          level: o.plan.fits[id].level,
          possibleLevel: o.plan.fits[id].possibleLevel,
          via: [...o.plan.fits[id].addons],
          note: o.plan.fits[id].note,
          source: o.plan.fits[id].source,
        })),
        risks: o.risks.map((r) => ({ ...r, penalty: roundTo(r.penalty, 4) })),
        operations: {
          hoursPerMonth: roundTo(o.tco.opsHoursPerMonth, 1),
          teamUtilisation: Number.isFinite(utilisation) ? utilisation : null,
          sidecarsKept: Math.round(o.tco.sidecarsKept),
          perNodeVcpu: roundTo(o.tco.perNode.vcpu, 3),
          perNodeGb: roundTo(o.tco.perNode.gb, 3),
        },
        migration: {
          cniHours: Math.round(o.tco.migrationHours.cni),
          addonHours: Math.round(o.tco.migrationHours.addons),
          meshHours: Math.round(o.tco.migrationHours.mesh),
        },
      };
    }),
    baseline: {
      description: `${CNI_NAMES[answers.cluster.currentCni]} with ${answers.mesh.current === 'none' ? 'no mesh' : MESH_NAMES[answers.mesh.current]} kept as it is, nothing added; it does not meet new needs`,
      tco: baselineSummary,
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
      })),
    },
    assumptions: parameters.map((p) => ({
      ...p,
      value: roundTo(p.value, 6),
      low: roundTo(p.low, 6),
      high: roundTo(p.high, 6),
    })),
    currency: {
      code: answers.engagement.currency,
      perUsd: base.perUsd,
      source: exchangeRate(dataset, answers.engagement.currency).source.trim(),
    },
    notCosted: [
      'Flow-log storage: every option that keeps flows needs it, sized by the client’s retention.',
      'Control-plane pods (mesh control planes, operators, Hubble Relay): small next to per-node costs.',
      'Network data transfer: unchanged by the choice of CNI.',
    ],
  };
}

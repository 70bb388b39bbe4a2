import type { RiskFact } from '../result/explanation-schemas.js';
import { CAPABILITY_IDS, type CapabilityId, type Model } from '../schema/dataset.js';
import type { Plan } from './build-plan.js';
import type { Need } from './derive-needs.js';
import { isRequired } from './derive-needs.js';
import type { Situation } from './derive-situation.js';
import { migrationMoves } from './estate-groups.js';
import type { ParameterValues } from './resolve-parameters.js';

/** One reason an option is riskier for this client, with the penalty it costs on the 0-1 risk scale. */
export type Risk = RiskFact & {
  readonly id: string;
  readonly penalty: number;
  readonly basis: readonly string[];
};

const HOURS_PER_MONTH = (values: ParameterValues) => values.engineerHoursPerYear / 12;

/** Share of the team's networking time the option's operations take; Infinity when nobody runs it. */
export function teamUtilisation(
  opsHoursPerMonth: number,
  situation: Situation,
  values: ParameterValues,
): number {
  const capacity = situation.team.platformEngineers * HOURS_PER_MONTH(values) * values.networkingTimeShare;
  return capacity > 0 ? opsHoursPerMonth / capacity : Number.POSITIVE_INFINITY;
}

/** The risks an option carries for this client; the sum of penalties, capped at 1, lowers its risk score. */
export function assessRisk(
  plan: Plan,
  situation: Situation,
  needs: Record<CapabilityId, Need>,
  values: ParameterValues,
  tco: RiskFigures,
  model: Model,
): Risk[] {
  const risks: Risk[] = [];
  eachRisk(plan, situation, needs, values, tco, model, (id, penalty, fact, basis) => {
    risks.push({ id, penalty, ...fact(), basis });
  });
  return risks;
}

/**
 * The sum of the penalties `assessRisk` lists, added in the same order, without stating the risks' facts:
 * the sensitivity search re-decides about a thousand times and needs only the scores.
 */
export function riskPenalty(
  plan: Plan,
  situation: Situation,
  needs: Record<CapabilityId, Need>,
  values: ParameterValues,
  tco: RiskFigures,
  model: Model,
): number {
  let sum = 0;
  eachRisk(plan, situation, needs, values, tco, model, (_id, penalty) => {
    sum += penalty;
  });
  return sum;
}

/** The figures of an option's TCO that its risks depend on. */
export interface RiskFigures {
  readonly opsHoursPerMonth: number;
  readonly migrationHours: { readonly cni: number };
}

type RiskSink = (id: string, penalty: number, fact: () => RiskFact, basis: readonly string[]) => void;

/** Months of the team's networking time a live migration of `hours` engineer-hours takes. */
function migrationMonths(hours: number, situation: Situation, values: ParameterValues): number {
  const capacity = situation.team.platformEngineers * HOURS_PER_MONTH(values) * values.networkingTimeShare;
  return capacity > 0 ? hours / capacity : Number.POSITIVE_INFINITY;
}

function eachRisk(
  plan: Plan,
  situation: Situation,
  needs: Record<CapabilityId, Need>,
  values: ParameterValues,
  tco: RiskFigures,
  model: Model,
  add: RiskSink,
): void {
  const r = model.risk;
  const hasVendor =
    plan.fits.vendorSupport.level === 'enterprise' || plan.fits.vendorSupport.level === 'built-in';
  teamRisks(plan, situation, values, tco, r, hasVendor, add);
  if (plan.migratesCni) migrationRisk(plan, situation, values, tco, r, add);
  addonRisks(plan, situation, add);
  for (const capability of CAPABILITY_IDS) {
    const caveat = plan.fits[capability].caveat;
    if (caveat !== undefined && isRequired(needs[capability].importance)) {
      add(caveat.id, caveat.penalty, () => ({ kind: 'caveat', params: { capability, text: caveat.text } }), [
        `data:capabilities.${capability}`,
      ]);
    }
  }
  if (situation.compliance.airGapped && !hasVendor) {
    add('air-gapped', r.airGappedWithoutSupport, () => ({ kind: 'air-gapped', params: {} }), [
      'answer:compliance.airGapped',
    ]);
  }
  const keepsSidecars = !plan.choice.movesSidecars && situation.mesh.sidecars > 0;
  if (situation.mesh.latencySensitive && keepsSidecars) {
    add('sidecar-latency', r.sidecarLatency, () => ({ kind: 'sidecar-latency', params: {} }), [
      'answer:mesh.latencySensitive',
      'https://istio.io/latest/docs/ops/deployment/performance-and-scalability/',
    ]);
  }
}

/** The team's risks: no vendor to call where one is preferred, an eBPF data plane new to it, too little time to run the option. */
function teamRisks(
  plan: Plan,
  situation: Situation,
  values: ParameterValues,
  tco: RiskFigures,
  r: Model['risk'],
  hasVendor: boolean,
  add: RiskSink,
): void {
  const exp = situation.team.ebpfExperience;
  if (situation.team.vendorSupport === 'preferred' && !hasVendor) {
    add(
      'no-vendor-support',
      r.vendorSupportPreferredMissing,
      () => ({ kind: 'no-vendor-support', params: {} }),
      ['answer:team.vendorSupport'],
    );
  }
  if (plan.option.ebpfDataPlane) {
    const penalty = (hasVendor ? r.ebpfInexperienceWithVendor : r.ebpfInexperience)[exp] ?? 0;
    if (penalty > 0) {
      add(
        'ebpf-experience',
        penalty,
        () => ({ kind: 'ebpf-experience', params: { experience: exp, vendorSoftens: hasVendor } }),
        ['answer:team.ebpfExperience'],
      );
    }
  }
  const utilisation = teamUtilisation(tco.opsHoursPerMonth, situation, values);
  const comfortable = r.capacityComfortableShare;
  if (utilisation > comfortable) {
    const over = Math.min(1, (utilisation - comfortable) / (2 - comfortable));
    add(
      'team-capacity',
      r.capacityOverloadMax * over,
      () => ({
        kind: 'team-capacity',
        params: {
          hoursPerMonth: Math.round(tco.opsHoursPerMonth),
          utilisation: Number.isFinite(utilisation) ? utilisation : null,
        },
      }),
      ['answer:team.platformEngineers', 'answer:team.maturity', 'data:costs.networkingTimeShare'],
    );
  }
}

/** The live migration of the data plane: riskier the longer it keeps the team busy, and the more of the horizon. */
function migrationRisk(
  plan: Plan,
  situation: Situation,
  values: ParameterValues,
  tco: RiskFigures,
  r: Model['risk'],
  add: RiskSink,
): void {
  const months = migrationMonths(tco.migrationHours.cni, situation, values);
  const growth = Number.isFinite(months) ? Math.log2(1 + months) : 10;
  const horizonShare = Math.min(1, months / (12 * situation.engagement.horizonYears));
  add(
    'cni-migration',
    Math.min(
      r.migrationMax,
      r.migrationBase + r.migrationPerDoublingOfMonths * growth + r.migrationPerHorizonShare * horizonShare,
    ),
    () => ({
      kind: 'cni-migration',
      params: {
        moves: migrationMoves(plan, situation),
        hours: Math.round(tco.migrationHours.cni),
        months: Number.isFinite(months) ? months : null,
      },
    }),
    ['answer:cluster.currentCni', 'answer:cluster.nodes', 'answer:team.platformEngineers'],
  );
}

/** The risks the data gives the add-ons new to the team, and those they add across several clusters. */
function addonRisks(plan: Plan, situation: Situation, add: RiskSink): void {
  for (const addon of plan.newAddons.filter((a) => a.risk > 0)) {
    add(
      `addon-${addon.id}`,
      addon.risk,
      () => ({ kind: 'addon', params: { addon: addon.id, name: addon.name, note: addon.riskNote } }),
      [`data:addons.${addon.id}`],
    );
  }
  if (situation.cluster.clusters > 1) {
    for (const addon of plan.newAddons) {
      const m = addon.multiClusterRisk;
      if (m !== undefined)
        add(
          `addon-${addon.id}-multicluster`,
          m.penalty,
          () => ({ kind: 'addon-multicluster', params: { addon: addon.id, note: m.note } }),
          [`data:addons.${addon.id}`],
        );
    }
  }
}

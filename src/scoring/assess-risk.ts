import type { Answers } from '../schema/answers.js';
import { CAPABILITY_IDS, type CapabilityId, type Model } from '../schema/dataset.js';
import { formatNumber, formatPercent } from '../shared/format.js';
import type { Plan } from './build-plan.js';
import type { Need } from './derive-needs.js';
import { isRequired } from './derive-needs.js';
import { migrationScope } from './estate-groups.js';
import type { ParameterValues } from './resolve-parameters.js';

/** One reason an option is riskier for this client, with the penalty it costs on the 0-1 risk scale. */
export interface Risk {
  readonly id: string;
  readonly penalty: number;
  readonly text: string;
  readonly basis: readonly string[];
}

const HOURS_PER_MONTH = (values: ParameterValues) => values.engineerHoursPerYear / 12;

/** Share of the team's networking time the option's operations take; Infinity when nobody runs it. */
export function teamUtilisation(opsHoursPerMonth: number, answers: Answers, values: ParameterValues): number {
  const capacity = answers.team.platformEngineers * HOURS_PER_MONTH(values) * values.networkingTimeShare;
  return capacity > 0 ? opsHoursPerMonth / capacity : Number.POSITIVE_INFINITY;
}

/** The risks an option carries for this client; the sum of penalties, capped at 1, lowers its risk score. */
export function assessRisk(
  plan: Plan,
  answers: Answers,
  needs: Record<CapabilityId, Need>,
  values: ParameterValues,
  tco: RiskFigures,
  model: Model,
): Risk[] {
  const risks: Risk[] = [];
  eachRisk(plan, answers, needs, values, tco, model, (id, penalty, text, basis) => {
    risks.push({ id, penalty, text: text(), basis });
  });
  return risks;
}

/**
 * The sum of the penalties `assessRisk` lists, added in the same order, without writing the risks' texts:
 * the sensitivity search re-decides about a thousand times and needs only the scores.
 */
export function riskPenalty(
  plan: Plan,
  answers: Answers,
  needs: Record<CapabilityId, Need>,
  values: ParameterValues,
  tco: RiskFigures,
  model: Model,
): number {
  let sum = 0;
  eachRisk(plan, answers, needs, values, tco, model, (_id, penalty) => {
    sum += penalty;
  });
  return sum;
}

/** The figures of an option's TCO that its risks depend on. */
export interface RiskFigures {
  readonly opsHoursPerMonth: number;
  readonly migrationHours: { readonly cni: number };
}

type RiskSink = (id: string, penalty: number, text: () => string, basis: readonly string[]) => void;

/** Months of the team's networking time a live migration of `hours` engineer-hours takes. */
function migrationMonths(hours: number, answers: Answers, values: ParameterValues): number {
  const capacity = answers.team.platformEngineers * HOURS_PER_MONTH(values) * values.networkingTimeShare;
  return capacity > 0 ? hours / capacity : Number.POSITIVE_INFINITY;
}

function eachRisk(
  plan: Plan,
  answers: Answers,
  needs: Record<CapabilityId, Need>,
  values: ParameterValues,
  tco: RiskFigures,
  model: Model,
  add: RiskSink,
): void {
  const r = model.risk;
  const hasVendor =
    plan.fits.vendorSupport.level === 'enterprise' || plan.fits.vendorSupport.level === 'built-in';
  const exp = answers.team.ebpfExperience;
  if (answers.team.vendorSupport === 'preferred' && !hasVendor) {
    add(
      'no-vendor-support',
      r.vendorSupportPreferredMissing,
      () =>
        'No SLA-backed vendor support, though the client prefers to have it: incidents are solved by the team and the community.',
      ['answer:team.vendorSupport'],
    );
  }
  if (plan.option.ebpfDataPlane) {
    const penalty = (hasVendor ? r.ebpfInexperienceWithVendor : r.ebpfInexperience)[exp] ?? 0;
    if (penalty > 0) {
      const team =
        exp === 'none' ? 'The team has no eBPF experience' : 'The team’s eBPF experience is limited';
      add(
        'ebpf-experience',
        penalty,
        () =>
          `${team}, so debugging the eBPF data plane may need outside help${hasVendor ? ' (the vendor’s support softens this)' : ''}.`,
        ['answer:team.ebpfExperience'],
      );
    }
  }
  const utilisation = teamUtilisation(tco.opsHoursPerMonth, answers, values);
  const comfortable = r.capacityComfortableShare;
  if (utilisation > comfortable) {
    const over = Math.min(1, (utilisation - comfortable) / (2 - comfortable));
    const shown = () => (Number.isFinite(utilisation) ? formatPercent(utilisation) : 'all');
    add(
      'team-capacity',
      r.capacityOverloadMax * over,
      () =>
        `Running it takes ${formatNumber(Math.round(tco.opsHoursPerMonth))} engineer-hours a month, ${shown()} of the time the team can give the network layer.`,
      ['answer:team.platformEngineers', 'answer:team.maturity', 'data:costs.networkingTimeShare'],
    );
  }
  if (plan.migratesCni) {
    const months = migrationMonths(tco.migrationHours.cni, answers, values);
    const growth = Number.isFinite(months) ? Math.log2(1 + months) : 10;
    const horizonShare = Math.min(1, months / (12 * answers.engagement.horizonYears));
    add(
      'cni-migration',
      Math.min(
        r.migrationMax,
        r.migrationBase + r.migrationPerDoublingOfMonths * growth + r.migrationPerHorizonShare * horizonShare,
      ),
      () =>
        `Moving ${migrationScope(plan, answers)} is a data-plane migration of about ${formatNumber(Math.round(tco.migrationHours.cni))} engineer-hours${Number.isFinite(months) ? `, ${formatNumber(months, months < 10 ? 1 : 0)} months of the time the team can give the network layer` : ''}.`,
      ['answer:cluster.currentCni', 'answer:cluster.nodes', 'answer:team.platformEngineers'],
    );
  }
  for (const addon of plan.newAddons.filter((a) => a.risk > 0)) {
    add(`addon-${addon.id}`, addon.risk, () => `${addon.name}: ${addon.riskNote}.`, [
      `data:addons.${addon.id}`,
    ]);
  }
  if (answers.cluster.clusters > 1) {
    for (const addon of plan.newAddons) {
      const m = addon.multiClusterRisk;
      if (m !== undefined)
        add(`addon-${addon.id}-multicluster`, m.penalty, () => m.note, [`data:addons.${addon.id}`]);
    }
  }
  for (const capability of CAPABILITY_IDS) {
    const caveat = plan.fits[capability].caveat;
    if (caveat !== undefined && isRequired(needs[capability].importance)) {
      add(caveat.id, caveat.penalty, () => caveat.text, [`data:capabilities.${capability}`]);
    }
  }
  if (answers.compliance.airGapped && !hasVendor) {
    add(
      'air-gapped',
      r.airGappedWithoutSupport,
      () => 'Air-gapped installs and upgrades must be mirrored and validated by the team alone.',
      ['answer:compliance.airGapped'],
    );
  }
  const keepsSidecars = !plan.choice.movesSidecars && answers.mesh.sidecars > 0;
  if (answers.mesh.latencySensitive && keepsSidecars) {
    add(
      'sidecar-latency',
      r.sidecarLatency,
      () =>
        'Latency-sensitive calls keep a sidecar proxy at each end of every hop; a per-node proxy such as ambient mode’s ztunnel adds less latency.',
      [
        'answer:mesh.latencySensitive',
        'https://istio.io/latest/docs/ops/deployment/performance-and-scalability/',
      ],
    );
  }
}

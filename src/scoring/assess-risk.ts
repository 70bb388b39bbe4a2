import type { Answers } from '../schema/answers.js';
import type { CapabilityId, Model } from '../schema/dataset.js';
import { CNI_NAMES } from '../schema/display-names.js';
import { formatNumber } from '../shared/format.js';
import type { Plan } from './build-plan.js';
import type { Need } from './derive-needs.js';
import { isRequired } from './derive-needs.js';
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
  opsHoursPerMonth: number,
  model: Model,
): Risk[] {
  const risks: Risk[] = [];
  eachRisk(plan, answers, needs, values, opsHoursPerMonth, model, (id, penalty, text, basis) => {
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
  opsHoursPerMonth: number,
  model: Model,
): number {
  let sum = 0;
  eachRisk(plan, answers, needs, values, opsHoursPerMonth, model, (_id, penalty) => {
    sum += penalty;
  });
  return sum;
}

type RiskSink = (id: string, penalty: number, text: () => string, basis: readonly string[]) => void;

function eachRisk(
  plan: Plan,
  answers: Answers,
  needs: Record<CapabilityId, Need>,
  values: ParameterValues,
  opsHoursPerMonth: number,
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
        'No SLA-backed vendor support, which the client prefers: incidents are solved by the team and the community.',
      ['answer:team.vendorSupport'],
    );
  }
  if (plan.option.cni === 'cilium') {
    const penalty = (hasVendor ? r.ebpfInexperienceWithVendor : r.ebpfInexperience)[exp] ?? 0;
    if (penalty > 0) {
      add(
        'ebpf-experience',
        penalty,
        () =>
          `The team has ${exp === 'none' ? 'no' : 'some'} eBPF experience to debug the data plane${hasVendor ? ', softened by vendor support' : ''}.`,
        ['answer:team.ebpfExperience'],
      );
    }
  }
  const utilisation = teamUtilisation(opsHoursPerMonth, answers, values);
  const comfortable = r.capacityComfortableShare;
  if (utilisation > comfortable) {
    const over = Math.min(1, (utilisation - comfortable) / (2 - comfortable));
    const shown = () => (Number.isFinite(utilisation) ? `${Math.round(utilisation * 100)} %` : 'all');
    add(
      'team-capacity',
      r.capacityOverloadMax * over,
      () =>
        `Running it takes ${Math.round(opsHoursPerMonth)} engineer-hours a month, ${shown()} of the time the team can give the network layer.`,
      ['answer:team.platformEngineers', 'answer:team.maturity', 'data:costs.networkingTimeShare'],
    );
  }
  if (plan.migratesCni) {
    const decades = Math.log10(Math.max(10, answers.cluster.nodes)) - 1;
    add(
      'cni-migration',
      Math.min(r.migrationMax, r.migrationBase + r.migrationPerDecadeOfNodes * decades),
      () =>
        `Moving ${formatNumber(answers.cluster.nodes)} nodes off ${CNI_NAMES[answers.cluster.currentCni]} is a live data-plane migration, node by node.`,
      ['answer:cluster.currentCni', 'answer:cluster.nodes'],
    );
  }
  for (const addon of plan.newAddons.filter((a) => a.risk > 0)) {
    add(`addon-${addon.id}`, addon.risk, () => `${addon.name}: ${addon.riskNote}.`, [
      `data:addons.${addon.id}`,
    ]);
  }
  if (isRequired(needs.egressControl.importance) && plan.fits.egressControl.level === 'partial') {
    add(
      'egress-no-failover',
      r.egressWithoutFailover,
      () => 'The open-source egress gateway pins each policy to one node with no failover.',
      ['data:capabilities.egressControl'],
    );
  }
  if (answers.compliance.fips && plan.option.subscriptionKey === null) {
    add(
      'fips',
      r.fipsWithoutValidatedBuild,
      () =>
        'FIPS is required but no vendor stands behind a validated build (WireGuard’s ChaCha20-Poly1305 is not FIPS-approved).',
      ['answer:compliance.fips'],
    );
  }
  if (answers.compliance.airGapped && !hasVendor) {
    add(
      'air-gapped',
      r.airGappedWithoutSupport,
      () => 'Air-gapped installs and upgrades must be mirrored and validated by the team alone.',
      ['answer:compliance.airGapped'],
    );
  }
  const keepsSidecars = !plan.removesSidecars && answers.mesh.sidecars > 0;
  if (answers.mesh.latencySensitive && keepsSidecars) {
    add(
      'sidecar-latency',
      r.sidecarLatency,
      () =>
        'Latency-sensitive calls keep two sidecar hops each (about +2.65 ms p90 in Istio’s own benchmark).',
      [
        'answer:mesh.latencySensitive',
        'https://istio.io/v1.15/docs/ops/deployment/performance-and-scalability',
      ],
    );
  }
}

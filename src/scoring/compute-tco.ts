import { VENDOR_NAMES } from '../schema/answers.js';
import type { Model } from '../schema/dataset.js';
import { TCO_CATEGORIES, type TcoCategory } from '../schema/tco-categories.js';
import { GB_PER_MIB, HOURS_PER_TRAINING_DAY, HOURS_PER_YEAR } from '../shared/units.js';
import type { Plan } from './build-plan.js';
import type { Situation } from './derive-situation.js';
import { sliceScenario } from './estate-groups.js';
import { migrationShares } from './migration-path.js';
import type { ParameterValues } from './resolve-parameters.js';

export { TCO_CATEGORIES, type TcoCategory };
export type ByCategory = Record<TcoCategory, number>;

/** The figures one evaluation runs on: the likely values, or one Monte Carlo draw, or a sensitivity probe. */
export interface Scenario {
  readonly values: ParameterValues;
  readonly nodes: number;
  readonly sidecars: number;
  /** Add-on efforts by add-on id: operations hours per cluster-month and set-up hours per cluster. */
  readonly addonHours: Readonly<Record<string, { ops: number; setup: number }>>;
  /** Engagement currency units per USD, for add-on licences priced in USD. */
  readonly perUsd: number;
}

/** Exact (unrounded) cost of one option, year by year. */
export interface TcoBreakdown {
  readonly years: readonly ByCategory[];
  readonly total: number;
  /** Engineer-hours per month the option takes to run in year 1, before any growth. */
  readonly opsHoursPerMonth: number;
  readonly perNode: { readonly vcpu: number; readonly gb: number };
  readonly sidecarsKept: number;
  /** Nodes today the cost is for (the estate's, or one group's). */
  readonly nodes: number;
  /** Engineer-hours of the one-time migration, by part, after the team-maturity factor. */
  readonly migrationHours: MigrationHours;
  /** ICT third parties the path contracts anew under the client's frameworks, and the staff-hours that brings. */
  readonly ictProviders: IctProviderHours;
}

export interface IctProviderHours {
  /** The providers, by name; empty where the path brings none or no framework attaches work to one. */
  readonly names: readonly string[];
  /** Contracting them, once, in year 1 (counted under migration). */
  readonly contractHours: number;
  /** Keeping them compliant, every year (counted under operations). */
  readonly upkeepHoursPerYear: number;
  /** The path's providers the client already contracts, by name: not new, so none of the above for them. */
  readonly alreadyContracted: readonly string[];
  /** Extending those contracts to the new service, once, in year 1 (counted under migration). */
  readonly extensionHours: number;
}

export interface MigrationHours {
  /** Moving the clusters to another CNI, node by node. */
  readonly cni: number;
  /** Switching on kube-proxy replacement and removing kube-proxy, a rollout of its own. */
  readonly kubeProxy: number;
  readonly addons: number;
  readonly mesh: number;
  /** Moving kube-proxy off IPVS before that mode is switched off, on a path that keeps it (see ipvsMoveYear). */
  readonly kubeProxyMode: number;
}

/**
 * The year of the horizon (0 for the first) in which a path that keeps kube-proxy in IPVS mode must move it to
 * another mode: the year in which IPVS mode goes off by default, or the first if that month has passed; null where
 * the path does not keep kube-proxy in IPVS mode on running clusters, or the month lies beyond the horizon. Without
 * a report date the move is counted in the first year: its cost is certain, only its timing is not known.
 */
export function ipvsMoveYear(plan: Plan, situation: Situation, model: Model): number | null {
  const { cluster } = situation;
  if (cluster.kubeProxyMode !== 'ipvs' || plan.replacesKubeProxy || cluster.currentCni === 'none')
    return null;
  return ipvsOffYear(situation, model);
}

/** The year of the horizon (0 for the first) in which IPVS mode goes off by default; null beyond the horizon. */
export function ipvsOffYear(situation: Situation, model: Model): number | null {
  const { engagement } = situation;
  if (engagement.date === undefined) return 0;
  const [year = 0, month = 0] = engagement.date.split('-').map(Number);
  const [offYear = 0, offMonth = 0] = model.ipvsDefaultOff.month.split('-').map(Number);
  const index = Math.max(0, Math.floor(((offYear - year) * 12 + (offMonth - month)) / 12));
  return index < engagement.horizonYears ? index : null;
}

/**
 * The ICT third parties a path contracts anew where the client's frameworks attach obligations to such a contract
 * (DORA: register, Article 30 clauses, exit strategy): its subscription's vendor and the vendors of the add-ons it
 * licenses new, across an estate's groups once each, less the vendors the client already contracts; empty where no
 * such framework applies.
 */
export function newIctProviders(plan: Plan, situation: Situation, model: Model): string[] {
  const contracted = new Set<string>(contractedVendors(situation));
  return ictProviders(plan, situation, model).filter((v) => !contracted.has(v));
}

/**
 * The ICT third parties a path brings that the client already contracts (`compliance.contractedVendors`), by the
 * names data/ gives them: no new provider, so none of a new one's DORA work; empty where no such framework applies.
 */
export function alreadyContractedProviders(plan: Plan, situation: Situation, model: Model): string[] {
  const contracted = new Set<string>(contractedVendors(situation));
  return ictProviders(plan, situation, model).filter((v) => contracted.has(v));
}

function contractedVendors(situation: Situation): string[] {
  return situation.compliance.contractedVendors.map((id) => VENDOR_NAMES[id]);
}

/** Every ICT third party a path brings (its subscription's vendor and its new add-ons'), under the frameworks. */
function ictProviders(plan: Plan, situation: Situation, model: Model): string[] {
  const { frameworks } = model.newIctProvider;
  if (!situation.compliance.frameworks.some((f) => frameworks.includes(f))) return [];
  const vendors = new Set<string>();
  for (const p of plan.groups === undefined ? [plan] : plan.groups.map((g) => g.plan)) {
    if (p.option.vendor !== null) vendors.add(p.option.vendor);
    for (const a of p.newAddons) if (a.vendor !== null) vendors.add(a.vendor);
  }
  return [...vendors];
}

function emptyYear(): ByCategory {
  return { subscription: 0, operations: 0, compute: 0, migration: 0, training: 0, tooling: 0 };
}

/** Engineer-hours per month to run the plan, whole estate. */
function opsHoursPerMonth(plan: Plan, situation: Situation, s: Scenario, model: Model): number {
  const v = s.values;
  const maturity = model.maturityOpsFactor[situation.team.maturity] ?? 1;
  const ebpf = plan.option.ebpfDataPlane ? (model.ebpfOpsFactor[situation.team.ebpfExperience] ?? 1) : 1;
  const vendor = plan.option.supportEffortKey === null ? 1 : v[plan.option.supportEffortKey];
  // Where the provider runs and upgrades the agent, the team keeps only a share of the CNI's own upkeep.
  const core = v[plan.option.opsKey] * ebpf * vendor * plan.upkeepShare;
  // Loops rather than reduce and spread: Monte Carlo runs this tens of thousands of times.
  let addons = 0;
  for (const a of plan.addons) addons += s.addonHours[a.id]?.ops ?? 0;
  return fleetClusters(situation.cluster.clusters, v.fleetMarginalClusterShare) * maturity * (core + addons);
}

/**
 * Clusters built and changed alike are run as a fleet: the first takes its full upkeep (release notes, upgrade
 * tests, incidents learned from), each further one the stated share of it (its roll-out, drift and own incidents).
 */
export function fleetClusters(clusters: number, marginalShare: number): number {
  return 1 + (clusters - 1) * marginalShare;
}

/** vCPU and GB every node holds for the network layer under this plan. */
function perNodeFootprint(
  plan: Plan,
  situation: Situation,
  s: Scenario,
  model: Model,
  servicesPerCluster: number,
  movedOffIpvs: boolean,
) {
  const v = s.values;
  let millicores = plan.option.perNode.cpuMillicores;
  let mib = plan.option.perNode.memoryMiB;
  for (const piece of plan.addons) {
    millicores += piece.perNode.cpuMillicores;
    mib += piece.perNode.memoryMiB;
  }
  for (const piece of plan.extras) {
    millicores += piece.perNode.cpuMillicores;
    mib += piece.perNode.memoryMiB;
  }
  if (!plan.option.replacesKubeProxy) {
    const today = situation.cluster.kubeProxyMode === 'none' ? 'iptables' : situation.cluster.kubeProxyMode;
    const mode = movedOffIpvs ? model.ipvsDefaultOff.movesTo : today;
    const factor = model.kubeProxyModeFactor[mode] ?? 1;
    millicores +=
      v.kubeProxyCpuMillicoresPerNode +
      (v.kubeProxyCpuMillicoresPer1000Services * factor * servicesPerCluster) / 1000;
  }
  return { vcpu: millicores / 1000, gb: mib * GB_PER_MIB };
}

/**
 * Total cost of ownership of one plan over the horizon: recurring costs grow with the node count each year;
 * migration and training fall in year 1.
 */
export function computeTco(plan: Plan, situation: Situation, s: Scenario, model: Model): TcoBreakdown {
  // An estate of groups: each group's cost on its own figures (its nodes, CNI and fleet), summed.
  const paths =
    plan.groups === undefined
      ? pathTco(plan, situation, s, model)
      : sumTco(plan.groups.map((g) => pathTco(g.plan, g.slice.situation, sliceScenario(s, g.slice), model)));
  const providers = providersOf(plan, situation, model);
  return withIctProviders(paths, providers.names, providers.alreadyContracted, s.values);
}

/** A plan's new and already contracted ICT providers in a situation: the same in every world drawn. */
interface PlanProviders {
  readonly situation: Situation;
  readonly model: Model;
  readonly names: readonly string[];
  readonly alreadyContracted: readonly string[];
}
const providersByPlan = new WeakMap<Plan, PlanProviders>();

/**
 * `newIctProviders` and `alreadyContractedProviders` of a plan, worked out once per plan and situation: the plausible
 * worlds cost each plan thousands of times, and neither list depends on a world's figures.
 */
function providersOf(plan: Plan, situation: Situation, model: Model): PlanProviders {
  const known = providersByPlan.get(plan);
  if (known !== undefined && known.situation === situation && known.model === model) return known;
  const providers = {
    situation,
    model,
    names: newIctProviders(plan, situation, model),
    alreadyContracted: alreadyContractedProviders(plan, situation, model),
  };
  providersByPlan.set(plan, providers);
  return providers;
}

/**
 * The work the path's ICT providers bring under DORA, added to its costs at the loaded engineer cost: a new provider
 * is contracted once in year 1 (migration) and kept compliant every year (operations); a provider the client already
 * contracts has that contract extended to the new service once in year 1 (migration). One contract per provider,
 * however many groups of an estate it serves.
 */
function withIctProviders(
  tco: TcoBreakdown,
  names: readonly string[],
  alreadyContracted: readonly string[],
  v: ParameterValues,
): TcoBreakdown {
  if (names.length === 0 && alreadyContracted.length === 0) return tco;
  const hourly = v.engineerCostPerYear / v.engineerHoursPerYear;
  const contractHours = names.length * v.ictProviderContractHours;
  const upkeepHoursPerYear = names.length * v.ictProviderUpkeepHoursPerYear;
  const extensionHours = alreadyContracted.length * v.ictProviderExtensionHours;
  const years = tco.years.map((y, i) => ({
    ...y,
    operations: y.operations + upkeepHoursPerYear * hourly,
    migration: y.migration + (i === 0 ? (contractHours + extensionHours) * hourly : 0),
  }));
  let total = 0;
  for (const y of years) total += yearTotal(y);
  return {
    ...tco,
    years,
    total,
    ictProviders: { names, contractHours, upkeepHoursPerYear, alreadyContracted, extensionHours },
  };
}

const NO_ICT_PROVIDERS: IctProviderHours = {
  names: [],
  contractHours: 0,
  upkeepHoursPerYear: 0,
  alreadyContracted: [],
  extensionHours: 0,
};

/**
 * One path's cost on one set of figures (a group's, or the whole estate's where it is one), without the contracts
 * with new ICT providers, which the estate signs once whatever its groups (computeTco adds them).
 */
export function pathTco(plan: Plan, situation: Situation, s: Scenario, model: Model): TcoBreakdown {
  const v = s.values;
  const growth = situation.cluster.growth;
  const hourly = v.engineerCostPerYear / v.engineerHoursPerYear;
  const maturity = model.maturityOpsFactor[situation.team.maturity] ?? 1;
  const keptShare = plan.choice.movesSidecars ? 1 - v.sidecarsRemovedWithCiliumPercent / 100 : 1;
  const monthlyHours = opsHoursPerMonth(plan, situation, s, model);
  const ipvsYear = ipvsMoveYear(plan, situation, model);
  const hours = migrationHours(plan, situation, s, maturity, ipvsYear !== null);
  // A node's kube-proxy programs only its own cluster's Services.
  const { servicesPerCluster } = situation.cluster;
  const perNode = perNodeFootprint(plan, situation, s, model, servicesPerCluster, ipvsYear === 0);
  const subscription = plan.option.subscriptionKey === null ? 0 : v[plan.option.subscriptionKey];
  let licencePerNode = 0;
  for (const a of plan.addons) licencePerNode += a.licencePerNodeYear;
  const perCluster = perClusterFootprint(plan);
  const perClusterCostPerHour =
    situation.cluster.clusters * (perCluster.vcpu * v.vcpuHourPrice + perCluster.gb * v.memoryGbHourPrice);
  const licence = licencePerNode * s.perUsd;

  const years: ByCategory[] = [];
  for (let y = 0; y < situation.engagement.horizonYears; y++) {
    const scale = growth ** y;
    const nodes = s.nodes * scale;
    const sidecars = s.sidecars * scale * keptShare;
    // From the year kube-proxy moves off IPVS, it runs (and is priced) in the mode it moved to.
    const footprint =
      y === 0
        ? perNode
        : perNodeFootprint(
            plan,
            situation,
            s,
            model,
            servicesPerCluster * scale,
            ipvsYear !== null && y >= ipvsYear,
          );
    const year = emptyYear();
    year.subscription = nodes * subscription;
    year.operations = monthlyHours * 12 * hourly;
    const nodeCostPerHour = nodes * (footprint.vcpu * v.vcpuHourPrice + footprint.gb * v.memoryGbHourPrice);
    year.compute =
      (nodeCostPerHour + perClusterCostPerHour) * HOURS_PER_YEAR + sidecars * sidecarCostPerYear(v);
    year.tooling = nodes * licence;
    years.push(year);
  }
  const first = years[0];
  if (first !== undefined) {
    first.migration = (hours.cni + hours.kubeProxy + hours.addons + hours.mesh) * hourly;
    first.training = trainingCost(plan, situation, s, model, hourly);
  }
  const moveYear = years[ipvsYear ?? -1];
  if (moveYear !== undefined) moveYear.migration += hours.kubeProxyMode * hourly;
  let total = 0;
  for (const y of years) total += yearTotal(y);
  return {
    years,
    total,
    opsHoursPerMonth: monthlyHours,
    perNode,
    sidecarsKept: s.sidecars * keptShare,
    nodes: s.nodes,
    migrationHours: hours,
    ictProviders: NO_ICT_PROVIDERS,
  };
}

/**
 * Share of a plan's total that rests on the given inputs (the indicative prices nobody has quoted yet): the part
 * of the total that goes when they are zero. Exact for a price, which every cost it enters scales with.
 */
export function shareRestingOn(
  plan: Plan,
  situation: Situation,
  s: Scenario,
  model: Model,
  keys: readonly (keyof ParameterValues)[],
): number {
  if (keys.length === 0) return 0;
  const total = computeTco(plan, situation, s, model).total;
  if (total <= 0) return 0;
  const values = { ...s.values };
  for (const key of keys) values[key] = 0;
  const without = computeTco(plan, situation, { ...s, values }, model).total;
  return Math.min(1, Math.max(0, (total - without) / total));
}

/** vCPU and GB each cluster holds once for the plan's add-ons (waypoints), whatever its node count. */
export function perClusterFootprint(plan: Plan): { vcpu: number; gb: number } {
  let millicores = 0;
  let mib = 0;
  for (const a of plan.addons) {
    millicores += a.perCluster.cpuMillicores;
    mib += a.perCluster.memoryMiB;
  }
  return { vcpu: millicores / 1000, gb: mib * GB_PER_MIB };
}

/** What one sidecar proxy costs a year in the CPU and memory it reserves. */
export function sidecarCostPerYear(v: ParameterValues): number {
  const vcpu = v.sidecarCpuMillicores / 1000;
  const gb = v.sidecarMemoryMiB * GB_PER_MIB;
  return (vcpu * v.vcpuHourPrice + gb * v.memoryGbHourPrice) * HOURS_PER_YEAR;
}

function migrationHours(
  plan: Plan,
  situation: Situation,
  s: Scenario,
  maturity: number,
  movesOffIpvs: boolean,
): MigrationHours {
  const v = s.values;
  const { clusters } = situation.cluster;
  // Where the provider does part of the move (AKS's in-place update), the path takes a share of the default effort.
  const share = migrationShares(plan.migrationPath);
  const cni = plan.migratesCni
    ? v.migrationHoursPerCluster * clusters * share.cluster + v.migrationHoursPerNode * s.nodes * share.node
    : 0;
  const kubeProxy = plan.removesKubeProxy ? v.kubeProxyRemovalHoursPerCluster * clusters : 0;
  let setup = 0;
  for (const a of plan.newAddons) setup += s.addonHours[a.id]?.setup ?? 0;
  const addons = setup * clusters;
  const mesh =
    plan.choice.movesSidecars && v.sidecarsRemovedWithCiliumPercent > 0
      ? v.meshMigrationHoursPerCluster * clusters
      : 0;
  return {
    cni: cni * maturity,
    kubeProxy: kubeProxy * maturity,
    addons: addons * maturity,
    mesh: mesh * maturity,
    kubeProxyMode: movesOffIpvs ? v.ipvsMoveHoursPerCluster * clusters * maturity : 0,
  };
}

function trainingCost(plan: Plan, situation: Situation, s: Scenario, model: Model, hourly: number): number {
  const v = s.values;
  const engineers = situation.team.platformEngineers;
  let cost =
    engineers * plan.newAddons.length * v.addonTrainingDaysPerEngineer * HOURS_PER_TRAINING_DAY * hourly;
  if (plan.learnsEbpf) {
    const share = model.ebpfTrainingFactor[situation.team.ebpfExperience] ?? 1;
    const days = v.ciliumTrainingDaysPerEngineer * share;
    cost +=
      engineers * (days * HOURS_PER_TRAINING_DAY * hourly + (share > 0 ? v.trainingCoursePerEngineer : 0));
  }
  return cost;
}

/** An estate's cost from its groups' costs: years, hours and sidecars add up; the per-node footprint is by node. */
function sumTco(parts: readonly TcoBreakdown[]): TcoBreakdown {
  // Loops rather than closures: Monte Carlo sums an estate's groups thousands of times. Each sum runs in the
  // parts' order, as it always has, so the totals are the same to the last bit.
  const years = (parts[0]?.years ?? []).map((_, y) => {
    const year = emptyYear();
    for (const p of parts) for (const c of TCO_CATEGORIES) year[c] += p.years[y]?.[c] ?? 0;
    return year;
  });
  let total = 0;
  let opsHoursPerMonth = 0;
  let sidecarsKept = 0;
  let nodes = 0;
  let vcpuByNode = 0;
  let gbByNode = 0;
  const hours = { cni: 0, kubeProxy: 0, addons: 0, mesh: 0, kubeProxyMode: 0 };
  for (const p of parts) {
    total += p.total;
    opsHoursPerMonth += p.opsHoursPerMonth;
    sidecarsKept += p.sidecarsKept;
    nodes += p.nodes;
    vcpuByNode += p.perNode.vcpu * p.nodes;
    gbByNode += p.perNode.gb * p.nodes;
    hours.cni += p.migrationHours.cni;
    hours.kubeProxy += p.migrationHours.kubeProxy;
    hours.addons += p.migrationHours.addons;
    hours.mesh += p.migrationHours.mesh;
    hours.kubeProxyMode += p.migrationHours.kubeProxyMode;
  }
  return {
    years,
    total,
    opsHoursPerMonth,
    perNode: { vcpu: nodes === 0 ? 0 : vcpuByNode / nodes, gb: nodes === 0 ? 0 : gbByNode / nodes },
    sidecarsKept,
    nodes,
    migrationHours: hours,
    ictProviders: NO_ICT_PROVIDERS,
  };
}

export function yearTotal(y: ByCategory): number {
  return y.subscription + y.operations + y.compute + y.migration + y.training + y.tooling;
}

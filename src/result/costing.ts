import type { Dataset } from '../schema/dataset.js';
import { baselinePlan } from '../scoring/baseline-plan.js';
import { type Plan, resolveAddon } from '../scoring/build-plan.js';
import { alreadyContractedProviders, ipvsMoveYear, newIctProviders } from '../scoring/compute-tco.js';
import type { DecisionCore } from '../scoring/decide-answers.js';
import type { Situation } from '../scoring/derive-situation.js';
import { migrationShares } from '../scoring/migration-path.js';
import type { BuiltResult } from './result-schema.js';

type Costing = BuiltResult['costing'];

const oneBased = (year: number | null) => (year === null ? null : year + 1);

/**
 * The stacks at the likely values, as the decision engine built them (its core: each option's best stack at the
 * likely scenario), with the model's factors for this team: what a workbook needs to rebuild each option's TCO as
 * formulas.
 */
export function costing(dataset: Dataset, core: DecisionCore): Costing {
  const { plans, base: scenario, situation } = core;
  const addonHours = (id: string) => scenario.addonHours[id] ?? { ops: 0, setup: 0 };
  const costed = (plan: Plan): Costing['baseline'] => ({
    option: plan.option.id,
    subscriptionKey: plan.option.subscriptionKey,
    opsKey: plan.option.opsKey,
    supportEffortKey: plan.option.supportEffortKey,
    ebpfDataPlane: plan.option.ebpfDataPlane,
    replacesKubeProxy: plan.option.replacesKubeProxy,
    perNode: { ...plan.option.perNode },
    addons: plan.addons.map((a) => ({
      id: a.id,
      name: a.name,
      opsHoursPerClusterMonth: addonHours(a.id).ops,
      perNode: { ...a.perNode },
      perCluster: { ...a.perCluster },
      licencePerNodeYear: a.licencePerNodeYear,
    })),
    newAddons: plan.newAddons.map((a) => ({
      id: a.id,
      name: a.name,
      setupHoursPerCluster: addonHours(a.id).setup,
    })),
    extras: plan.extras.map((e) => ({ component: e.component, perNode: { ...e.perNode } })),
    movesSidecars: plan.choice.movesSidecars,
    migratesCni: plan.migratesCni,
    upkeepShare: plan.upkeepShare,
    migrationShares: migrationShares(plan.migrationPath),
    removesKubeProxy: plan.removesKubeProxy,
    learnsEbpf: plan.learnsEbpf,
    movesOffIpvsInYear: oneBased(ipvsMoveYear(plan, situation, dataset.model)),
    newIctProviders: newIctProviders(plan, situation, dataset.model),
    extendedIctProviders: alreadyContractedProviders(plan, situation, dataset.model),
  });
  const { model } = dataset;
  const mode = situation.cluster.kubeProxyMode === 'none' ? 'iptables' : situation.cluster.kubeProxyMode;
  return {
    factors: {
      maturityOps: model.maturityOpsFactor[situation.team.maturity] ?? 1,
      ebpfOps: model.ebpfOpsFactor[situation.team.ebpfExperience] ?? 1,
      ebpfTraining: model.ebpfTrainingFactor[situation.team.ebpfExperience] ?? 1,
      kubeProxyMode: {
        mode,
        factor: model.kubeProxyModeFactor[mode] ?? 1,
        source: model.kubeProxyModeFactorSource,
      },
      kubeProxyModeAfterMove: {
        mode: model.ipvsDefaultOff.movesTo,
        factor: model.kubeProxyModeFactor[model.ipvsDefaultOff.movesTo] ?? 1,
        source: model.kubeProxyModeFactorSource,
      },
      ipvsDefaultOff: { ...model.ipvsDefaultOff },
    },
    sidecarFreeMove: sidecarFreeMove(situation, dataset, scenario.addonHours),
    plans: plans.map(costed),
    baseline: costed(baselinePlan(situation, dataset, plans)),
  };
}

/** The sidecar-free mode beside the client's mesh, with the upkeep of the same mode as a mesh of its own. */
function sidecarFreeMove(
  situation: Situation,
  dataset: Dataset,
  addonHours: Readonly<Record<string, { ops: number; setup: number }>>,
): Costing['sidecarFreeMove'] {
  const move = dataset.sidecarFreeMove;
  const beside = dataset.addons.find((a) => a.id === move.addon);
  if (beside === undefined || !move.meshes.includes(situation.mesh.current)) return null;
  const own = resolveAddon('mesh', { mesh: { ...situation.mesh, current: 'none' } }, dataset);
  return {
    addon: beside.name,
    perNode: { ...beside.perNode },
    perCluster: { ...beside.perCluster },
    opsHoursPerClusterMonth: addonHours[beside.id]?.ops ?? beside.opsHoursPerClusterMonth.likely,
    ownMeshOpsHoursPerClusterMonth: addonHours[own.id]?.ops ?? own.opsHoursPerClusterMonth.likely,
  };
}

import type { Answers } from '../schema/answers.js';
import type { Dataset, MigrationPart } from '../schema/dataset.js';
import { migrationPathFor, migrationShares } from '../scoring/migration-path.js';
import type { OptionResult, ScoreResult } from '../scoring/score-result.js';
import { InternalError } from '../shared/errors.js';
import type { BuiltResult } from './result-schema.js';

type Plan = BuiltResult['migrationPlan'];
type Cni = Answers['cluster']['currentCni'];
type PlatformId = Answers['cluster']['platforms'][number];
type PlanOfPart = Omit<Plan, 'groups'>;

/** What one plan is drawn for: where it starts, the path it takes there, and the engine's hours for it. */
interface PlanInput {
  readonly option: OptionResult['id'];
  readonly from: Cni;
  readonly cni: string;
  readonly platforms: PlatformId[];
  readonly nodes: number;
  readonly migration: Pick<
    OptionResult['migration'],
    'cniHours' | 'kubeProxyHours' | 'addonHours' | 'meshHours'
  >;
  readonly ictProviderHours: number;
  /** Whether those hours contract a new provider, not only extend a contract the client holds. */
  readonly contractsNewProvider: boolean;
}

/**
 * The migration to the recommended path: the data's path from the client's CNI to the path's CNI, the phases
 * that have effort for this client (replacing kube-proxy only where the engine replaces it; add-ons only where
 * some are added; retiring the sidecars only where it moves them), and the engine's hours split by part. An
 * estate of groups gets one plan per group as well, each from the CNI that group runs.
 */
export function migrationPlan(answers: Answers, dataset: Dataset, result: ScoreResult): Plan {
  const target = result.options.find((o) => o.id === result.recommendation.option);
  if (target === undefined) throw new InternalError(`no option ${result.recommendation.option}`);
  const draw = (input: PlanInput) => planOf(input, answers, dataset, result);
  const estate = draw({
    option: target.id,
    from: answers.cluster.currentCni,
    cni: target.cni,
    platforms: answers.cluster.platforms,
    nodes: answers.cluster.nodes,
    migration: target.migration,
    ictProviderHours: target.migration.ictProviderHours,
    contractsNewProvider: target.newIctProviders.names.length > 0,
  });
  if (target.groups === undefined) return estate;
  const groups = target.groups.map((g) => ({
    name: g.name,
    ...draw({
      option: g.option,
      from: g.currentCni as Cni,
      cni: g.cni,
      platforms: [g.platform as PlatformId],
      nodes: g.nodes,
      migration: g.migration,
      ictProviderHours: 0,
      contractsNewProvider: false,
    }),
  }));
  return { ...estate, groups };
}

function planOf(input: PlanInput, answers: Answers, dataset: Dataset, result: ScoreResult): PlanOfPart {
  // The path to the CNI the option runs here: its own, or the one it keeps.
  const vendor = dataset.options.find((o) => o.id === input.option)?.vendor ?? null;
  const path = migrationPathFor(dataset, input.from, input.cni, input.platforms, vendor !== null);
  const maturity = dataset.model.maturityOpsFactor[answers.team.maturity] ?? 1;
  const perNode = result.assumptions.find((a) => a.key === 'migrationHoursPerNode')?.value ?? 0;
  // A path with no node-by-node phase (a rebuild moves workloads, not nodes) does its per-node work in its
  // cluster phases, so its hours are counted there.
  const nodeByNode = path.phases.some((p) => p.part === 'node');
  const { migration } = input;
  const nodeHours =
    migration.cniHours > 0 && nodeByNode
      ? Math.round(perNode * migrationShares(path).node * input.nodes * maturity)
      : 0;
  const hours: Record<MigrationPart, number> = {
    cluster: migration.cniHours - nodeHours,
    node: nodeHours,
    'kube-proxy': migration.kubeProxyHours,
    addons: migration.addonHours,
    mesh: migration.meshHours,
    'ict-provider': input.ictProviderHours,
  };
  // A phase of work this client does not have (kube-proxy kept, nothing added) is left out.
  const phases = path.phases.filter(
    (p) => (p.part !== 'kube-proxy' && p.part !== 'addons') || hours[p.part] > 0,
  );
  if (hours.mesh > 0) phases.push(dataset.meshRetirement);
  // Only contracts the client already holds, extended to the new service: the lighter phase.
  const { phase, extensionPhase } = dataset.model.newIctProvider;
  const ictPhase = input.contractsNewProvider ? phase : extensionPhase;
  if (hours['ict-provider'] > 0) phases.push({ part: 'ict-provider', ...ictPhase });
  return {
    option: input.option,
    from: input.from,
    title: path.title,
    summary: path.summary,
    source: path.source,
    phases: phases.map(({ part, title, steps }) => ({ part, title, steps })),
    caveats: path.caveats.map((c) => ({
      text: c.text,
      appliesToClient:
        c.appliesTo?.includes(input.from) === true &&
        (c.appliesOn === undefined || c.appliesOn.some((p) => input.platforms.includes(p))),
    })),
    effortBasis: path.effort?.basis.trim() ?? null,
    hours,
  };
}

import type { Answers } from '../schema/answers.js';
import type { Dataset, MigrationPart } from '../schema/dataset.js';
import { migrationPathFor, migrationShares } from '../scoring/migration-path.js';
import type { ScoreResult } from '../scoring/score-result.js';
import { InternalError } from '../shared/errors.js';
import type { BuiltResult } from './result-schema.js';

/**
 * The migration to the recommended path: the data's path from the client's CNI to the path's CNI, the phases
 * that have effort for this client (replacing kube-proxy only where the engine replaces it; add-ons only where
 * some are added; retiring the sidecars only where it moves them), and the engine's hours split by part.
 */
export function migrationPlan(
  answers: Answers,
  dataset: Dataset,
  result: ScoreResult,
): BuiltResult['migrationPlan'] {
  const target = result.options.find((o) => o.id === result.recommendation.option);
  if (target === undefined) throw new InternalError(`no option ${result.recommendation.option}`);
  const from = answers.cluster.currentCni;
  // The path to the CNI the option runs for this client: its own, or the client's where it keeps it.
  const vendor = dataset.options.find((o) => o.id === target.id)?.vendor ?? null;
  const path = migrationPathFor(dataset, from, target.cni, answers.cluster.platforms, vendor !== null);

  const maturity = dataset.model.maturityOpsFactor[answers.team.maturity] ?? 1;
  const perNode = result.assumptions.find((a) => a.key === 'migrationHoursPerNode')?.value ?? 0;
  // A path with no node-by-node phase (a rebuild moves workloads, not nodes) does its per-node work in its
  // cluster phases, so its hours are counted there.
  const nodeByNode = path.phases.some((p) => p.part === 'node');
  const nodeHours =
    target.migration.cniHours > 0 && nodeByNode
      ? Math.round(perNode * migrationShares(path).node * answers.cluster.nodes * maturity)
      : 0;
  const hours: Record<MigrationPart, number> = {
    cluster: target.migration.cniHours - nodeHours,
    node: nodeHours,
    'kube-proxy': target.migration.kubeProxyHours,
    addons: target.migration.addonHours,
    mesh: target.migration.meshHours,
    'ict-provider': target.migration.ictProviderHours,
  };
  // A phase of work this client does not have (kube-proxy kept, nothing added) is left out.
  const phases = path.phases.filter(
    (p) => (p.part !== 'kube-proxy' && p.part !== 'addons') || hours[p.part] > 0,
  );
  if (hours.mesh > 0) phases.push(dataset.meshRetirement);
  if (hours['ict-provider'] > 0) phases.push({ part: 'ict-provider', ...dataset.model.newIctProvider.phase });
  return {
    option: target.id,
    from,
    title: path.title,
    summary: path.summary,
    source: path.source,
    phases: phases.map(({ part, title, steps }) => ({ part, title, steps })),
    caveats: path.caveats.map((c) => ({
      text: c.text,
      appliesToClient: c.appliesTo?.includes(from) === true,
    })),
    effortBasis: path.effort?.basis.trim() ?? null,
    hours,
  };
}

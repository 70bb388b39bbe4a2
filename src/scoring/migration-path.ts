import type { Dataset, MigrationPath } from '../schema/dataset.js';
import { InternalError } from '../shared/errors.js';
import type { Cni, Situation } from './derive-situation.js';

/**
 * The migration a path takes from the client's CNI to the one it runs: the provider's own (AKS's in-place data-plane
 * update) where the path runs the platform's build, with no vendor of its own, on one of the client's platforms;
 * otherwise the path that holds on any platform.
 */
export function migrationPathFor(
  dataset: Dataset,
  from: Cni,
  toCni: string,
  platforms: Situation['cluster']['platforms'],
  ownVendor: boolean,
): MigrationPath {
  const paths = dataset.migrations.filter((m) => m.toCni === toCni && m.from.includes(from));
  const providers = ownVendor
    ? undefined
    : paths.find((m) => m.platforms?.some((p) => platforms.includes(p)) === true);
  const path = providers ?? paths.find((m) => m.platforms === undefined);
  if (path === undefined) throw new InternalError(`no migration path from ${from} to ${toCni}`);
  return path;
}

/** The shares of the default per-cluster and per-node migration effort the path takes. */
export function migrationShares(path: MigrationPath): { cluster: number; node: number } {
  return { cluster: path.effort?.clusterShare ?? 1, node: path.effort?.nodeShare ?? 1 };
}

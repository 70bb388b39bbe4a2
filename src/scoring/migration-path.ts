import type { Dataset, MigrationPath } from '../schema/dataset.js';
import { InternalError } from '../shared/errors.js';
import type { Cni, Situation } from './derive-situation.js';

/**
 * The migration a path takes from the client's CNI to the one it runs: the one a client's platform has for the build
 * the path runs (the provider's own in-place update where the path has no vendor of its own; a rebuild where GKE
 * takes a vendor's Cilium only on new clusters); otherwise the path that holds on any platform.
 */
export function migrationPathFor(
  dataset: Dataset,
  from: Cni,
  toCni: string,
  platforms: Situation['cluster']['platforms'],
  ownVendor: boolean,
): MigrationPath {
  const paths = dataset.migrations.filter((m) => m.toCni === toCni && m.from.includes(from));
  const build = ownVendor ? 'own' : 'provider';
  const onPlatform = paths.find(
    (m) => m.builds === build && m.platforms?.some((p) => platforms.includes(p)) === true,
  );
  const path = onPlatform ?? paths.find((m) => m.platforms === undefined);
  if (path === undefined) throw new InternalError(`no migration path from ${from} to ${toCni}`);
  return path;
}

/** The shares of the default per-cluster and per-node migration effort the path takes. */
export function migrationShares(path: MigrationPath): { cluster: number; node: number } {
  return { cluster: path.effort?.clusterShare ?? 1, node: path.effort?.nodeShare ?? 1 };
}

import type { Answers } from '../schema/answers.js';
import {
  type Addon,
  CAPABILITY_IDS,
  type CapabilityId,
  type Dataset,
  type Footprint,
  type OptionData,
  type OptionId,
  type SupportLevel,
} from '../schema/dataset.js';
import { InternalError } from '../shared/errors.js';
import { isRequired, type Need } from './derive-needs.js';

/** How one option meets one capability for this client. */
export interface CapabilityFit {
  readonly capability: CapabilityId;
  readonly level: SupportLevel;
  /** The level the option could reach; differs from `level` when the add-ons that reach it are not in the stack. */
  readonly possibleLevel: SupportLevel;
  readonly addons: readonly string[];
  readonly note: string;
  readonly source: string;
}

/** What an option would run for this client: the structural half of the model, independent of prices. */
export interface Plan {
  readonly option: OptionData;
  readonly addons: readonly Addon[];
  /** Add-ons new to the team (the mesh already in use is not). */
  readonly newAddons: readonly Addon[];
  readonly extras: readonly { component: string; perNode: Footprint; source: string }[];
  readonly components: readonly string[];
  readonly fits: Record<CapabilityId, CapabilityFit>;
  readonly migratesCni: boolean;
  /** Cilium's mesh takes over from the mesh in use: most sidecars and that share of the mesh's upkeep go. */
  readonly removesSidecars: boolean;
}

function resolveAddon(id: string, answers: Answers, dataset: Dataset): Addon {
  const resolved = id === 'mesh' ? (answers.mesh.current === 'none' ? 'istio-ambient' : 'existing-mesh') : id;
  const addon = dataset.addons.find((a) => a.id === resolved);
  if (addon === undefined) throw new InternalError(`add-on ${resolved} missing from data`);
  return addon;
}

function optionData(dataset: Dataset, id: OptionId): OptionData {
  const option = dataset.options.find((o) => o.id === id);
  if (option === undefined) throw new InternalError(`option ${id} missing from data`);
  return option;
}

/** The option's stack for these needs: Flannel pulls in an add-on for each must or should it cannot meet alone. */
export function buildPlan(
  id: OptionId,
  answers: Answers,
  needs: Record<CapabilityId, Need>,
  dataset: Dataset,
): Plan {
  const option = optionData(dataset, id);
  const addonIds = new Set<string>();
  const fits = {} as Record<CapabilityId, CapabilityFit>;
  for (const capability of CAPABILITY_IDS) {
    const data = dataset.capabilities.find((c) => c.id === capability);
    if (data === undefined) throw new InternalError(`capability ${capability} missing from data`);
    const support = data.support[id];
    const wanted = isRequired(needs[capability].importance);
    if (wanted) for (const a of support.addons) addonIds.add(a);
    const reached = support.addons.length === 0 || wanted;
    fits[capability] = {
      capability,
      level: reached ? support.level : 'none',
      possibleLevel: support.level,
      addons: reached ? support.addons.map((a) => resolveAddon(a, answers, dataset).name) : [],
      note: support.note,
      source: support.source,
    };
  }
  const addons = [...addonIds].map((a) => resolveAddon(a, answers, dataset));
  const extras = option.extras
    .filter((e) => isRequired(needs[e.capability].importance))
    .map(({ component, perNode, source }) => ({ component, perNode, source }));
  return {
    option,
    addons,
    newAddons: addons.filter((a) => a.id !== 'existing-mesh'),
    extras,
    components: [
      ...option.components,
      ...addons.flatMap((a) => a.components),
      ...extras.map((e) => e.component),
    ],
    fits,
    migratesCni: option.cni !== answers.cluster.currentCni,
    removesSidecars: option.removesSidecars && answers.mesh.current !== 'none',
  };
}

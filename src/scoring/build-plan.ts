import {
  type Addon,
  CAPABILITY_IDS,
  type CapabilityId,
  type Caveat,
  type CloudEncryption,
  type CniSupport,
  type Dataset,
  type Footprint,
  type MigrationPath,
  type OptionData,
  type OptionId,
  SUPPORT_LEVELS,
  type SupportLevel,
} from '../schema/dataset.js';
import { CNI_NAMES } from '../schema/display-names.js';
import { InternalError } from '../shared/errors.js';
import { fipsText } from '../words/fips-text.js';
import type { GroupStayFact } from '../words/group-stay-text.js';
import { meetsAMust } from './capability-fit.js';
import { isRequired, type Need } from './derive-needs.js';
import type { Cni, Situation } from './derive-situation.js';
import type { EstateSlice } from './estate-groups.js';
import { composeEstatePlan } from './estate-plan.js';
import { migrationPathFor } from './migration-path.js';
import { vendorSupportOn } from './vendor-support.js';

/** How one option meets one capability for this client. */
export interface CapabilityFit {
  readonly capability: CapabilityId;
  readonly level: SupportLevel;
  /** The level the option reaches with its add-ons; differs from `level` when they are not in the stack. */
  readonly possibleLevel: SupportLevel;
  readonly addons: readonly string[];
  readonly note: string;
  readonly source: string;
  readonly caveat?: Caveat;
  /** For an estate whose groups reach the capability at different levels: each group's, in the groups' order. */
  readonly groups?: readonly {
    readonly group: string;
    readonly level: SupportLevel;
    readonly via: readonly string[];
  }[];
}

/** What the client asked an option's stack to include beyond its musts. */
export interface StackChoice {
  /** Should and nice needs whose add-ons are in the stack. */
  readonly optional: ReadonlySet<CapabilityId>;
  /** Today's sidecars move to a sidecar-free mesh (Istio ambient) on this path. */
  readonly movesSidecars: boolean;
  /**
   * Add-ons the stack is built around (a commercial edition of the CNI): every wanted capability one of them meets,
   * at no lower a level than the data's first way, is met through them rather than through other projects.
   */
  readonly prefer: ReadonlySet<string>;
}

export const MUSTS_ONLY: StackChoice = { optional: new Set(), movesSidecars: false, prefer: new Set() };

/** A platform of the client's that does not allow the option's CNI. */
export interface Exclusion {
  readonly platform: string;
  readonly note: string;
  readonly source: string;
}

/** What an option would run for this client: the structural half of the model, independent of prices. */
export interface Plan {
  readonly option: OptionData;
  /** The CNI the option runs for this client: its own, or the client's current one where it keeps it. */
  readonly cni: Cni;
  readonly keepsCurrentCni: boolean;
  readonly addons: readonly Addon[];
  /** Add-ons new to the team (the mesh already in use is not). */
  readonly newAddons: readonly Addon[];
  readonly extras: readonly { component: string; perNode: Footprint; source: string }[];
  readonly components: readonly string[];
  /** Components the team does not run today: what it must learn, change and run new. */
  readonly newComponents: readonly string[];
  readonly fits: Record<CapabilityId, CapabilityFit>;
  readonly migratesCni: boolean;
  /** What the clusters run today, by the name their provider gives it (GKE Dataplane V2), else the CNI's. */
  readonly currentName: string;
  /** The data's migration from the client's CNI to the one this path runs (for an estate, its lead group's). */
  readonly migrationPath: MigrationPath;
  /** The share of the CNI's own upkeep left to the team: less than 1 where the provider runs the agent. */
  readonly upkeepShare: number;
  /** Services are handled without kube-proxy on this path. */
  readonly replacesKubeProxy: boolean;
  /** kube-proxy is running today and this path removes it: a rollout of its own. */
  readonly removesKubeProxy: boolean;
  /** The team learns an eBPF data plane it does not run today. */
  readonly learnsEbpf: boolean;
  readonly choice: StackChoice;
  readonly excludedBy: readonly Exclusion[];
  /** For an estate of several groups: the path each group takes, which the figures above sum up or combine. */
  readonly groups?: readonly GroupPath[];
}

/** One group's part of an estate's path: the option it runs there (the path itself, or the group's own stay). */
export interface GroupPath {
  readonly slice: EstateSlice;
  readonly plan: Plan;
  /** Why the group stays on its own CNI on this path, when it does not take the path's CNI. */
  readonly stays: GroupStayFact | null;
}

/** The add-on an id names for this client (`mesh`: the mesh it runs, else the data's mesh of its own). */
export function resolveAddon(id: string, situation: Pick<Situation, 'mesh'>, dataset: Dataset): Addon {
  const resolved =
    id === 'mesh' ? (situation.mesh.current === 'none' ? 'istio-ambient' : 'existing-mesh') : id;
  const addon = dataset.addons.find((a) => a.id === resolved);
  if (addon === undefined) throw new InternalError(`add-on ${resolved} missing from data`);
  return addon;
}

function optionData(dataset: Dataset, id: OptionId): OptionData {
  const option = dataset.options.find((o) => o.id === id);
  if (option === undefined) throw new InternalError(`option ${id} missing from data`);
  return option;
}

/** Whether the option is a path for a client on `current`: one that only keeps CNIs is a path for their clients. */
export function offeredTo(option: OptionData, current: Cni): boolean {
  return !option.keepsOnly || option.keepsCurrentCni.includes(current);
}

/**
 * The options that are paths for this client, in the data's order. For an estate of groups: those some group takes,
 * where every other group can stay on what it runs (a path no group takes would only repeat staying).
 */
export function offeredOptions(dataset: Dataset, situation: Situation): OptionData[] {
  const slices = situation.groups;
  if (slices.length === 0) return dataset.options.filter((o) => offeredTo(o, situation.cluster.currentCni));
  return dataset.options.filter(
    (o) =>
      slices.some((sl) => takenBy(dataset, o, sl.situation)) &&
      slices.every(
        (sl) => takenBy(dataset, o, sl.situation) || stayOption(dataset, sl.group.currentCni) !== undefined,
      ),
  );
}

/** Whether a group (the situation of one group) takes the option: it is offered there and its platform allows it. */
function takenBy(dataset: Dataset, option: OptionData, situation: Situation): boolean {
  return (
    offeredTo(option, situation.cluster.currentCni) && exclusionOn(dataset, option, situation) === undefined
  );
}

/** The option that keeps a CNI as it is, with no subscription to buy; none for a CNI no path keeps (Weave Net). */
export function stayOption(dataset: Dataset, cni: Cni): OptionData | undefined {
  return dataset.options.find(
    (o) => o.vendor === null && offeredTo(o, cni) && (o.keepsCurrentCni.includes(cni) || o.cni === cni),
  );
}

/** The platform rule that does not let a group run the option's CNI, if any. */
function exclusionOn(dataset: Dataset, option: OptionData, situation: Situation) {
  const cni = option.keepsCurrentCni.includes(situation.cluster.currentCni)
    ? situation.cluster.currentCni
    : option.cni;
  return situation.cluster.platforms.flatMap((p) => {
    const platform = dataset.platforms.find((x) => x.id === p);
    const rule = platform?.excludes.find((e) => e.cni === cni);
    return rule === undefined || platform === undefined ? [] : [{ platform, rule }];
  })[0];
}

const fillCni = (template: string | undefined, fallback: string, cni: Cni) =>
  (template ?? fallback).replaceAll('{cni}', CNI_NAMES[cni]);

/**
 * The CNI an option runs for this client and, where it keeps the client's own (another CNI than the option's), that
 * CNI's own footprint, kube-proxy replacement and short name from what runs today.
 */
function resolveOption(
  option: OptionData,
  current: Cni,
  dataset: Dataset,
): { option: OptionData; cni: Cni; kept: boolean; keptOther: boolean } {
  if (!option.keepsCurrentCni.includes(current)) {
    if (option.cni === undefined) throw new InternalError(`option ${option.id} is no path from ${current}`);
    return { option, cni: option.cni, kept: option.cni === current, keptOther: false };
  }
  const today = dataset.currentStacks.find((s) => s.cni === current);
  return {
    option: {
      ...option,
      short: fillCni(option.shortWhenKept, option.short, current),
      perNode: today?.perNode ?? option.perNode,
      perNodeSource: today?.perNodeSource ?? option.perNodeSource,
      replacesKubeProxy: today?.replacesKubeProxy ?? option.replacesKubeProxy,
      ebpfDataPlane: today?.kubeProxyReplacementIsEbpf ?? option.ebpfDataPlane,
    },
    cni: current,
    kept: true,
    keptOther: true,
  };
}

/** How the option supports a capability on the CNI it runs for this client. */
export function supportFor(dataset: Dataset, capability: CapabilityId, id: OptionId, cni: Cni): CniSupport {
  const data = dataset.capabilities.find((c) => c.id === capability);
  if (data === undefined) throw new InternalError(`capability ${capability} missing from data`);
  const support = data.support[id];
  if (support === undefined)
    throw new InternalError(`capability ${capability} has no entry for option ${id}`);
  return support.byCni?.[cni] ?? support;
}

/**
 * How the option reaches a capability for this client: the platform's own build of the CNI where the path has no
 * vendor of its own (AKS's managed Cilium needs ACNS for L7 policy), else the option's entry for the CNI; inside a
 * service mesh, the entry's meshed way where the data gives one.
 */
export function supportOn(
  dataset: Dataset,
  situation: Situation,
  option: OptionData,
  cni: Cni,
  capability: CapabilityId,
): CniSupport {
  const support =
    (option.vendor === null ? platformBuild(dataset, situation, cni, capability) : undefined) ??
    supportFor(dataset, capability, option.id, cni);
  return situation.mesh.current !== 'none' && support.inMesh !== undefined
    ? { ...support, ...support.inMesh, without: 'none', alternatives: [] }
    : support;
}

/** One way an option reaches a capability: its data entry, or one of the entry's alternatives. */
type Way = Pick<CniSupport, 'level' | 'addons' | 'note' | 'source' | 'caveat' | 'fips'>;

const levelRank = (level: SupportLevel) => SUPPORT_LEVELS.indexOf(level);
const within = (way: Way, ids: ReadonlySet<string>) => way.addons.every((a) => ids.has(a));

/**
 * The way a wanted capability is met: the highest level among the entry and the alternatives whose add-ons the stack
 * has or is built around (`pool`); on a tie, one already in the pool, then the data's order.
 */
function chooseWay(support: CniSupport, pool: ReadonlySet<string>): Way {
  const ways = [support, ...support.alternatives].filter((w, i) => i === 0 || within(w, pool));
  return ways.reduce((best, w) => {
    const gain = levelRank(w.level) - levelRank(best.level);
    return gain > 0 || (gain === 0 && within(w, pool) && !within(best, pool)) ? w : best;
  });
}

/** The best way whose add-ons are all in the stack, if any: what the option reaches as built. */
function reachedWay(support: CniSupport, addonIds: ReadonlySet<string>): Way | undefined {
  return [support, ...support.alternatives]
    .filter((w) => within(w, addonIds))
    .reduce<Way | undefined>(
      (best, w) => (best === undefined || levelRank(w.level) > levelRank(best.level) ? w : best),
      undefined,
    );
}

/** The highest level any way reaches, with its add-ons. */
function bestLevel(support: CniSupport): SupportLevel {
  return [support, ...support.alternatives].reduce<SupportLevel>(
    (best, w) => (levelRank(w.level) > levelRank(best) ? w.level : best),
    'none',
  );
}

/**
 * The encryption the clouds of a group's nodes apply between instances, where every one of them does (an on-premises
 * node is covered by none): the lowest level, with each cloud's note, and the larger of their risks.
 */
function cloudEncryptionOn(
  dataset: Dataset,
  clouds: readonly Situation['cluster']['clouds'][number][],
): Way | undefined {
  const entries = clouds.map((c) => dataset.cloudEncryption.find((e) => e.cloud === c));
  if (entries.length === 0 || entries.some((e) => e === undefined)) return undefined;
  const found = entries as CloudEncryption[];
  const lowest = found.reduce((a, b) => (levelRank(b.level) < levelRank(a.level) ? b : a));
  const caveats = found.flatMap((e) => (e.caveat === undefined ? [] : [e.caveat]));
  const caveat = caveats.reduce<Caveat | undefined>(
    (a, b) => (a === undefined || b.penalty > a.penalty ? b : a),
    undefined,
  );
  return {
    level: lowest.level,
    addons: [],
    note: found.map((e) => e.note.trim()).join(' '),
    source: [...new Set(found.map((e) => e.source.trim()))].join(' ; '),
    fips: lowest.fips,
    ...(caveat === undefined ? {} : { caveat }),
  };
}

/**
 * The capability as the platform's own build of the CNI reaches it, where the platform's data says so (K3s's Flannel
 * enforces NetworkPolicy with its embedded controller): the first of the group's platforms that does.
 */
function platformBuild(
  dataset: Dataset,
  situation: Situation,
  cni: Cni,
  capability: CapabilityId,
): CniSupport | undefined {
  return platformEntries(dataset, situation, cni)
    .map((e) => e.capabilities[capability])
    .find((own) => own !== undefined);
}

/** What the client's platforms say of their own build of the CNI, where the client's nodes are (in their order). */
function platformEntries(dataset: Dataset, situation: Situation, cni: Cni) {
  return situation.cluster.platforms.flatMap((id) => {
    const entry = dataset.platforms
      .find((p) => p.id === id)
      ?.supports.find(
        (s) =>
          s.cni === cni &&
          (s.clouds === undefined || s.clouds.some((c) => situation.cluster.clouds.includes(c))),
      );
    return entry === undefined ? [] : [entry];
  });
}

/**
 * The provider's name for its own build of the CNI, where the client's platforms run it as their offer (Azure CNI
 * Powered by Cilium, with Advanced Container Networking Services where that is among the add-ons; GKE Dataplane V2):
 * only where every platform of the group gives the same offer; null elsewhere.
 */
export function providerOffer(
  dataset: Dataset,
  situation: Situation,
  cni: Cni,
  addonIds: ReadonlySet<string> = new Set(),
): { readonly name: string; readonly short: string } | null {
  const entries = platformEntries(dataset, situation, cni);
  const offer = entries[0]?.offer;
  const same =
    entries.length === situation.cluster.platforms.length &&
    entries.every((e) => e.offer?.name === offer?.name);
  if (offer === undefined || !same) return null;
  const named = offer.withAddons.find((v) => v.addons.every((a) => addonIds.has(a))) ?? offer;
  return { name: named.name, short: named.short };
}

/** A path with no vendor of its own is, on a platform that runs the CNI itself, the provider's offer, by its name. */
function namedForOffer(
  option: OptionData,
  dataset: Dataset,
  situation: Situation,
  cni: Cni,
  addonIds: ReadonlySet<string>,
): OptionData {
  if (option.vendor !== null) return option;
  const named = providerOffer(dataset, situation, cni, addonIds);
  return named === null ? option : { ...option, name: named.name, short: named.short };
}

/** The client's platforms, as the data describes them. */
function platformsOf(dataset: Dataset, situation: Situation) {
  return dataset.platforms.filter((p) => situation.cluster.platforms.includes(p.id));
}

/** Add-on sets a stack can be built around on this option and CNI for this client: each alternative's, once. */
export function preferableSets(
  dataset: Dataset,
  situation: Situation,
  option: OptionData,
  cni: Cni,
): string[][] {
  const sets = new Map<string, string[]>();
  for (const capability of CAPABILITY_IDS) {
    for (const way of supportOn(dataset, situation, option, cni, capability).alternatives) {
      sets.set([...way.addons].sort().join('+'), way.addons);
    }
  }
  return [...sets.values()];
}

/** Whether any way of meeting the capability needs an add-on. */
export function takesAddons(support: CniSupport): boolean {
  return support.addons.length > 0 || support.alternatives.some((w) => w.addons.length > 0);
}

/** Components the team runs today: its CNI's, kube-proxy unless already replaced, and its mesh. */
export function currentComponents(
  situation: Pick<Situation, 'cluster' | 'mesh'>,
  dataset: Dataset,
): Set<string> {
  const { cluster, mesh } = situation;
  const stack = dataset.currentStacks.find((s) => s.cni === cluster.currentCni)?.components ?? [];
  const known = new Set(stack.filter((c) => c !== 'kube-proxy' || cluster.kubeProxyMode !== 'none'));
  if (mesh.current !== 'none') {
    for (const c of resolveAddon('mesh', situation, dataset).components) known.add(c);
  }
  if (dataset.sidecarFreeMove.meshes.includes(mesh.current)) {
    for (const c of dataset.sidecarFreeMove.sharedComponents) known.add(c);
  }
  return known;
}

/**
 * How strongly FIPS 140-validated cryptography is asked for: required where answered; where a framework implies it
 * (FedRAMP), as the data says for the client's impact level (recommended at Moderate, required at High); else not.
 */
export function fipsLevel(compliance: Situation['compliance'], dataset: Dataset): 'must' | 'should' | null {
  if (compliance.fips) return 'must';
  const framework = compliance.frameworks.some((f) => dataset.model.fipsFrameworks.includes(f));
  return framework ? dataset.model.fipsByImpact[compliance.fedrampImpact] : null;
}

/**
 * Encryption where FIPS 140-3 validated cryptography is required. FIPS validates the module that encrypts, not the
 * CNI: a cipher FIPS does not approve meets the need only in part; one that can run in a validated module (IPsec in
 * a FIPS kernel) meets it once the vendor and the assessor confirm the module, a risk until they do; a validated
 * build (the option's own, or the data's) meets it.
 */
function underFips(
  fit: CapabilityFit,
  wayFips: CniSupport['fips'],
  validatedBuild: boolean,
  dataset: Dataset,
): CapabilityFit {
  const fips = validatedBuild ? undefined : wayFips;
  const status = validatedBuild ? 'validated' : (fips?.status ?? 'not-approved');
  const source = [fit.source, fips?.source ?? dataset.model.fipsFrameworksSource].join(' ; ');
  const text = fipsText({ status, note: fips?.note ?? null });
  if (status === 'not-approved') return { ...fit, level: 'partial', note: `${fit.note} ${text}`, source };
  if (status === 'validated') return { ...fit, note: `${fit.note} ${text}`, source };
  return {
    ...fit,
    note: `${fit.note} ${text}`,
    source,
    caveat: { id: 'fips-confirm', penalty: fips?.penalty ?? 0, text },
  };
}

/**
 * Encryption where FIPS 140-3 validated cryptography is recommended, not required (FedRAMP Moderate): the need is met
 * as the encryption meets it; where no validated module is confirmed, the data's risk says the choice must be
 * documented, beside any risk the encryption already carries.
 */
function recommendedFips(
  fit: CapabilityFit,
  wayFips: CniSupport['fips'],
  validatedBuild: boolean,
  dataset: Dataset,
): CapabilityFit {
  if (validatedBuild || wayFips?.status === 'validated') return fit;
  const risk = dataset.model.fipsRecommended;
  const caveat =
    fit.caveat === undefined
      ? risk
      : {
          id: `${fit.caveat.id}+${risk.id}`,
          penalty: fit.caveat.penalty + risk.penalty,
          text: `${fit.caveat.text} ${risk.text}`,
        };
  const source = [fit.source, dataset.model.fipsByImpact.source].join(' ; ');
  return { ...fit, source, caveat };
}

/**
 * The option's stack for these needs: the add-ons every must needs, those the choice adds for should and nice
 * needs, the mesh already in use (which every path keeps running), and the sidecar-free move when chosen. For an
 * estate of groups, each group takes the path where it is offered and its platform allows it, and otherwise stays
 * on what it runs (the VPC CNI on EKS's own nodes beside Cilium on premises); the estate's plan combines them.
 */
export function buildPlan(
  id: OptionId,
  situation: Situation,
  needs: Record<CapabilityId, Need>,
  dataset: Dataset,
  choice: StackChoice = MUSTS_ONLY,
): Plan {
  const slices = situation.groups;
  if (slices.length === 0) return buildGroupPlan(id, situation, needs, dataset, choice);
  const option = optionData(dataset, id);
  const parts = slices.map((slice): GroupPath => {
    const cni = slice.group.currentCni;
    const stay = stayOption(dataset, cni);
    const excluded = exclusionOn(dataset, option, slice.situation);
    const takes = offeredTo(option, cni) && (excluded === undefined || stay === undefined);
    const runs = takes || stay === undefined ? id : stay.id;
    const group = slice.group.name;
    const plan = buildGroupPlan(runs, slice.situation, needs, dataset, choice);
    const current = plan.currentName;
    const stays: GroupStayFact | null = takes
      ? null
      : excluded === undefined
        ? { kind: 'keeps-only-others', params: { group, cni, current } }
        : {
            kind: 'platform-excludes',
            params: { platform: excluded.platform.name, note: excluded.rule.note, group, cni, current },
          };
    return { slice, plan, stays };
  });
  return composeEstatePlan(option, parts, dataset);
}

/** The option's stack on one group (or on an estate described as one). */
export function buildGroupPlan(
  id: OptionId,
  situation: Situation,
  needs: Record<CapabilityId, Need>,
  dataset: Dataset,
  choice: StackChoice = MUSTS_ONLY,
): Plan {
  const current = situation.cluster.currentCni;
  const {
    option: resolved,
    cni,
    kept: sameCni,
    keptOther,
  } = resolveOption(optionData(dataset, id), current, dataset);
  const migrationPath = migrationPathFor(
    dataset,
    current,
    cni,
    situation.cluster.platforms,
    resolved.vendor !== null,
  );
  // The same CNI on a platform that takes this build only on new clusters (a vendor's Cilium on GKE) is not kept.
  const kept = sameCni && !migrationPath.rebuild;
  const supports = {} as Record<CapabilityId, CniSupport>;
  for (const capability of CAPABILITY_IDS) {
    supports[capability] = supportOn(dataset, situation, resolved, cni, capability);
  }
  const movesSidecars = choice.movesSidecars && situation.canMoveSidecars;
  const addonIds = stackAddonIds(supports, situation, needs, dataset, choice, movesSidecars);
  const resolvedIds = new Set([...addonIds].map((a) => resolveAddon(a, situation, dataset).id));
  const addons = dataset.addons.filter((a) => resolvedIds.has(a.id));
  const fits = pathFits(supports, addonIds, resolved, cni, kept, situation, dataset);
  const extras = resolved.extras
    .filter((e) => needs[e.capability].importance === 'must' || choice.optional.has(e.capability))
    .map(({ component, perNode, source }) => ({ component, perNode, source }));
  // A path that keeps today's CNI replaces kube-proxy only where that is already done or the client needs it:
  // staying must not smuggle in a rollout nobody asked for.
  const kubeProxyWanted =
    situation.cluster.kubeProxyMode === 'none' || isRequired(needs.kubeProxyReplacement.importance);
  const replacesKubeProxy = resolved.replacesKubeProxy && (!kept || kubeProxyWanted);
  const own = kept
    ? (dataset.currentStacks.find((s) => s.cni === cni)?.components ?? resolved.components)
    : resolved.components;
  const stack = stackComponents(own, replacesKubeProxy, addons, extras);
  // New clusters are built without kube-proxy where the path replaces it: nothing runs yet to remove.
  // Nor where the provider's own update takes it off the nodes.
  const removesKubeProxy =
    replacesKubeProxy &&
    situation.cluster.kubeProxyMode !== 'none' &&
    current !== 'none' &&
    migrationPath.providerRemovesKubeProxy === undefined;
  const newAddons = addons.filter((a) => a.id !== 'existing-mesh');
  const option: OptionData = keptOther
    ? keptOptionNamed(resolved, cni, newAddons.length > 0, replacesKubeProxy)
    : namedForOffer(resolved, dataset, situation, cni, resolvedIds);
  return {
    option,
    cni,
    keepsCurrentCni: kept,
    addons,
    newAddons,
    extras,
    components: stack,
    newComponents: stack.filter((c) => !situation.runsToday.has(c)),
    fits,
    migratesCni: current !== 'none' && !kept,
    currentName: providerOffer(dataset, situation, current)?.name ?? CNI_NAMES[current],
    migrationPath,
    upkeepShare:
      resolved.vendor === null
        ? (platformEntries(dataset, situation, cni).find((e) => e.upkeep !== undefined)?.upkeep?.share ?? 1)
        : 1,
    replacesKubeProxy,
    removesKubeProxy,
    learnsEbpf: keptOther ? option.ebpfDataPlane && removesKubeProxy : option.ebpfDataPlane && !kept,
    choice: { optional: choice.optional, movesSidecars, prefer: choice.prefer },
    excludedBy: excludedOn(dataset, situation, cni),
  };
}

/**
 * The add-ons (as the data names them) the stack takes: the mesh in use, those a wanted capability can be met only
 * one way with (whatever else is chosen), the way each other wanted capability is met (through add-ons already in
 * the stack where they can, or those it is built around), and the sidecar-free move when the path makes it.
 */
function stackAddonIds(
  supports: Record<CapabilityId, CniSupport>,
  situation: Situation,
  needs: Record<CapabilityId, Need>,
  dataset: Dataset,
  choice: StackChoice,
  movesSidecars: boolean,
): Set<string> {
  const addonIds = new Set<string>();
  if (situation.mesh.current !== 'none') addonIds.add('mesh');
  const wanted = CAPABILITY_IDS.filter((c) => needs[c].importance === 'must' || choice.optional.has(c)).map(
    (c) => supports[c],
  );
  for (const support of wanted) {
    if (support.alternatives.length === 0) for (const a of support.addons) addonIds.add(a);
  }
  const pool = new Set([...addonIds, ...choice.prefer]);
  for (const support of wanted) for (const a of chooseWay(support, pool).addons) addonIds.add(a);
  if (movesSidecars) addonIds.add(dataset.sidecarFreeMove.addon);
  return addonIds;
}

/**
 * How the path meets each capability with these add-ons; then encryption the clouds apply, FIPS where the client
 * needs or is advised to have it, and the vendors' support on the client's platforms, each where it changes the fit.
 */
function pathFits(
  supports: Record<CapabilityId, CniSupport>,
  addonIds: ReadonlySet<string>,
  resolved: OptionData,
  cni: Cni,
  kept: boolean,
  situation: Situation,
  dataset: Dataset,
): Record<CapabilityId, CapabilityFit> {
  const fits = {} as Record<CapabilityId, CapabilityFit>;
  const ways = {} as Record<CapabilityId, Way | undefined>;
  for (const capability of CAPABILITY_IDS) {
    const support = supports[capability];
    const way = reachedWay(support, addonIds);
    ways[capability] = way;
    const shown = way ?? support;
    // A risk of changing what runs today is no risk of a path that installs the CNI fresh.
    const caveat = shown.caveat?.onlyWhereKept === true && !kept ? undefined : shown.caveat;
    fits[capability] = {
      capability,
      level: way?.level ?? support.without,
      possibleLevel: bestLevel(support),
      addons: way === undefined ? [] : way.addons.map((a) => resolveAddon(a, situation, dataset).name),
      note: shown.note,
      source: shown.source,
      ...(caveat === undefined ? {} : { caveat }),
    };
  }
  // Encryption the cloud applies between instances counts where it goes further than the CNI's own.
  const cloud = cloudEncryptionOn(dataset, situation.cluster.clouds);
  if (cloud !== undefined && levelRank(cloud.level) > levelRank(fits.encryption.level)) {
    fits.encryption = cloudEncryptionFit(fits.encryption, cloud);
    ways.encryption = cloud;
  }
  const fips = situation.fips;
  if (fips !== null && meetsAMust(fits.encryption.level)) {
    // The option's own validated build counts only where its own encryption is the way the need is met.
    const own = ways.encryption === supports.encryption;
    const validated = own && resolved.fipsValidatedBuild;
    fits.encryption =
      fips === 'must'
        ? underFips(fits.encryption, ways.encryption?.fips, validated, dataset)
        : recommendedFips(fits.encryption, ways.encryption?.fips, validated, dataset);
  }
  if (resolved.vendor === null) withPlatformSupport(fits, cni, situation, dataset);
  return fits;
}

/** The encryption fit where the clouds' own encryption between instances goes further than the CNI's. */
function cloudEncryptionFit(fit: CapabilityFit, cloud: Way): CapabilityFit {
  const { caveat: _, ...rest } = fit;
  return {
    ...rest,
    level: cloud.level,
    possibleLevel: levelRank(cloud.level) > levelRank(rest.possibleLevel) ? cloud.level : rest.possibleLevel,
    addons: [],
    note: cloud.note,
    source: cloud.source,
    ...(cloud.caveat === undefined ? {} : { caveat: cloud.caveat }),
  };
}

/**
 * A path with no vendor of its own: the support the client's platforms give its CNI, and, where FIPS is required,
 * a platform's build of a CNI it does not build for FIPS as a risk of the whole path.
 */
function withPlatformSupport(
  fits: Record<CapabilityId, CapabilityFit>,
  cni: Cni,
  situation: Situation,
  dataset: Dataset,
): void {
  const onPlatforms = vendorSupportOn(dataset, situation.cluster.platforms, cni, situation.cluster.clouds);
  if (onPlatforms !== null) fits.vendorSupport = { ...fits.vendorSupport, ...onPlatforms };
  const unbuilt = platformsOf(dataset, situation).find(
    (p) => p.fipsBuilds !== undefined && !p.fipsBuilds.cnis.includes(cni),
  )?.fipsBuilds;
  if (situation.fips === 'must' && unbuilt !== undefined) {
    fits.podNetworking = {
      ...fits.podNetworking,
      source: `${fits.podNetworking.source} ; ${unbuilt.source}`,
      caveat: unbuilt.caveat,
    };
  }
}

/** What the path runs, each component once: the CNI's own (less kube-proxy where it is replaced), the add-ons', the extras. */
function stackComponents(
  own: readonly string[],
  replacesKubeProxy: boolean,
  addons: readonly Addon[],
  extras: Plan['extras'],
): string[] {
  return [
    ...new Set([
      ...own.filter((c) => c !== 'kube-proxy' || !replacesKubeProxy),
      ...addons.flatMap((a) => a.components),
      ...extras.map((e) => e.component),
    ]),
  ];
}

/** The client's platforms that do not allow this CNI, with their reasons. */
function excludedOn(dataset: Dataset, situation: Situation, cni: Cni): Exclusion[] {
  return situation.cluster.platforms.flatMap((p) => {
    const platform = dataset.platforms.find((x) => x.id === p);
    const rule = platform?.excludes.find((e) => e.cni === cni);
    return rule === undefined || platform === undefined
      ? []
      : [{ platform: platform.name, note: rule.note, source: rule.source }];
  });
}

/**
 * A kept CNI is named for what the path does to it: stays as it is, or gets add-ons; its eBPF data plane, where it
 * has one, runs only where it replaces kube-proxy (Calico's), and is new to the team where that is switched on.
 */
function keptOptionNamed(
  resolved: OptionData,
  cni: Cni,
  addsAddons: boolean,
  replacesKubeProxy: boolean,
): OptionData {
  return {
    ...resolved,
    name: fillCni(
      addsAddons ? (resolved.nameWhenKeptWithAddons ?? resolved.nameWhenKept) : resolved.nameWhenKept,
      resolved.name,
      cni,
    ),
    replacesKubeProxy,
    ebpfDataPlane: resolved.ebpfDataPlane && replacesKubeProxy,
  };
}

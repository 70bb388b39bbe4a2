import {
  type Addon,
  CAPABILITY_IDS,
  type CapabilityId,
  type Caveat,
  type Dataset,
  type OptionData,
  SUPPORT_LEVELS,
} from '../schema/dataset.js';
import { InternalError } from '../shared/errors.js';
import type { CapabilityFit, GroupPath, Plan } from './build-plan.js';

const rank = (fit: CapabilityFit) => SUPPORT_LEVELS.indexOf(fit.level);
const possibleRank = (fit: CapabilityFit) => SUPPORT_LEVELS.indexOf(fit.possibleLevel);

/**
 * How the estate meets a capability: as well as its weakest group does (a must met on EKS but not on premises is
 * not met), with each group's own words where the groups differ.
 */
function estateFit(capability: CapabilityId, parts: readonly GroupPath[]): CapabilityFit {
  const fits = parts.map((p) => p.plan.fits[capability]);
  const weakest = fits.reduce((a, f) => (rank(f) < rank(a) ? f : a));
  const possible = fits.reduce((a, f) => (possibleRank(f) < possibleRank(a) ? f : a));
  const alike = fits.every((f) => f.level === weakest.level && f.note === weakest.note);
  const caveat = alike ? weakest.caveat : groupCaveats(parts, fits);
  const levels = new Set(fits.map((f) => f.level));
  return {
    capability,
    level: weakest.level,
    possibleLevel: possible.possibleLevel,
    addons: [...new Set(fits.flatMap((f) => f.addons))],
    note: alike
      ? weakest.note
      : parts.map((p, i) => `${p.slice.group.name}: ${fits[i]?.note.trim() ?? ''}`).join(' '),
    source: [...new Set(fits.flatMap((f) => f.source.split(' ; ')))].join(' ; '),
    ...(caveat === undefined ? {} : { caveat }),
    ...(levels.size > 1
      ? {
          groups: parts.map((p, i) => ({
            group: p.slice.group.name,
            level: fits[i]?.level ?? 'none',
            via: fits[i]?.addons ?? [],
          })),
        }
      : {}),
  };
}

/**
 * The risks the groups' own ways of meeting a capability carry (AWS's Nitro encryption on EKS, switching Canal to
 * WireGuard on RKE2), each said of its group: every distinct one counts, as each is work or exposure of its own.
 */
function groupCaveats(parts: readonly GroupPath[], fits: readonly CapabilityFit[]): Caveat | undefined {
  const found = unique(
    parts.flatMap((p, i) => {
      const c = fits[i]?.caveat;
      return c === undefined ? [] : [{ group: p.slice.group.name, caveat: c }];
    }),
    (x) => x.caveat.id,
  );
  if (found.length === 0) return undefined;
  return {
    id: found.map((x) => x.caveat.id).join('+'),
    penalty: found.reduce((sum, x) => sum + x.caveat.penalty, 0),
    text: found.map((x) => `${x.group}: ${x.caveat.text.trim()}`).join(' '),
  };
}

const unique = <T>(xs: readonly T[], key: (x: T) => string): T[] => {
  const seen = new Map<string, T>();
  for (const x of xs) if (!seen.has(key(x))) seen.set(key(x), x);
  return [...seen.values()];
};

/**
 * An estate's path from its groups' paths: the stack is every group's pieces, a capability is met as its weakest
 * group meets it, the estate migrates where any group does, and it is named for what each group runs when they
 * differ ("AWS VPC CNI + Cilium OSS"). Costs are each group's own, summed (computeTco).
 */
export function composeEstatePlan(option: OptionData, parts: readonly GroupPath[], dataset: Dataset): Plan {
  const lead = parts.find((p) => p.plan.option.id === option.id) ?? parts[0];
  if (lead === undefined) throw new InternalError('an estate of groups without groups');
  const names = [...new Set(parts.map((p) => p.plan.option.name))];
  const shorts = [...new Set(parts.map((p) => p.plan.option.short))];
  const order = (a: Addon) => dataset.addons.findIndex((x) => x.id === a.id);
  const byOrder = (a: Addon, b: Addon) => order(a) - order(b);
  const fits = Object.fromEntries(CAPABILITY_IDS.map((c) => [c, estateFit(c, parts)])) as Record<
    CapabilityId,
    CapabilityFit
  >;
  return {
    option: {
      ...lead.plan.option,
      id: option.id,
      colour: option.colour,
      mark: option.mark,
      name: names.length === 1 ? (names[0] ?? option.name) : shorts.join(' + '),
      short: shorts.join(' + '),
      vendor: parts.map((p) => p.plan.option.vendor).find((v) => v !== null) ?? null,
    },
    cni: lead.plan.cni,
    keepsCurrentCni: parts.every((p) => p.plan.keepsCurrentCni),
    addons: unique(
      parts.flatMap((p) => p.plan.addons),
      (a) => a.id,
    ).sort(byOrder),
    newAddons: unique(
      parts.flatMap((p) => p.plan.newAddons),
      (a) => a.id,
    ).sort(byOrder),
    extras: unique(
      parts.flatMap((p) => p.plan.extras),
      (e) => e.component,
    ),
    components: [...new Set(parts.flatMap((p) => p.plan.components))],
    newComponents: [...new Set(parts.flatMap((p) => p.plan.newComponents))],
    fits,
    migratesCni: parts.some((p) => p.plan.migratesCni),
    currentName: lead.plan.currentName,
    migrationPath: lead.plan.migrationPath,
    upkeepShare: lead.plan.upkeepShare,
    replacesKubeProxy: parts.every((p) => p.plan.replacesKubeProxy),
    removesKubeProxy: parts.some((p) => p.plan.removesKubeProxy),
    learnsEbpf: parts.some((p) => p.plan.learnsEbpf),
    choice: {
      optional: lead.plan.choice.optional,
      movesSidecars: parts.some((p) => p.plan.choice.movesSidecars),
      prefer: lead.plan.choice.prefer,
    },
    excludedBy: parts.flatMap((p) =>
      p.plan.excludedBy.map((x) => ({ ...x, platform: `${x.platform} (${p.slice.group.name})` })),
    ),
    groups: parts,
  };
}

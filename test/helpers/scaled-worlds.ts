import type { Dataset } from '../../src/schema/dataset.js';

type Range = { low: number; likely: number; high: number };

/** A range's low and high moved `k` times as far from its likely value (0 pins it, 2 doubles its width). */
function scale<T extends Range>(r: T, k: number): T {
  return { ...r, low: r.likely - k * (r.likely - r.low), high: r.likely + k * (r.high - r.likely) };
}

/** One family of ranges the worlds draw from. */
export type WorldRange =
  | 'costs'
  | 'priorities'
  | 'levels'
  | 'migrationFear'
  | 'newComponentWeight'
  | 'changeHurdle';

/**
 * The data with every range the worlds draw from (costs, add-on efforts and the judgements of data/model.yaml)
 * scaled by `k` about its likely value, and each must that rests on advice held in `softHeld` of the worlds.
 * Scales stay within what each input allows (no negative hours, multipliers or spreads).
 */
export function withWorldsScaled(
  d: Dataset,
  scaleBy: number,
  opts: { readonly only?: WorldRange | 'all'; readonly softHeld?: number } = {},
): Dataset {
  const softHeld = opts.softHeld;
  const by = (range: WorldRange) =>
    opts.only === undefined || opts.only === 'all' || opts.only === range ? scaleBy : 1;
  const k = scaleBy;
  const nonNegativeBy = <T extends Range>(r: T, f: number): T => {
    const s = scale(r, f);
    return { ...s, low: Math.max(0, s.low) };
  };
  const w = d.model.decision.worlds;
  const fear = w.migrationFear;
  const logScaled = (x: number) => fear.likely * (x / fear.likely) ** by('migrationFear');
  return {
    ...d,
    costs: Object.fromEntries(
      Object.entries(d.costs).map(([key, c]) => [
        key,
        {
          ...nonNegativeBy(c, by('costs')),
          // A cost's variants (by CNI, mesh or currency) are drawn from their own ranges: scaled alike.
          ...Object.fromEntries(
            (['byCni', 'byMesh', 'byCurrency'] as const).flatMap((variant) => {
              const variants = (c as Partial<Record<typeof variant, Record<string, Range>>>)[variant];
              return variants === undefined
                ? []
                : [
                    [
                      variant,
                      Object.fromEntries(
                        Object.entries(variants).map(([v, r]) => [v, nonNegativeBy(r, by('costs'))]),
                      ),
                    ],
                  ];
            }),
          ),
        },
      ]),
    ) as Dataset['costs'],
    addons: d.addons.map((a) => ({
      ...a,
      setupHoursPerCluster: nonNegativeBy(a.setupHoursPerCluster, by('costs')),
      opsHoursPerClusterMonth: nonNegativeBy(a.opsHoursPerClusterMonth, by('costs')),
    })),
    model: {
      ...d.model,
      decision: {
        ...d.model.decision,
        worlds: {
          prioritySpread: {
            ...w.prioritySpread,
            spread: Math.min(5, by('priorities') * w.prioritySpread.spread),
          },
          levelSpread: { ...w.levelSpread, spread: Math.min(1, by('levels') * w.levelSpread.spread) },
          migrationFear: { ...fear, low: logScaled(fear.low), high: logScaled(fear.high) },
          newComponentWeight: {
            ...w.newComponentWeight,
            ...nonNegativeBy(
              { ...w.newComponentWeight, likely: d.model.newComponentWeight },
              by('newComponentWeight'),
            ),
          },
          changeHurdle: scale(w.changeHurdle, by('changeHurdle')),
          softMustHeld: { ...w.softMustHeld, share: softHeld ?? (k === 0 ? 1 : w.softMustHeld.share) },
        },
      },
    },
  };
}

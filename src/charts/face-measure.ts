/** Pair kerning by class, as a font stores it: `table[leftClasses[a]][rightClasses[b]]`, in font units. */
export interface KerningTable {
  /** By glyph (index into `advances`). */
  readonly leftClasses: readonly number[];
  readonly rightClasses: readonly number[];
  readonly table: readonly (readonly number[])[];
}

/** A GSUB lookup as the table replays it. Sets and maps are indices into `sets` and `singles`. */
export type SubstitutionLookup =
  /** Single substitution: each glyph the map holds becomes its image. */
  | { readonly single: number }
  /**
   * Chaining contexts, tried in order at each position; the first that matches applies its single
   * substitutions (`[position in the input, map]`) and ends the try. Backtrack sets are matched forwards
   * from `backtrack.length` glyphs before the input, as fontkit matches them.
   */
  | {
      readonly contexts: readonly {
        readonly backtrack: readonly number[];
        readonly input: readonly number[];
        readonly lookahead: readonly number[];
        readonly apply: readonly (readonly [number, number])[];
      }[];
    }
  /**
   * A lookup the table does not replay (a ligature, say): the contexts it could start from, as
   * `[before, ...sequence]` (`before` the glyph preceding the sequence, or -1). Text that meets one is left
   * to the shaper.
   */
  | { readonly starts: readonly (readonly number[])[] };

/**
 * One face's metrics as `npm run fonts` (scripts/font-metrics.js) writes them to
 * assets/fonts/inter-metrics.json: the glyphs that text of the covered characters can be shaped into,
 * their advances and kerning, and the substitutions that pick them, all taken from fontkit.
 */
export interface FaceMetrics {
  readonly unitsPerEm: number;
  readonly codePoints: readonly number[];
  /** The glyph of each code point (index into `advances`). */
  readonly glyphs: readonly number[];
  /** 1 where the code point is of the Latin script, 0 where it is Common (digits, punctuation, symbols). */
  readonly latin: readonly number[];
  /** Advance widths in font units, by glyph. */
  readonly advances: readonly number[];
  /**
   * A string is shaped under the first script it holds: Latin when it has a Latin letter, else the default
   * script, whose lookups can differ.
   */
  readonly kerning: { readonly latn: KerningTable; readonly DFLT: KerningTable };
  readonly substitutions: {
    /** Glyph sets, ascending. */
    readonly sets: readonly (readonly number[])[];
    /** Single-substitution maps, flat: `[from, to, from, to, …]`. */
    readonly singles: readonly (readonly number[])[];
    readonly lookups: readonly SubstitutionLookup[];
    /** The lookups each script applies, in order (indices into `lookups`; fontkit repeats some). */
    readonly latn: readonly number[];
    readonly DFLT: readonly number[];
  };
}

/** Replays a lookup over the glyphs in place; false when the table cannot tell what it does to them. */
type Replay = (glyphs: number[]) => boolean;

/**
 * A measure that returns the advance width of a string in font units from the face's table, exactly as
 * fontkit's `layout(text).advanceWidth`, or undefined when the table cannot say (a character it does not
 * cover, or a context it does not replay): then the caller shapes the text.
 */
export function faceMeasure(metrics: FaceMetrics): (text: string) => number | undefined {
  const index = new Map(metrics.codePoints.map((cp, i) => [cp, i]));
  const { substitutions } = metrics;
  const sets = substitutions.sets.map((set) => new Set(set));
  const setAt = (id: number): ReadonlySet<number> => sets[id] ?? new Set();
  const maps = substitutions.singles.map((flat) => {
    const map = new Map<number, number>();
    for (let i = 0; i + 1 < flat.length; i += 2) map.set(flat[i] ?? -1, flat[i + 1] ?? -1);
    return map;
  });
  const mapAt = (id: number): ReadonlyMap<number, number> => maps[id] ?? new Map();
  const replays = substitutions.lookups.map(replayOf(setAt, mapAt));
  const order = {
    latn: substitutions.latn.map((id) => replays[id] ?? (() => false)),
    DFLT: substitutions.DFLT.map((id) => replays[id] ?? (() => false)),
  };

  return (text) => {
    const glyphs: number[] = [];
    let latin = false;
    for (const char of text) {
      const i = index.get(char.codePointAt(0) ?? -1);
      if (i === undefined) return undefined;
      glyphs.push(metrics.glyphs[i] ?? -1);
      if (metrics.latin[i] === 1) latin = true;
    }
    const script = latin ? 'latn' : 'DFLT';
    for (const replay of order[script]) if (!replay(glyphs)) return undefined;
    const { leftClasses, rightClasses, table } = metrics.kerning[script];
    let units = 0;
    for (const [at, glyph] of glyphs.entries()) {
      units += metrics.advances[glyph] ?? Number.NaN;
      if (at > 0)
        units += table[leftClasses[glyphs[at - 1] ?? -1] ?? -1]?.[rightClasses[glyph] ?? -1] ?? Number.NaN;
    }
    return Number.isNaN(units) ? undefined : units;
  };
}

function replayOf(
  setAt: (id: number) => ReadonlySet<number>,
  mapAt: (id: number) => ReadonlyMap<number, number>,
): (lookup: SubstitutionLookup) => Replay {
  return (lookup) => {
    if ('single' in lookup) {
      const map = mapAt(lookup.single);
      return (glyphs) => {
        for (const [at, glyph] of glyphs.entries()) glyphs[at] = map.get(glyph) ?? glyph;
        return true;
      };
    }
    if ('contexts' in lookup) {
      const contexts = lookup.contexts.map(({ backtrack, input, lookahead, apply }) => ({
        backtrack: backtrack.map(setAt),
        input: input.map(setAt),
        lookahead: lookahead.map(setAt),
        apply: apply.map(([at, map]) => [at, mapAt(map)] as const),
      }));
      const byFirst = indexByFirst(contexts, (context) => context.input[0]);
      const matchesFrom = (glyphs: readonly number[], start: number, sets: readonly ReadonlySet<number>[]) =>
        start >= 0 && sets.every((set, k) => set.has(glyphs[start + k] ?? -1));
      return (glyphs) => {
        for (let at = 0; at < glyphs.length; at++) {
          const context = byFirst(glyphs[at] ?? -1).find(
            ({ backtrack, input, lookahead }) =>
              matchesFrom(glyphs, at - backtrack.length, backtrack) &&
              matchesFrom(glyphs, at, input) &&
              matchesFrom(glyphs, at + input.length, lookahead),
          );
          for (const [offset, map] of context?.apply ?? []) {
            const glyph = glyphs[at + offset] ?? -1;
            glyphs[at + offset] = map.get(glyph) ?? glyph;
          }
        }
        return true;
      };
    }
    const starts = lookup.starts.map(([before = -1, ...sequence]) => ({
      before: before < 0 ? null : setAt(before),
      sequence: sequence.map(setAt),
    }));
    const byFirst = indexByFirst(starts, (start) => start.sequence[0]);
    return (glyphs) =>
      !glyphs.some((glyph, at) =>
        byFirst(glyph).some(
          ({ before, sequence }) =>
            (before === null || before.has(glyphs[at - 1] ?? -1)) &&
            sequence.every((set, k) => set.has(glyphs[at + k] ?? -1)),
        ),
      );
  };
}

/** The items whose first set holds a glyph, in their order: most glyphs start no context at all. */
function indexByFirst<T>(list: readonly T[], first: (item: T) => ReadonlySet<number> | undefined) {
  const byGlyph = new Map<number, T[]>();
  for (const item of list) {
    for (const glyph of first(item) ?? []) byGlyph.set(glyph, [...(byGlyph.get(glyph) ?? []), item]);
  }
  return (glyph: number): readonly T[] => byGlyph.get(glyph) ?? [];
}

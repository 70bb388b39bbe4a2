// A face's metrics table for assets/fonts/inter-metrics.json (see src/charts/face-measure.ts), taken from
// fontkit itself, so that measuring by table gives fontkit's widths to the font unit.
import { faceMeasure } from '../dist/charts/face-measure.js';

/** The GSUB features of fontkit's default stage for Latin and Common text, in the order it plans them. */
const SUBSTITUTION_FEATURES = ['ccmp', 'locl', 'rlig', 'calt', 'clig', 'liga', 'rclt'];
/** The GPOS features fontkit applies by default. */
const POSITIONING_FEATURES = new Set(['kern', 'mark', 'mkmk', 'curs']);
/** Mark-to-base, -ligature and -mark attachment move marks only, and no glyph of the table is a mark. */
const MARK_POSITIONING_TYPES = new Set([4, 5, 6]);
/** fontkit shapes a string under the first script it holds: Latin, or the default script for Common text. */
const SCRIPTS = ['latn', 'DFLT'];
const NO_SUBSTITUTION = Object.fromEntries(SUBSTITUTION_FEATURES.map((tag) => [tag, false]));

const items = (array) => (array == null ? [] : Array.isArray(array) ? array : array.toArray());

function coverageGlyphs(coverage) {
  if (coverage.version === 1) return items(coverage.glyphs);
  return items(coverage.rangeRecords).flatMap((range) =>
    Array.from({ length: range.end - range.start + 1 }, (_, i) => range.start + i),
  );
}

function classOf(classDef, glyph) {
  if (classDef.version === 1) {
    const i = glyph - classDef.startGlyph;
    return i >= 0 && i < classDef.classValueArray.length ? classDef.classValueArray[i] : 0;
  }
  return items(classDef.classRangeRecord).find((r) => r.start <= glyph && glyph <= r.end)?.class ?? 0;
}

/** A lookup's subtables with extension subtables unwrapped, each with its own type. */
function subtables(lookup, extensionType) {
  return items(lookup.subTables).map((table) =>
    lookup.lookupType === extensionType
      ? { type: table.lookupType, table: table.extension }
      : { type: lookup.lookupType, table },
  );
}

/** The default langsys' feature of each tag, as fontkit picks it (the last record of a tag wins). */
function scriptFeatures(table, script) {
  const entry = items(table.scriptList).find((s) => s.tag === script);
  if (entry === undefined) throw new Error(`no ${script} script in the font`);
  const features = {};
  for (const index of items(entry.script.defaultLangSys.featureIndexes)) {
    features[table.featureList[index].tag] = table.featureList[index].feature;
  }
  return features;
}

/** Fails unless the default GPOS features only kern pairs by the first glyph's advance, or place marks. */
function checkPositioning(font) {
  for (const script of SCRIPTS) {
    for (const [tag, feature] of Object.entries(scriptFeatures(font.GPOS, script))) {
      if (!POSITIONING_FEATURES.has(tag)) continue;
      for (const index of items(feature.lookupListIndexes)) {
        for (const { type, table } of subtables(font.GPOS.lookupList.get(index), 9)) {
          if (type === 2 && !Object.values(table.valueFormat2).some(Boolean)) continue;
          if (MARK_POSITIONING_TYPES.has(type)) continue;
          throw new Error(
            `GPOS ${tag} lookup ${index} (type ${type}) is not pair kerning of the first glyph`,
          );
        }
      }
    }
  }
}

/** A single-substitution lookup as a map, the first subtable that covers a glyph winning; null if not one. */
function singleMap(gsub, index) {
  const lookup = gsub.lookupList.get(index);
  const map = new Map();
  for (const { type, table } of subtables(lookup, 7)) {
    if (type !== 1) return null;
    for (const [k, glyph] of coverageGlyphs(table.coverage).entries()) {
      if (map.has(glyph)) continue;
      map.set(glyph, table.version === 1 ? (glyph + table.deltaGlyphID) & 0xffff : table.substitute.get(k));
    }
  }
  return map;
}

/**
 * How the table models a GSUB lookup: a single substitution, or coverage-based (chaining) contexts that
 * apply single substitutions, both replayed exactly; anything else (ligatures, class-based contexts) as the
 * contexts where it could start, so text that meets one is left to fontkit.
 */
function lookupModel(gsub, index) {
  const single = singleMap(gsub, index);
  if (single !== null) return { single };
  const contexts = subtables(gsub.lookupList.get(index), 7).map(({ type, table }) => {
    if ((type !== 5 && type !== 6) || table.version !== 3) return null;
    const apply = items(table.lookupRecords).map((r) => [
      r.sequenceIndex,
      singleMap(gsub, r.lookupListIndex),
    ]);
    if (apply.some(([, map]) => map === null)) return null;
    return {
      backtrack: items(table.backtrackCoverage).map(coverageGlyphs),
      input: items(type === 5 ? table.coverages : table.inputCoverage).map(coverageGlyphs),
      lookahead: items(table.lookaheadCoverage).map(coverageGlyphs),
      apply,
    };
  });
  return contexts.every(Boolean)
    ? { contexts }
    : { starts: (glyphs) => startingContexts(gsub, index, glyphs) };
}

/**
 * Every rule of a lookup as the glyph sets (among `glyphs`) it needs at consecutive positions: `before`
 * (the union of its backtrack sets: one of them precedes the input, whichever order a shaper reads them in)
 * and `sequence` (input, then lookahead). A substitution can only start where one matches.
 */
function startingContexts(gsub, index, glyphs) {
  const lookup = gsub.lookupList.get(index);
  if (lookup.flags.flags.ignoreBaseGlyphs || lookup.flags.flags.ignoreLigatures) {
    throw new Error(`GSUB lookup ${index} skips base glyphs or ligatures: positions would not be adjacent`);
  }
  const rules = [];
  const classGlyphs = (classDef, id) => [...glyphs].filter((glyph) => classOf(classDef, glyph) === id);
  for (const { type, table } of subtables(lookup, 7)) {
    const covered = table.coverage === undefined ? [] : coverageGlyphs(table.coverage);
    if (type <= 3) rules.push({ before: [], sequence: [covered] });
    else if (type === 4) {
      for (const [i, first] of covered.entries()) {
        for (const ligature of items(table.ligatureSets.get(i))) {
          rules.push({ before: [], sequence: [[first], ...items(ligature.components).map((g) => [g])] });
        }
      }
    } else if ((type === 5 || type === 6) && table.version === 3) {
      rules.push({
        before: items(table.backtrackCoverage).flatMap(coverageGlyphs),
        sequence: [...items(table.coverages ?? table.inputCoverage), ...items(table.lookaheadCoverage)].map(
          coverageGlyphs,
        ),
      });
    } else if (type === 5 || type === 6) {
      const byClass = table.version === 2;
      const inputDef = table.classDef ?? table.inputClassDef;
      const set = (classDef, id) => (byClass ? classGlyphs(classDef, id) : [id]);
      const ruleSets = items(table.ruleSets ?? table.classSet ?? table.chainRuleSets ?? table.chainClassSet);
      for (const [i, ruleSet] of ruleSets.entries()) {
        const firsts = byClass ? covered.filter((g) => classOf(inputDef, g) === i) : [covered[i]];
        for (const rule of items(ruleSet)) {
          rules.push({
            before: items(rule.backtrack).flatMap((id) => set(table.backtrackClassDef, id)),
            sequence: [
              firsts,
              ...items(rule.input ?? rule.classes).map((id) => set(inputDef, id)),
              ...items(rule.lookahead).map((id) => set(table.lookaheadClassDef, id)),
            ],
          });
        }
      }
    } else if (type === 8) {
      rules.push({
        before: items(table.backtrackCoverage).flatMap(coverageGlyphs),
        sequence: [covered, ...items(table.lookaheadCoverage).map(coverageGlyphs)],
      });
    } else throw new Error(`GSUB lookup ${index}: unexpected type ${type}`);
  }
  return rules;
}

/** Numbers equal vectors in order of first appearance: the class of each row of a kerning matrix. */
function classesOf(vectors) {
  const ids = new Map();
  const of = vectors.map((vector) => {
    const key = JSON.stringify(vector);
    if (!ids.has(key)) ids.set(key, ids.size);
    return ids.get(key);
  });
  return { of, count: ids.size };
}

/**
 * The metrics table of one face for `codePoints` (see FaceMetrics in src/charts/face-measure.ts). Code
 * points fontkit shapes differently on their own (marks, format characters, the fraction slash, scripts
 * other than Latin and Common) are left out, and so left to fontkit.
 */
export function faceMetrics(font, codePoints) {
  checkPositioning(font);
  const gdefClass = (glyph) => (font.GDEF?.glyphClassDef ? classOf(font.GDEF.glyphClassDef, glyph) : 0);
  const kept = codePoints.filter((cp) => {
    const char = String.fromCodePoint(cp);
    if (/[\p{M}\p{Cf}\p{Zl}\p{Zp}]/u.test(char) || cp === 0x2044) return false;
    const run = font.layout(char);
    const glyph = font.glyphForCodePoint(cp);
    return (
      (run.script === 'latn' || run.script === 'zzzz') &&
      run.glyphs.length === 1 &&
      run.glyphs[0].id === glyph.id &&
      run.advanceWidth === glyph.advanceWidth &&
      gdefClass(glyph.id) !== 3
    );
  });

  // The lookups each script applies, and every glyph a kept code point can turn into through them.
  const gsub = font.GSUB;
  const order = Object.fromEntries(
    SCRIPTS.map((script) => {
      const features = scriptFeatures(gsub, script);
      const lookups = SUBSTITUTION_FEATURES.flatMap((tag) => items(features[tag]?.lookupListIndexes));
      return [script, lookups.sort((a, b) => a - b)];
    }),
  );
  const models = new Map([...new Set(Object.values(order).flat())].map((i) => [i, lookupModel(gsub, i)]));
  const universe = new Set(kept.map((cp) => font.glyphForCodePoint(cp).id));
  for (let size = 0; size !== universe.size; ) {
    size = universe.size;
    for (const model of models.values()) {
      const maps = model.single
        ? [model.single]
        : (model.contexts ?? []).flatMap((c) => c.apply.map(([, m]) => m));
      for (const map of maps) for (const [from, to] of map) if (universe.has(from)) universe.add(to);
    }
  }
  for (const glyph of universe) {
    if (gdefClass(glyph) === 3) throw new Error(`glyph ${glyph} is a mark: positions would not be adjacent`);
  }
  const glyphs = [...universe].sort((a, b) => a - b);
  const local = new Map(glyphs.map((glyph, i) => [glyph, i]));

  // Glyph sets and maps over local glyph numbers; a context that needs a glyph outside them never matches.
  const sets = [];
  const setIds = new Map();
  const setOf = (list) => {
    const ids = [...new Set(list.filter((g) => local.has(g)).map((g) => local.get(g)))].sort((a, b) => a - b);
    if (ids.length === 0) return -1;
    const key = ids.join();
    if (!setIds.has(key)) setIds.set(key, sets.push(ids) - 1);
    return setIds.get(key);
  };
  const singles = [];
  const singleOf = (map) => {
    singles.push(
      [...map].filter(([from]) => local.has(from)).flatMap(([f, t]) => [local.get(f), local.get(t)]),
    );
    return singles.length - 1;
  };
  const lookups = [];
  const lookupIds = new Map();
  for (const [index, model] of models) {
    let entry;
    if (model.single) entry = { single: singleOf(model.single) };
    else if (model.contexts) {
      const contexts = model.contexts
        .map((c) => ({
          backtrack: c.backtrack.map(setOf),
          input: c.input.map(setOf),
          lookahead: c.lookahead.map(setOf),
          apply: c.apply.map(([at, map]) => [at, singleOf(map)]),
        }))
        // Dropped only when it can never match: the subtables after it are tried exactly as before.
        .filter((c) => ![...c.backtrack, ...c.input, ...c.lookahead].includes(-1));
      entry = { contexts };
    } else {
      const rules = new Map();
      for (const { before, sequence } of model.starts(universe)) {
        const rule = [before.length === 0 ? -1 : setOf(before), ...sequence.map(setOf)];
        // A rule that needs a glyph no text of the table holds never matches.
        if (rule.slice(1).includes(-1) || (before.length > 0 && rule[0] === -1)) continue;
        rules.set(rule.join(), rule);
      }
      entry = { starts: [...rules.values()] };
    }
    lookupIds.set(index, lookups.push(entry) - 1);
  }

  const advances = glyphs.map((glyph) => font.getGlyph(glyph).advanceWidth);
  /**
   * Kerning of each pair of glyphs as fontkit positions it under `script` (substitutions off), by class:
   * glyphs with the same row share a left class, the same column a right class.
   */
  const kerningTable = (script) => {
    const matrix = glyphs.map((a, i) =>
      glyphs.map((b, j) => {
        const run = font.layout([font.getGlyph(a), font.getGlyph(b)], NO_SUBSTITUTION, script);
        return run.advanceWidth - advances[i] - advances[j];
      }),
    );
    const left = classesOf(matrix);
    const right = classesOf(glyphs.map((_, j) => matrix.map((row) => row[j])));
    const table = Array.from({ length: left.count }, () => Array(right.count).fill(0));
    for (const [i, row] of matrix.entries()) {
      for (const [j, value] of row.entries()) table[left.of[i]][right.of[j]] = value;
    }
    return { leftClasses: left.of, rightClasses: right.of, table };
  };
  const metrics = {
    unitsPerEm: font.unitsPerEm,
    codePoints: kept,
    glyphs: kept.map((cp) => local.get(font.glyphForCodePoint(cp).id)),
    latin: kept.map((cp) => Number(font.layout(String.fromCodePoint(cp)).script === 'latn')),
    advances,
    kerning: Object.fromEntries(SCRIPTS.map((script) => [script, kerningTable(script)])),
    substitutions: {
      sets,
      singles,
      lookups,
      ...Object.fromEntries(SCRIPTS.map((script) => [script, order[script].map((i) => lookupIds.get(i))])),
    },
  };
  return { metrics, checked: checkAgainstFontkit(font, metrics) };
}

/**
 * Fails unless the table gives fontkit's width for random strings over its characters (biased towards the
 * brackets, dashes, digits and capitals that substitutions involve); returns how many it measured.
 */
function checkAgainstFontkit(font, metrics) {
  const measure = faceMeasure(metrics);
  const chars = metrics.codePoints.map((cp) => String.fromCodePoint(cp));
  const pools = [
    chars,
    [...'  -–—()[]{}:/.,+×x0123456789$€%ABCDEFGHIJKLMNOPQRSTUVWXYZ'],
    [...'abcdefghij klmnopqrstuvwxyz'],
  ];
  let seed = 1;
  const random = () => {
    seed = (seed * 48271) % 2147483647;
    return seed / 2147483647;
  };
  let measured = 0;
  for (let n = 0; n < 30_000; n++) {
    let text = '';
    for (let length = 1 + Math.floor(random() * 24); length > 0; length--) {
      const pool = pools[random() < 0.6 ? n % pools.length : Math.floor(random() * pools.length)];
      text += pool[Math.floor(random() * pool.length)];
    }
    const units = measure(text);
    if (units === undefined) continue;
    measured += 1;
    const expected = font.layout(text).advanceWidth;
    if (units !== expected) throw new Error(`${JSON.stringify(text)}: table ${units}, fontkit ${expected}`);
  }
  return measured;
}

// Writes the report font's derived files under assets/fonts/ (`npm run fonts`), to rerun when the Inter
// package, the templates or the data gain characters:
// - inter-<weight>.woff2: the faces the HTML and PDF inline, subset to the characters a report can hold
//   (kerning and every other OpenType feature kept), so a report carries ~100 KB of font instead of 1.4 MB;
// - inter-metrics.json: advances, kerning and contextual substitutions of those characters' glyphs, so
//   charts measure text without importing fontkit or parsing the fonts (see scripts/font-metrics.js).
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { create } from 'fontkit';
import subsetFont from 'subset-font';
import { faceMetrics } from './font-metrics.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);
const OUT = join(root, 'assets/fonts');
const PACKAGE = '@expo-google-fonts/inter';
const FACES = {
  400: `${PACKAGE}/400Regular/Inter_400Regular.ttf`,
  600: `${PACKAGE}/600SemiBold/Inter_600SemiBold.ttf`,
  700: `${PACKAGE}/700Bold/Inter_700Bold.ttf`,
};

/**
 * Latin, Latin-1 Supplement, Latin Extended-A, General Punctuation, super- and subscripts, currency symbols,
 * letterlike symbols (™, №), arrows and mathematical operators (− ≤ ≥ ≈): what client names, figures and
 * prose in a Western-European report use. Anything else falls back to the system font in the HTML and PDF.
 */
const RANGES = [
  [0x20, 0x7e],
  [0xa0, 0x17f],
  [0x2000, 0x20cf],
  [0x2100, 0x214f],
  [0x2190, 0x21ff],
  [0x2200, 0x22ff],
];

/** Where a report's own characters come from: templates, data, the strings in the code, and the examples. */
const SOURCES = ['templates', 'data', 'src', 'examples'];

function filesUnder(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

function sourceCharacters() {
  const found = new Set();
  for (const dir of SOURCES) {
    for (const file of filesUnder(join(root, dir))) {
      for (const char of readFileSync(file, 'utf8')) {
        const cp = char.codePointAt(0) ?? 0;
        if (cp >= 0x20 && !/\p{Cc}/u.test(char)) found.add(cp);
      }
    }
  }
  return found;
}

function subsetCodePoints(fonts) {
  const wanted = sourceCharacters();
  for (const [first, last] of RANGES) for (let cp = first; cp <= last; cp++) wanted.add(cp);
  const inAll = [...wanted].filter((cp) => fonts.every((font) => font.hasGlyphForCodePoint(cp)));
  const missing = [...sourceCharacters()].filter((cp) => !inAll.includes(cp));
  if (missing.length > 0) {
    const list = missing.map((cp) => `U+${cp.toString(16).toUpperCase()}`).join(' ');
    throw new Error(`Inter lacks characters the sources use: ${list}`);
  }
  return inAll.sort((a, b) => a - b);
}

mkdirSync(OUT, { recursive: true });
const bytes = Object.fromEntries(
  Object.entries(FACES).map(([weight, file]) => [weight, readFileSync(require.resolve(file))]),
);
const fonts = Object.values(bytes).map((b) => create(b));
const codePoints = subsetCodePoints(fonts);
const text = String.fromCodePoint(...codePoints);
const faces = {};
for (const [weight, ttf] of Object.entries(bytes)) {
  const woff2 = await subsetFont(ttf, text, { targetFormat: 'woff2' });
  writeFileSync(join(OUT, `inter-${weight}.woff2`), woff2);
  const started = performance.now();
  const { metrics, checked } = faceMetrics(create(ttf), codePoints);
  faces[weight] = { sha256: createHash('sha256').update(ttf).digest('hex'), ...metrics };
  const { table } = metrics.kerning.latn;
  console.log(
    `inter-${weight}: subset of ${codePoints.length} characters, ${(woff2.length / 1024).toFixed(0)} KB of WOFF2 ` +
      `(the TTF: ${(ttf.length / 1024).toFixed(0)} KB); metrics for ${metrics.codePoints.length} characters, ` +
      `${metrics.advances.length} glyphs, ${table.length}×${table[0].length} kerning classes; ` +
      `${checked} random strings measured as fontkit does (${((performance.now() - started) / 1000).toFixed(0)} s)`,
  );
}
const version = JSON.parse(readFileSync(require.resolve(`${PACKAGE}/package.json`), 'utf8')).version;
const metrics = { generatedBy: 'npm run fonts (scripts/fonts.js)', font: `${PACKAGE} ${version}`, faces };
writeFileSync(join(OUT, 'inter-metrics.json'), `${JSON.stringify(metrics)}\n`);
copyFileSync(require.resolve(`${PACKAGE}/LICENSE_FONT`), join(OUT, 'OFL.txt'));

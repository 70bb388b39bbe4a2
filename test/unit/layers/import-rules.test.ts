import { execFileSync, spawnSync } from 'node:child_process';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * The layers as a tool enforces them: biome.json's import rules fail the lint when an import that breaks a
 * layer comes back (each probe is linted in a scratch copy of the configuration, at the path it would have),
 * and no folder of src/ imports, at run time, a folder that imports it back.
 */
const BIOME = resolve('node_modules/.bin/biome');
const scratch = mkdtempSync(join(tmpdir(), 'cnireport-layers-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
copyFileSync('biome.json', join(scratch, 'biome.json'));
execFileSync('git', ['init', '-q'], { cwd: scratch });

/** The lint's error lines for one file at `path`, as the repository's biome.json judges it. */
function lint(path: string, source: string): string {
  const file = join(scratch, path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, source);
  const run = spawnSync(BIOME, ['lint', '--colors=off', path], { cwd: scratch, encoding: 'utf8' });
  rmSync(file);
  return `${run.stdout}${run.stderr}`;
}

describe('biome import rules', () => {
  it.each([
    ['src/report/probe.ts', "import { computeTco } from '../scoring/compute-tco.js';"],
    ['src/charts/specs/probe.ts', "import type { ScoreResult } from '../../scoring/score-result.js';"],
    ['src/deck/probe.ts', "import { scoreAnswers } from '../scoring/score-answers.js';"],
    ['src/workbook/probe.ts', "import { deriveNeeds } from '../scoring/derive-needs.js';"],
    ['src/compare/render-comparison-probe.ts', "import { scoreAnswers } from '../scoring/score-answers.js';"],
    ['src/render/probe.ts', "import { loadAnswers } from '../io/load-answers.js';"],
    ['src/result/probe.ts', "import { readFileSync } from 'node:fs';"],
    ['src/scoring/probe.ts', "import puppeteer from 'puppeteer-core';"],
    ['src/words/probe.ts', "import { writeFile } from 'node:fs/promises';"],
    ['src/report/probe.ts', "import type { Answers } from '../schema/answers.js';"],
    ['src/deck/probe.ts', "import type { Dataset } from '../schema/dataset.js';"],
    ['src/charts/specs/probe.ts', "import { DatasetSchema } from '../../schema/dataset.js';"],
    ['src/workbook/probe.ts', "import { AnswersSchema } from '../schema/answers.js';"],
  ])('%s may not: %s', (path, line) => {
    const name = /import (?:type )?(?:\{ )?(\w+)/.exec(line)?.[1] ?? 'x';
    const output = lint(path, `${line}\n\nexport const probe = ${name};\n`);
    expect(output).toMatch(/lint\/style\/noRestrictedImports/);
  });

  it('lets a renderer import the result and the schemas’ vocabulary, and the engine import what it needs', () => {
    expect(
      lint(
        'src/report/probe.ts',
        "import type { OptionResult } from '../result/result-types.js';\n\nexport type Probe = OptionResult;\n",
      ),
    ).not.toMatch(/noRestrictedImports/);
    // The schemas' vocabulary (a support level, an importance) is not the answers or the data set; the lint ran.
    const vocabulary = lint(
      'src/charts/specs/probe.ts',
      "import type { SupportLevel } from '../../schema/dataset.js';\nimport type { Importance } from '../../schema/answers.js';\n\nexport type Probe = [SupportLevel, Importance];\n",
    );
    expect(vocabulary).toMatch(/Checked 1 file/);
    expect(vocabulary).not.toMatch(/noRestrictedImports/);
    expect(
      lint(
        'src/scoring/probe.ts',
        "import { deriveNeeds } from './derive-needs.js';\n\nexport const probe = deriveNeeds;\n",
      ),
    ).not.toMatch(/noRestrictedImports/);
  });
});

/** Relative imports of src/ at run time (type-only imports are erased), as folder → folder edges. */
function folderEdges(): Map<string, Set<string>> {
  const root = resolve('src');
  const edges = new Map<string, Set<string>>();
  const folderOf = (file: string) => relative(root, file).split('/').slice(0, -1)[0] ?? '(root)';
  const files = readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.d.ts'))
    .map((e) => join(e.parentPath, e.name));
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/^import\s+(type\s+)?([^;]*?)\s+from\s+'(\.[^']+)'/gms)) {
      const [, typeOnly, names = '', target = ''] = m;
      const braces = /^\{([^}]*)\}$/.exec(names.trim());
      const allTypes =
        braces?.[1]?.split(',').every((n) => n.trim() === '' || n.trim().startsWith('type ')) ?? false;
      if (typeOnly !== undefined || allTypes) continue;
      const from = folderOf(file);
      const to = folderOf(resolve(dirname(file), target));
      if (from === to) continue;
      if (!edges.has(from)) edges.set(from, new Set());
      edges.get(from)?.add(to);
    }
  }
  return edges;
}

describe('folders of src', () => {
  it('import each other without a cycle', () => {
    const edges = folderEdges();
    expect(edges.get('cli')?.has('generate')).toBe(true);
    const cycles: string[] = [];
    const visit = (folder: string, path: string[]) => {
      for (const next of edges.get(folder) ?? []) {
        if (next === path[0]) cycles.push([...path, next].join(' → '));
        else if (!path.includes(next) && next > (path[0] ?? '')) visit(next, [...path, next]);
      }
    };
    for (const folder of edges.keys()) visit(folder, [folder]);
    expect(cycles).toEqual([]);
  });
});

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import type { ScoreResult } from '../../src/scoring/score-result.js';
import { runCli } from '../helpers/run-cli.js';

/**
 * tco.xlsx recalculated by a spreadsheet that did not write it: LibreOffice Calc loads it (the formulas carry no
 * cached values, so every figure is computed on load) and exports each sheet as CSV. Its totals must equal
 * result.json's to the unit, and change when an input does. Under CI a missing LibreOffice fails the run.
 */
function commandExists(command: string): boolean {
  try {
    execFileSync(command, ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const ready = commandExists('soffice');
if (!ready && process.env.CI)
  throw new Error('test/e2e/deck-xlsx.test.ts needs LibreOffice (soffice) under CI');
if (!ready)
  console.warn('SKIPPED test/e2e/deck-xlsx.test.ts: needs LibreOffice (soffice, libreoffice-calc).');

const dir = mkdtempSync(join(tmpdir(), 'cnireport-xlsx-e2e-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Every sheet of the workbook as rows of cells, as LibreOffice computes them. */
function recalculated(xlsx: string, outDir: string): Map<string, string[][]> {
  const profile = pathToFileURL(join(dir, 'lo-profile')).href;
  // Field separator, text delimiter, UTF-8, …, and -1: every sheet to a file of its own.
  const csv = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1';
  execFileSync(
    'soffice',
    [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', csv, '--outdir', outDir, xlsx],
    {
      stdio: 'ignore',
      timeout: 120_000,
    },
  );
  const stem = xlsx.replace(/^.*\//, '').replace(/\.xlsx$/, '');
  const sheets = new Map<string, string[][]>();
  for (const file of readdirSync(outDir)) {
    if (!file.startsWith(`${stem}-`) || !file.endsWith('.csv')) continue;
    sheets.set(file.slice(stem.length + 1, -4), parseCsv(readFileSync(join(outDir, file), 'utf8')));
  }
  return sheets;
}

function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const endCell = () => {
    row.push(cell);
    cell = '';
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted && ch === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (ch === '"') quoted = !quoted;
    else if (quoted) cell += ch;
    else if (ch === ',') endCell();
    else if (ch === '\n') {
      endCell();
      rows.push(row);
      row = [];
    } else if (ch !== '\r') cell += ch;
  }
  if (cell !== '' || row.length > 0) {
    endCell();
    rows.push(row);
  }
  return rows;
}

const CATEGORIES = ['subscription', 'operations', 'compute', 'migration', 'training', 'tooling'] as const;
const label = (c: string) => c[0]?.toUpperCase() + c.slice(1);

/** The year-by-year rows of an option's sheet, by label. */
function yearTable(rows: string[][], horizon: number): Map<string, number[]> {
  const table = new Map<string, number[]>();
  for (const row of rows) {
    const [name, ...cells] = row;
    if (name !== undefined && cells.length >= horizon + 1)
      table.set(name, cells.slice(0, horizon + 1).map(Number));
  }
  return table;
}

async function generate(example: string): Promise<{ folder: string; result: ScoreResult }> {
  const out = join(dir, basename(example));
  const file = example.includes('/') ? `${example}.yaml` : `examples/${example}.yaml`;
  const run = await runCli('generate', file, '--out', out, '--format', 'xlsx,json');
  expect(run.code, run.err).toBe(0);
  const [slug] = run.out.match(/[a-z0-9-]+(?=\/: )/) ?? [];
  const folder = join(out, slug ?? '');
  return { folder, result: JSON.parse(readFileSync(join(folder, 'result.json'), 'utf8')) as ScoreResult };
}

describe.skipIf(!ready)('tco.xlsx recalculated by LibreOffice', () => {
  it.each([
    'regulated-bank',
    'small-team-basic',
    'scaleup-sidecar-cost',
    'design-sample',
    // kube-proxy in IPVS mode: the paths that keep it move it off IPVS in year 2, not year 1.
    'test/fixtures/ipvs-kept-in-year-two',
    // Under DORA with Isovalent already contracted: the contract's extension lands in year 1's migration.
    'test/fixtures/dora-contract-extended',
  ])(
    '%s: every category, year and total equals result.json to the unit',
    async (example) => {
      const { folder, result } = await generate(example);
      const sheets = recalculated(join(folder, 'tco.xlsx'), folder);
      const horizon = result.engagement.horizonYears;
      expect([...sheets.keys()]).toContain('Summary');
      expect([...sheets.keys()]).toContain('Assumptions');
      const summary = yearTable(sheets.get('Summary') ?? [], horizon);
      // The status quo recalculates too; each line also carries the simulated median the report leads with.
      expect(summary.get('Today, unchanged')).toEqual([
        ...result.baseline.tco.perYear,
        result.baseline.tco.total,
      ]);
      const medians = new Map(
        (sheets.get('Summary') ?? []).map((row) => [row[0], Number(row[horizon + 2])] as const),
      );
      expect(medians.get('Today, unchanged')).toBe(result.baseline.tco.median);
      for (const option of result.options) {
        expect(summary.get(option.name), option.name).toEqual([...option.tco.perYear, option.tco.total]);
        expect(medians.get(option.name), option.name).toBe(option.tco.median);
        const sheet = [...sheets].find(
          ([name, rows]) => name !== 'Summary' && rows[0]?.[0]?.startsWith(`${option.name}:`),
        );
        if (sheet === undefined) throw new Error(`no sheet for ${option.name}`);
        const table = yearTable(sheet[1], horizon);
        for (const c of CATEGORIES) {
          expect(table.get(label(c)), `${option.name} ${c}`).toEqual([
            ...option.tco.byYear.map((y) => y[c]),
            option.tco.byCategory[c],
          ]);
        }
      }
    },
    180_000,
  );

  it('moves every total when finance changes an input', async () => {
    const { folder, result } = await generate('regulated-bank');
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(folder, 'tco.xlsx'));
    const assumptions = book.getWorksheet('Assumptions');
    let changed = false;
    assumptions?.eachRow((row) => {
      if (row.getCell(9).value === 'engineerCostPerYear') {
        row.getCell(2).value = Number(row.getCell(2).value) * 2;
        changed = true;
      }
    });
    expect(changed).toBe(true);
    const edited = join(folder, 'edited.xlsx');
    await book.xlsx.writeFile(edited);
    const sheets = recalculated(edited, folder);
    const horizon = result.engagement.horizonYears;
    const summary = yearTable(sheets.get('Summary') ?? [], horizon);
    for (const option of result.options) {
      expect(summary.get(option.name)?.at(-1), option.name).toBeGreaterThan(option.tco.total);
      const sheet = [...sheets].find(
        ([name, rows]) => name !== 'Summary' && rows[0]?.[0]?.startsWith(`${option.name}:`),
      );
      const table = yearTable(sheet?.[1] ?? [], horizon);
      // Operations and migration are engineer-hours at the hourly cost: they double (each year rounded once).
      for (const c of ['operations', 'migration'] as const) {
        const doubled = table.get(label(c))?.at(-1) ?? 0;
        expect(Math.abs(doubled - 2 * option.tco.byCategory[c]), `${option.name} ${c}`).toBeLessThanOrEqual(
          horizon,
        );
      }
      expect(table.get('Subscription')?.at(-1), option.name).toBe(option.tco.byCategory.subscription);
    }
  }, 180_000);
});

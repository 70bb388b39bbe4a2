import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'cnireport-chf-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ANSWERS = `version: 1
engagement:
  client: Zürcher Versicherung
  date: "2026-12-07"
  currency: CHF
cluster:
  clusters: 3
  nodes: 90
  currentCni: flannel
compliance:
  frameworks: [dora]
`;

describe('a client in Swiss francs, from the answers file to every written figure', () => {
  it('costs, writes and prints every amount in CHF, converted at a 2026 ECB monthly rate', async () => {
    const file = join(dir, 'zurich.yaml');
    writeFileSync(file, ANSWERS);
    const out = join(dir, 'out');
    const run = await runCli('generate', file, '--out', out, '--format', 'json,md,xlsx');
    expect(run.code, run.err).toBe(0);
    const [folder] = readdirSync(out);
    if (folder === undefined) throw new Error('no report folder');
    const result = JSON.parse(readFileSync(join(out, folder, 'result.json'), 'utf8'));
    expect(result.currency.code).toBe('CHF');
    expect(result.currency.origin).toBe('ecb');
    expect(result.currency.month).toMatch(/^2026-/);
    const engineer = result.assumptions.find((a: { key: string }) => a.key === 'engineerCostPerYear');
    expect(engineer.unit).toMatch(/^CHF /);
    const markdown = readFileSync(join(out, folder, 'report.md'), 'utf8');
    expect(markdown).toMatch(/CHF\s?[\d’',.]+/);
    expect(markdown).not.toMatch(/[$€£]\s?\d/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(out, folder, 'tco.xlsx'));
    expect(String(book.getWorksheet('Assumptions')?.getCell('A1').value)).toContain('CHF');
  });
});

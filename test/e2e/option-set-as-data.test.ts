import { execFile, execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { CNIS } from '../../src/schema/answers.js';
import { CAPABILITY_IDS } from '../../src/schema/dataset.js';
import type { ScoreResult } from '../../src/scoring/score-result.js';
import { commandRuns, prerequisite } from '../helpers/prerequisite.js';

/**
 * The option set is data: a copy of data/ with one more option, Calico Open Source as a target, written in the data
 * files only, runs through every output. Nothing in src/ names it.
 */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(ROOT, 'bin', 'cnireport.js');
const work = mkdtempSync(join(tmpdir(), 'cnireport-option-set-'));
const dataDir = join(work, 'data');
const outDir = join(work, 'out');
afterAll(() => rmSync(work, { recursive: true, force: true }));

const NEW = { id: 'calico-oss', name: 'Calico Open Source', colour: '#B5485A' };

type Yaml = Record<string, unknown>;
const read = (name: string) => parse(readFileSync(join(dataDir, `${name}.yaml`), 'utf8')) as Yaml;
const write = (name: string, doc: Yaml) =>
  writeFileSync(join(dataDir, `${name}.yaml`), stringify(doc, { aliasDuplicateObjects: false }));

/** data/ with Calico Open Source added: an option, one support entry per capability, and migrations to Calico. */
function addCalicoTarget(): void {
  cpSync(join(ROOT, 'data'), dataDir, { recursive: true });
  const options = read('options');
  const list = options.options as Yaml[];
  const flannel = list.find((o) => o.id === 'flannel') as Yaml;
  list.push({
    ...flannel,
    id: NEW.id,
    name: NEW.name,
    short: 'Calico',
    colour: NEW.colour,
    mark: 'diamond',
    cni: 'calico',
    keepsCurrentCni: [],
    nameWhenKept: undefined,
    shortWhenKept: undefined,
    components: ['calico-node', 'calico-kube-controllers', 'kube-proxy'],
  });
  write('options', options);
  const capabilities = read('capabilities');
  for (const cap of capabilities.capabilities as Yaml[]) {
    const support = cap.support as Record<string, Yaml>;
    const keep = Object.values(support).find((s) => (s.byCni as Yaml | undefined)?.calico !== undefined);
    const calico = (keep?.byCni as Record<string, Yaml> | undefined)?.calico ?? { ...support.flannel };
    support[NEW.id] = { ...calico, byCni: undefined };
  }
  write('capabilities', capabilities);
  const migrations = read('migrations');
  const paths = migrations.migrations as Yaml[];
  const like = (id: string) => paths.find((m) => m.id === id) as Yaml;
  const kept = new Set(paths.filter((m) => m.toCni === 'calico').flatMap((m) => m.from as string[]));
  const others = CNIS.filter((c) => c !== 'calico' && c !== 'none' && !kept.has(c));
  paths.push(
    {
      ...like('dual-overlay-to-cilium'),
      id: 'to-calico',
      title: 'Move to Calico',
      from: others,
      toCni: 'calico',
    },
    {
      ...like('greenfield-cilium'),
      id: 'greenfield-calico',
      title: 'Install Calico',
      from: ['none'],
      toCni: 'calico',
    },
  );
  if (!kept.has('calico'))
    paths.push({ ...like('flannel-in-place'), id: 'calico-in-place', from: ['calico'], toCni: 'calico' });
  write('migrations', migrations);
}

function generate(answers: string): Promise<{ code: number; err: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, 'generate', answers, '--out', outDir, '--format', 'html,pdf,json,md,pptx,xlsx'],
      { env: { ...process.env, CNIREPORT_DATA_DIR: dataDir, NO_COLOR: '1' }, timeout: 240_000 },
      (error, _out, err) => resolve({ code: error === null ? 0 : Number(error.code ?? -1), err }),
    );
  });
}

const ready = prerequisite(
  'pdftotext, pdfinfo and unzip',
  commandRuns('pdftotext', ['-v']) && commandRuns('pdfinfo', ['-v']) && commandRuns('unzip', ['-v']),
);

let folder = '';
let result: ScoreResult;
beforeAll(async () => {
  if (!ready) return;
  addCalicoTarget();
  // An EKS client on the VPC CNI: five paths (its own kept CNI among them) and the one added here.
  const run = await generate(join(ROOT, 'test', 'unit', 'scoring', 'platform-situations', 'eks-nitro.yaml'));
  expect(run.err).not.toMatch(/error/i);
  expect(run.code).toBe(0);
  folder = join(outDir, readdirSync(outDir)[0] ?? '');
  result = JSON.parse(readFileSync(join(folder, 'result.json'), 'utf8')) as ScoreResult;
}, 300_000);

describe.runIf(ready)('an option added in data/ only', () => {
  it('is scored, ranked and given its own colour and mark in result.json, beside four others', () => {
    expect(result.options).toHaveLength(5);
    const added = result.options.find((o) => o.id === NEW.id);
    expect(added?.name).toBe(NEW.name);
    expect(added?.colour).toBe(NEW.colour);
    expect(added?.mark).toBe('diamond');
    expect(result.options.map((o) => o.order).sort()).toEqual(result.options.map((_, i) => i));
  });

  it('has its column in the HTML capability table, the table sized for every option', () => {
    const html = readFileSync(join(folder, 'report.html'), 'utf8');
    const table = /<table class="data matrix[^"]*">[\s\S]*?<\/table>/.exec(html)?.[0] ?? '';
    expect((/<colgroup>([\s\S]*?)<\/colgroup>/.exec(table)?.[1] ?? '').match(/<col\b/g)).toHaveLength(
      2 + result.options.length,
    );
    expect(table).toContain(NEW.name);
    expect(html).toContain(`.swatch-${NEW.id}{background:${NEW.colour}}`);
  });

  it('keeps the capability table on one page of the PDF, every option and capability on it', () => {
    const pdf = join(folder, 'report.pdf');
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1]);
    const text = (page: number) =>
      execFileSync('pdftotext', ['-f', String(page), '-l', String(page), '-layout', pdf, '-'], {
        encoding: 'utf8',
      });
    const all = Array.from({ length: pages }, (_, i) => text(i + 1));
    const start = all.findIndex((t) => t.includes('How each option provides each capability'));
    expect(start).toBeGreaterThanOrEqual(0);
    const page = (all[start] ?? '').replace(/\s+/g, ' ');
    for (const n of result.needs.slice(0, CAPABILITY_IDS.length))
      expect(page).toContain(n.name.split(' ')[0]);
    for (const o of result.options) expect(page).toContain(o.name.split(' ')[0]);
  });

  it('appears in the Markdown report', () => {
    expect(readFileSync(join(folder, 'report.md'), 'utf8')).toContain(NEW.name);
  });

  it('has its series in the deck and its sheet in the workbook', async () => {
    const slides = execFileSync('unzip', ['-p', join(folder, 'report.pptx'), 'ppt/charts/*.xml'], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    expect(slides).toContain(NEW.name);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(folder, 'tco.xlsx'));
    expect(book.worksheets.map((w) => w.name)).toContain(NEW.name);
  });
});

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { currentBrowserSearchContext, findBrowser } from '../../src/pdf/find-browser.js';
import { runCli } from '../helpers/run-cli.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const before = join(root, 'examples', 'scaleup-sidecar-cost.yaml');
const after = join(root, 'examples', 'scaleup-after-audit.yaml');
const dir = mkdtempSync(join(tmpdir(), 'cnireport-compare-e2e-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const hasBrowser = findBrowser(currentBrowserSearchContext()) !== null;
const hasPoppler = (() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
// Under CI a missing prerequisite is a failure, not a skip.
const pdfChecks = hasBrowser && hasPoppler ? it : process.env.CI ? it : it.skip;

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe('cnireport compare', { timeout: 90_000 }, () => {
  it('shows the scenarios side by side and why the lead moved', async () => {
    const run = await runCli('compare', before, after);
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    // Each scenario is named after its file when no --label names it (new-user findings, minor 18).
    expect(run.out).toMatch(/ scaleup-sidecar-cost +scaleup-after-audit\n/);
    // Counting a fleet's upkeep once plus a share per further cluster removes most of Isovalent's effort saving,
    // so the audit narrows Cilium OSS's lead to a close call instead of moving the recommendation.
    expect(run.out).toMatch(/Cilium OSS stays the recommendation \(confidence 100 % before, \d+ % now\)/);
    expect(run.out).toMatch(
      /Cilium OSS's lead over Isovalent Networking for Kubernetes went from \+0\.\d\d to \+0\.\d\d\. What moved it: Cost priority 5 → 3 \(−0\.\d\d\), 24×7 vendor support none → preferred \(−0\.\d\d\)/,
    );
    expect(run.out).toMatch(/Attribution: Exact Shapley values over 6 changed answers, from 64 engine runs/);
    expect(run.out).toMatch(/team\.vendorSupport\s+none → preferred/);
  });

  it('says "no change" for identical files', async () => {
    const run = await runCli('compare', before, before);
    expect(run.code).toBe(0);
    expect(run.out).toContain('No change: the two files give the same answers.');
  });

  it('prints the issue-13 JSON: scenarios, changes by key path, attribution', async () => {
    const run = await runCli('compare', before, after, '--json');
    expect(run.code).toBe(0);
    const json = JSON.parse(run.out);
    expect(json.scenarios.map((s: { file: string }) => s.file)).toEqual([before, after]);
    expect(json.scenarios[0].recommendation).toMatchObject({ option: 'cilium-oss', closeCall: false });
    expect(json.scenarios[1].recommendation).toMatchObject({ option: 'cilium-oss', closeCall: true });
    expect(json.scenarios[1].recommendation.confidence).toBeLessThan(0.9);
    expect(json.scenarios[0].options.map((o: { id: string }) => o.id)).toEqual([
      'flannel',
      'cilium-oss',
      'isovalent-enterprise',
    ]);
    expect(typeof json.scenarios[0].options[0].tco.total).toBe('number');
    expect(json.changes).toContainEqual(
      expect.objectContaining({ path: 'team.vendorSupport', from: 'none', to: 'preferred' }),
    );
    const [attribution] = json.attribution;
    expect(attribution.method).toBe('shapley');
    for (const q of attribution.quantities) {
      const sum = q.shares.reduce((s: number, x: { value: number }) => s + x.value, 0);
      expect(Math.abs(sum - q.change)).toBeLessThanOrEqual(1e-5 * Math.max(1, Math.abs(q.change)));
    }
  });

  it('reports an invalid file as validate does, compares the rest, and exits 1', async () => {
    const bad = file(
      'bad.yaml',
      'version: 1\nengagement:\n  client: Fleetwise Logistics\ncluster:\n  nodes: -3\n',
    );
    const validate = await runCli('validate', bad);
    const problems = validate.err.split('\n').slice(0, 2).join('\n');
    expect(problems).toMatch(/bad\.yaml:5:10 {2}cluster\.nodes: /);
    const three = await runCli('compare', before, bad, after);
    expect(three.err).toContain(problems);
    expect(three.err).toContain('1 of 3 files is not valid (see above); the other 2 were compared');
    expect(three.out).toContain('scaleup-after-audit.yaml against');
    expect(three.code).toBe(1);
    const two = await runCli('compare', before, bad);
    expect(two.err).toContain(problems);
    expect(two.err).toContain('fewer than two are left to compare');
    expect(two.out).toBe('');
    expect(two.code).toBe(1);
  });

  it('compares files of two clients with a warning on stderr', async () => {
    const run = await runCli('compare', before, join(root, 'examples', 'small-team-basic.yaml'));
    expect(run.code).toBe(0);
    expect(run.err).toMatch(
      /^warning: .*scaleup-sidecar-cost\.yaml is for Fleetwise Logistics and .*small-team-basic\.yaml for .*: compared anyway\n$/,
    );
  });

  it('says what it did with --format or --brand and no --out: printed only, no report (minor 20)', async () => {
    const run = await runCli('compare', before, after, '--format', 'pdf');
    expect(run.code).toBe(0);
    expect(run.err).toBe(
      'note: --format applies to the report --out writes: no report written, the comparison is printed only (add --out <dir>)\n',
    );
  });

  it('names a scenario by the file’s engagement.scenario where no --label does', async () => {
    const text = readFileSync(after, 'utf8');
    const named = file(
      'audit-named.yaml',
      text.replace(/^engagement:\n/m, 'engagement:\n  scenario: After the audit\n'),
    );
    expect(readFileSync(named, 'utf8')).toContain('  scenario: After the audit\n');
    const run = await runCli('compare', before, named);
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/ scaleup-sidecar-cost +After the audit\n/);
    const labelled = await runCli('compare', before, named, '--label', 'Handed over', '--label', 'Audited');
    expect(labelled.out).toMatch(/ Handed over +Audited\n/);
  });

  it('refuses more labels than files, and a label that is not one line of text', async () => {
    const many = await runCli('compare', before, after, '--label', 'a', '--label', 'b', '--label', 'c');
    expect(many.err).toContain('error: 3 labels for 2 files: give at most one --label per file');
    expect(many.code).toBe(1);
    const odd = await runCli('compare', before, after, '--label', 'A\u202eB');
    expect(odd.err).toMatch(/--label/);
    expect(odd.code).not.toBe(0);
    const twice = await runCli('compare', before, after, '--label', 'Same', '--label', 'Same');
    expect(twice.err).toContain('"Same" names two scenarios');
  });

  it('refuses one file and an unknown format', async () => {
    expect((await runCli('compare', before)).code).toBe(1);
    const format = await runCli('compare', before, after, '--out', join(dir, 'x'), '--format', 'htm');
    expect(format.err).toContain('did you mean html?');
    expect(format.code).toBe(1);
  });

  it('writes the same HTML, JSON and Markdown on every run', async () => {
    const runs = [join(dir, 'same-1'), join(dir, 'same-2')];
    for (const out of runs) {
      expect((await runCli('compare', before, after, '--out', out, '--format', 'html,md,json')).code).toBe(0);
    }
    for (const name of ['comparison.html', 'comparison.json', 'comparison.md', 'charts/compare-scores.svg']) {
      expect(
        readFileSync(join(runs[1] as string, name)).equals(readFileSync(join(runs[0] as string, name))),
      ).toBe(true);
    }
    const html = readFileSync(join(runs[0] as string, 'comparison.html'), 'utf8');
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    expect(html).not.toMatch(/isovalentPricePerNodeYear|team\.vendorSupport|\.yaml:/);
    expect(html).toContain('scaleup-after-audit against scaleup-sidecar-cost');
    const md = readFileSync(join(runs[0] as string, 'comparison.md'), 'utf8');
    for (const chart of readdirSync(join(runs[0] as string, 'charts')).filter((f) => f.endsWith('.png'))) {
      expect(md).toContain(`(charts/${chart})`);
    }
  });

  pdfChecks(
    'renders the comparison to PDF, and its text holds both scenarios',
    { timeout: 120_000 },
    async () => {
      const out = join(dir, 'pdf');
      const run = await runCli(
        'compare',
        before,
        after,
        '--label',
        'As handed over',
        '--label',
        'After the audit',
        '--brand',
        join(root, 'examples', 'brand', 'brand.yaml'),
        '--out',
        out,
        '--format',
        'pdf',
      );
      expect(run.code).toBe(0);
      const text = execFileSync('pdftotext', ['-layout', join(out, 'comparison.pdf'), '-']).toString('utf8');
      expect(text).toContain('Scenario comparison');
      // Named by the consultant (minor 18), not "A · 24 November 2026"; branded, with who prepared it.
      expect(text).not.toMatch(/\bA · /);
      expect(text).toMatch(/As handed over/);
      expect(text).toContain('After the audit against As handed over');
      expect(text).toContain('Example Consulting');
      expect(text).toMatch(/Prepared by\s+Jane Roe, Example Consulting/);
      expect(text).toContain('Exact Shapley values over 6 changed answers');
    },
  );
});

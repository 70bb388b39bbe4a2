import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../helpers/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'cnireport-warnings-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const PLACEHOLDER =
  'engagement.client: still "Client name", the placeholder cnireport init wrote (expected the client\'s organisation: the report\'s cover, title and folder are named after it)';

describe('warnings about valid but implausible answers', () => {
  const file = join(dir, 'answers.yaml');

  it('validate passes the unedited init file with a warning on stderr, exit 0', async () => {
    expect((await runCli('init', file)).code).toBe(0);
    const run = await runCli('validate', file);
    expect(run.code).toBe(0);
    expect(run.out).toBe(`${file}: ok\n`);
    expect(run.err).toMatch(new RegExp(`^warning: ${file}:\\d+:11  ${escapeRegExp(PLACEHOLDER)}\\n$`));
  });

  it('score and generate warn the same way, and still do their work', async () => {
    const scored = await runCli('score', file, '--json');
    expect(scored.code).toBe(0);
    expect(JSON.parse(scored.out).engagement.client).toBe('Client name');
    expect(scored.err).toContain(`  ${PLACEHOLDER}\n`);
    const generated = await runCli('generate', file, '--out', join(dir, 'out'), '--format', 'json');
    expect(generated.code).toBe(0);
    expect(generated.out).toBe(`wrote ${join(dir, 'out', 'client-name')}/: result.json\n`);
    expect(generated.err).toContain(`  ${PLACEHOLDER}\n`);
  });

  it('validate warns about a cluster beyond the sizes Kubernetes is designed for', async () => {
    const big = join(dir, 'big.yaml');
    writeFileSync(
      big,
      'version: 1\nengagement:\n  client: Big\ncluster:\n  nodes: 6000\n  podsPerNode: 20\n',
    );
    const run = await runCli('validate', big);
    expect(run.code).toBe(0);
    expect(run.err).toBe(
      `warning: ${big}:5:10  cluster.nodes: 6,000 nodes in 1 cluster is 6,000 per cluster, above the 5,000 a Kubernetes cluster is designed for (https://kubernetes.io/docs/setup/best-practices/cluster-large/); cluster.nodes is the total across all clusters\n`,
    );
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

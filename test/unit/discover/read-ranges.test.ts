import { writeFileSync } from 'node:fs';
import { mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { captureRanges } from '../../../src/discover/capture-ranges.js';
import { readKubectlRange } from '../../../src/discover/read-kubectl-range.js';
import { readRanges } from '../../../src/discover/read-ranges.js';
import { type ClusterScenario, clusterObjects } from '../../helpers/cluster-captures.js';

const dir = await mkdtemp(join(tmpdir(), 'cnireport-read-ranges-'));
afterAll(() => rm(dir, { recursive: true, force: true }));

/** kubectl's List of the scenario's objects, in an order that puts nodes and pods in every part. */
function writeCapture(name: string, s: ClusterScenario): string {
  const objects = clusterObjects(s);
  const items = objects.map((_, i) => objects[(i * 7) % objects.length]);
  expect(new Set(items).size).toBe(objects.length);
  const file = join(dir, name);
  writeFileSync(
    file,
    `${JSON.stringify({ apiVersion: 'v1', items, kind: 'List', metadata: { resourceVersion: '' } }, null, 4)}\n`,
  );
  return file;
}

describe('a capture read in parts', () => {
  it.each<[string, ClusterScenario]>([
    ['eks-istio', { platform: 'eks', cni: 'aws-vpc-cni', workers: 9, mesh: 'istio', controlPlane: 0 }],
    ['rke2-native', { platform: 'rke2', cni: 'canal', workers: 8, mesh: 'istio-native', controlPlane: 3 }],
    [
      'kubeadm-linkerd',
      { platform: 'kubeadm', cni: 'calico', workers: 10, mesh: 'linkerd', kubeProxy: { mode: 'ipvs' } },
    ],
    ['aks-ambient', { platform: 'aks', cni: 'azure-cni', workers: 7, mesh: 'istio-ambient' }],
  ])('%s: the parts add up to what one reader of the whole file finds', async (name, scenario) => {
    const file = writeCapture(`${name}.json`, scenario);
    const handle = await open(file);
    const { size } = await handle.stat();
    const ranges = await captureRanges(handle, size, 4, 1).finally(() => handle.close());
    expect(ranges.length).toBe(4);
    expect(ranges.map((r) => [r.first, r.last])).toEqual([
      [true, false],
      [false, false],
      [false, false],
      [false, true],
    ]);
    // Contiguous: each part starts on the newline the part before ends with.
    expect(ranges[0]?.start).toBe(0);
    expect(ranges.at(-1)?.end).toBe(size);
    for (let i = 1; i < ranges.length; i += 1) expect(ranges[i]?.start).toBe((ranges[i - 1]?.end ?? 0) - 1);

    const whole = await readKubectlRange(file, { start: 0, end: size, first: true, last: true });
    const parts = await readRanges(file, ranges);
    expect(parts).toEqual(whole);
    expect(whole.list).toEqual({ kind: 'List', apiVersion: 'v1' });
    expect(whole.tally.nodes.length).toBe((scenario.workers ?? 3) + (scenario.controlPlane ?? 0));
  });

  it('a file too small for a part per core is read as one part', async () => {
    const file = writeCapture('small.json', { platform: 'eks', cni: 'aws-vpc-cni', workers: 2 });
    const handle = await open(file);
    const { size } = await handle.stat();
    const ranges = await captureRanges(handle, size, 2).finally(() => handle.close());
    expect(ranges).toEqual([{ start: 0, end: size, first: true, last: true }]);
  });
});

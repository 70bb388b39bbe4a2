import {
  closeSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { PART_BYTES_AT_LEAST } from '../../src/discover/capture-ranges.js';
import { clusterObjects } from '../helpers/cluster-captures.js';
import { spawnCli } from '../helpers/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'cnireport-discover-large-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const bundle = fileURLToPath(new URL('../../dist/bundle/', import.meta.url));

/**
 * A capture large enough to be read in parts on every core, in kubectl's layout: a cluster's objects, each
 * pod carrying a last-applied-configuration annotation of the size a real one has.
 */
function writeLargeCapture(file: string): void {
  const objects = clusterObjects({
    platform: 'eks',
    cni: 'calico',
    workers: 400,
    appsPerWorker: 12,
    mesh: 'istio',
  });
  const padding = 'x'.repeat(24_000);
  const fd = openSync(file, 'w');
  writeSync(fd, '{\n    "apiVersion": "v1",\n    "items": [\n');
  objects.forEach((object, i) => {
    const metadata = (object.metadata ?? {}) as Record<string, unknown>;
    const item =
      object.kind === 'Pod'
        ? {
            ...object,
            metadata: {
              ...metadata,
              annotations: { 'kubectl.kubernetes.io/last-applied-configuration': padding },
            },
          }
        : object;
    writeSync(
      fd,
      `${i === 0 ? '' : ',\n'}        ${JSON.stringify(item, null, 4).replace(/\n/g, '\n        ')}`,
    );
  });
  writeSync(
    fd,
    '\n    ],\n    "kind": "List",\n    "metadata": {\n        "resourceVersion": ""\n    }\n}\n',
  );
  closeSync(fd);
}

describe('discover on a capture read in parts on worker threads', () => {
  it('finds what a single reader of the same capture finds (its gzipped copy is read in one part)', async () => {
    expect(existsSync(join(bundle, 'range-worker.cjs'))).toBe(true);
    const file = join(dir, 'large.json');
    writeLargeCapture(file);
    expect(statSync(file).size).toBeGreaterThan(2 * PART_BYTES_AT_LEAST);
    expect(availableParallelism()).toBeGreaterThanOrEqual(2);
    // The same name in another folder, so that the outputs can be compared byte for byte.
    mkdirSync(join(dir, 'gzipped'));
    const gzipped = join(dir, 'gzipped', 'large.json');
    writeFileSync(gzipped, gzipSync(readFileSync(file), { level: 1 }));

    const parts = await spawnCli(['discover', file, '--client', 'Large'], 120_000);
    const whole = await spawnCli(['discover', gzipped, '--client', 'Large'], 120_000);
    expect(parts.code).toBe(0);
    expect(whole.code).toBe(0);
    expect(parts.out).toMatch(/^ {2}nodes: 400 #/m);
    expect(parts.out).toMatch(/^ {2}sidecars: 2400 #/m);
    expect(parts.out).toBe(whole.out);
    expect(parts.err).toBe(whole.err);
  });
});

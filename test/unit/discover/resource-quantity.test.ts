import { describe, expect, it } from 'vitest';
import { captureLineFacts } from '../../../src/discover/capture-command.js';
import { mebibytes, millicores, quantityValue } from '../../../src/discover/resource-quantity.js';

describe('Kubernetes quantities', () => {
  it.each([
    ['250m', 0.25],
    ['2', 2],
    ['0.5', 0.5],
    ['.5', 0.5],
    ['1.5k', 1500],
    ['128Mi', 128 * 2 ** 20],
    ['1Gi', 2 ** 30],
    ['1G', 1e9],
    ['1e3', 1000],
    ['5E-3', 0.005],
    ['100u', 1e-4],
    ['+3', 3],
    [2, 2],
  ])('%s is %d', (text, value) => {
    expect(quantityValue(text)).toBeCloseTo(value, 12);
  });

  it.each(['', 'm', '1 Gi', '1gi', '1MiB', 'ten', '-1', '1e', null, undefined, {}])(
    '%j is not a quantity',
    (text) => {
      expect(quantityValue(text)).toBeUndefined();
    },
  );

  it('reads CPU in millicores and memory in MiB', () => {
    expect(millicores('100m')).toBe(100);
    expect(millicores('1.5')).toBe(1500);
    expect(mebibytes('128Mi')).toBe(128);
    expect(mebibytes('134217728')).toBe(128);
    expect(mebibytes('0.5Gi')).toBe(512);
  });
});

describe("the printed command's pod lines", () => {
  it('v2 carries each container’s requests; a v1 line (without them) still reads', () => {
    expect(
      captureLineFacts(
        'pod\tnode-1\tRunning\tapp=acme/app:1=250m=256Mi istio-proxy=docker.io/istio/proxyv2:1.24.1=100m=128Mi \tistio-validation=docker.io/istio/proxyv2:1.24.1=== \t',
      ),
    ).toEqual({
      kind: 'Pod',
      facts: {
        nodeName: 'node-1',
        running: true,
        containers: [
          { name: 'app', image: 'acme/app:1', cpuMillicores: 250, memoryMiB: 256 },
          {
            name: 'istio-proxy',
            image: 'docker.io/istio/proxyv2:1.24.1',
            cpuMillicores: 100,
            memoryMiB: 128,
          },
        ],
        nativeSidecars: [],
        proxyMode: undefined,
      },
    });
    expect(captureLineFacts('pod\tnode-1\tRunning\tapp=acme/app:1 \tproxy=acme/proxy:1=Always \t')).toEqual({
      kind: 'Pod',
      facts: {
        nodeName: 'node-1',
        running: true,
        containers: [{ name: 'app', image: 'acme/app:1' }],
        nativeSidecars: [{ name: 'proxy', image: 'acme/proxy:1' }],
        proxyMode: undefined,
      },
    });
  });
});

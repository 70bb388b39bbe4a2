import { describe, expect, it } from 'vitest';
import { closeCallText } from '../../../src/words/close-call-text.js';
import { lexiconOf } from '../../../src/words/lexicon.js';
import { sensitivityText } from '../../../src/words/sensitivity-text.js';

const lex = lexiconOf(
  [
    { id: 'cilium-oss', name: 'Cilium OSS', short: 'Cilium OSS' },
    { id: 'isovalent-enterprise', name: 'Isovalent Networking for Kubernetes', short: 'Isovalent' },
  ],
  [{ capability: 'flowRetention', name: 'Flow-log retention', reasons: [] }],
  'USD',
  3,
);
const finding = {
  kind: 'assumption',
  current: 1500,
  keepsFrom: 900,
  keepsTo: 2000,
  newWinner: null,
} as const;

describe('sensitivityText', () => {
  it('names a subscription price by the option it is the price of', () => {
    const text = sensitivityText(
      { ...finding, key: 'isovalentPricePerNodeYear', flipsAt: 2000.4, newWinner: 'cilium-oss' },
      lex,
      { winner: 'isovalent-enterprise', money: true },
    );
    expect(text).toMatch(
      /^Cilium OSS would be recommended if the Isovalent price per node-year rose to \$2,0\d\d or more \(now \$1,500\)\.$/,
    );
  });

  it('says counts in whole numbers, never below one, and "fewer"', () => {
    const text = sensitivityText(
      {
        kind: 'assumption',
        key: 'nodes',
        current: 40,
        keepsFrom: 20,
        keepsTo: 80,
        flipsAt: 0.3,
        newWinner: 'cilium-oss',
      },
      lex,
      { winner: 'isovalent-enterprise', money: false },
    );
    expect(text).toBe('Cilium OSS would be recommended if the node count fell to 1 or fewer (now 40).');
  });

  it('says when no break-even lies inside the plausible range', () => {
    const text = sensitivityText({ ...finding, key: 'vcpuHourPrice', flipsAt: null }, lex, {
      winner: 'cilium-oss',
      money: true,
    });
    expect(text).toContain(
      'Cilium OSS stays recommended whatever the vCPU-hour price within its plausible range',
    );
  });
});

describe('closeCallText', () => {
  const terms = { priorities: { cost: 3 }, addons: { falco: 'Falco (runtime security)' } };
  it('puts each driver of a close call in the client’s words', () => {
    expect(closeCallText({ key: 'priority.cost', direction: 'higher' }, lex, terms)).toBe(
      'cost counts for more than the 3 of 5 given in the workshop',
    );
    expect(closeCallText({ key: 'softMust.flowRetention', direction: 'lower' }, lex, terms)).toBe(
      'flow-log retention is accepted as a should rather than a must',
    );
    expect(closeCallText({ key: 'addon.falco', direction: 'higher' }, lex, terms)).toBe(
      'running Falco takes more effort than estimated',
    );
  });
});

import { describe, expect, it } from 'vitest';
import { ReasonSchema } from '../../../src/result/explanation-schemas.js';
import { IMPORTANCE_LEVELS } from '../../../src/schema/answers.js';
import type { SupportLevel } from '../../../src/schema/dataset.js';
import { lexiconOf } from '../../../src/words/lexicon.js';
import { statedNeedText } from '../../../src/words/need-text.js';
import { describeReason, reasonText } from '../../../src/words/reason-text.js';

const lex = lexiconOf(
  [
    { id: 'flannel', name: 'Flannel with add-ons', short: 'Flannel' },
    { id: 'cilium-oss', name: 'Cilium OSS', short: 'Cilium OSS' },
    { id: 'isovalent-enterprise', name: 'Isovalent Networking for Kubernetes', short: 'Isovalent' },
  ],
  [{ capability: 'encryption', name: 'Encryption in transit', reasons: ['PCI DSS asks for it.', 'Other.'] }],
  'EUR',
  3,
);

describe('reasonText', () => {
  it('names every rival that carries a risk the pick avoids, once', () => {
    const risk = { kind: 'air-gapped', params: {} } as const;
    const text = (carriers: string[]) =>
      reasonText(
        { kind: 'avoids-risk', params: { option: 'isovalent-enterprise', carriers, risk }, basis: [] },
        lex,
      );
    expect(text(['flannel'])).toBe(
      'Flannel carries a risk Isovalent avoids: air-gapped installs and upgrades must be mirrored and validated by the team alone.',
    );
    expect(text(['flannel', 'cilium-oss'])).toMatch(
      /^Flannel and Cilium OSS carry a risk Isovalent avoids: /,
    );
  });

  it('counts the musts met in words: one, both, all of them, or all with some named', () => {
    const meets = (musts: number, among: { capability: 'encryption'; level: SupportLevel }[]) =>
      reasonText({ kind: 'meets-all-musts', params: { option: 'cilium-oss', musts, among }, basis: [] }, lex);
    const one = { capability: 'encryption', level: 'built-in' } as const;
    expect(meets(1, [one])).toBe(
      'Cilium OSS meets the client’s one must beyond pod networking, encryption in transit (built in).',
    );
    expect(meets(2, [one, one])).toBe(
      'Cilium OSS meets both of the client’s musts beyond pod networking: encryption in transit (built in) and encryption in transit (built in).',
    );
    // "vendor support (a supported enterprise feature)" said support is a feature; an edition has it.
    expect(meets(1, [{ capability: 'encryption', level: 'enterprise' }])).toBe(
      'Cilium OSS meets the client’s one must beyond pod networking, encryption in transit (in the supported enterprise edition).',
    );
    expect(meets(5, [one, one, one])).toMatch(
      /^Cilium OSS meets all 5 of the client’s musts beyond pod networking, among them /,
    );
  });

  it('quotes medians, or the likely figures when the medians disagree with the cost criterion', () => {
    const cheaper = (median: boolean) =>
      reasonText(
        {
          kind: 'cheaper',
          params: { option: 'cilium-oss', total: 1000, median, rivals: [{ option: 'flannel', total: 1500 }] },
          basis: [],
        },
        lex,
      );
    expect(cheaper(true)).toBe(
      'Cilium OSS costs a median €1,000 over 3 years, €500 less than Flannel (€1,500).',
    );
    expect(cheaper(false)).toBe(
      'Cilium OSS costs €1,000 over 3 years at the likely figures, €500 less than Flannel (€1,500).',
    );
  });

  it('gives a ruled-out option the first reason the client needs the must, and the full name of a challenger', () => {
    expect(
      reasonText(
        {
          kind: 'ruled-out',
          params: { option: 'flannel', capability: 'encryption', level: 'partial' },
          basis: [],
        },
        lex,
      ),
    ).toBe('Flannel meets only in part encryption in transit, a must: PCI DSS asks for it.');
    expect(
      reasonText(
        {
          kind: 'stays',
          params: { challenger: 'isovalent-enterprise', lead: 0.0123, hurdle: 0.03 },
          basis: [],
        },
        lex,
      ),
    ).toMatch(
      /^Staying on what runs today is recommended: Isovalent Networking for Kubernetes scores 0\.012 points/,
    );
  });

  it('writes the result’s fields in the schema’s order, sentence first', () => {
    const reason = describeReason(
      {
        kind: 'simpler',
        params: {
          option: 'flannel',
          components: 2,
          newComponents: 0,
          rivals: [{ option: 'cilium-oss', components: 3, newComponents: 3 }],
        },
        basis: ['data:options.flannel'],
      },
      lex,
    );
    expect(Object.keys(reason)).toEqual(['text', 'basis', 'kind', 'params']);
    expect(reason.text).toBe(
      'Flannel runs 2 components per cluster (none new to the team), against 3 components per cluster (3 new to the team) for Cilium OSS.',
    );
    expect(ReasonSchema.parse(reason)).toEqual(reason);
  });
});

describe('statedNeedText', () => {
  it('says each importance in the client’s words, never the answers file’s value', () => {
    expect(IMPORTANCE_LEVELS.map(statedNeedText)).toEqual([
      'Stated in the workshop as a must.',
      'Stated in the workshop as a should-have.',
      'Stated in the workshop as nice to have.',
      'Stated in the workshop as not needed.',
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { RiskSchema } from '../../../src/result/explanation-schemas.js';
import { describeRisk, riskText } from '../../../src/words/risk-text.js';

describe('riskText', () => {
  it('says "all" of the team’s time when the team has none to give', () => {
    expect(riskText({ kind: 'team-capacity', params: { hoursPerMonth: 12, utilisation: null } })).toBe(
      'Running it takes 12 engineer-hours a month, all of the time the team can give the network layer.',
    );
    expect(riskText({ kind: 'team-capacity', params: { hoursPerMonth: 1234, utilisation: 1.256 } })).toBe(
      'Running it takes 1,234 engineer-hours a month, 126 % of the time the team can give the network layer.',
    );
  });

  it('names each group a migration moves, and leaves out the months when the team has no time', () => {
    const moves = [
      { nodes: 300, group: 'EKS', from: 'aws-vpc-cni' as const, fromName: 'AWS VPC CNI' },
      { nodes: 40, group: 'Edge', from: 'flannel' as const, fromName: 'Flannel' },
    ];
    expect(riskText({ kind: 'cni-migration', params: { moves, hours: 420, months: null } })).toBe(
      'Moving 300 nodes of EKS off AWS VPC CNI and 40 nodes of Edge off Flannel is a data-plane migration of about 420 engineer-hours.',
    );
    expect(
      riskText({
        kind: 'cni-migration',
        params: {
          moves: [{ nodes: 720, group: null, from: 'flannel', fromName: 'Flannel' }],
          hours: 1008,
          months: 4.58,
        },
      }),
    ).toBe(
      'Moving 720 nodes off Flannel is a data-plane migration of about 1,008 engineer-hours, 4.6 months of the time the team can give the network layer.',
    );
  });

  it('names what a migration leaves by its provider’s name, not the project’s', () => {
    const moves = [{ nodes: 180, group: null, from: 'cilium' as const, fromName: 'GKE Dataplane V2' }];
    expect(riskText({ kind: 'cni-migration', params: { moves, hours: 396, months: null } })).toBe(
      'Moving 180 nodes off GKE Dataplane V2 is a data-plane migration of about 396 engineer-hours.',
    );
  });

  it('softens the eBPF risk only where a vendor supports the path', () => {
    const text = (vendorSoftens: boolean) =>
      riskText({ kind: 'ebpf-experience', params: { experience: 'some', vendorSoftens } });
    expect(text(true)).toMatch(/limited.*\(the vendor’s support softens this\)\.$/);
    expect(text(false)).not.toMatch(/vendor/);
  });

  it('writes the result’s fields in the schema’s order, sentence included', () => {
    const risk = describeRisk({
      id: 'addon-calico',
      penalty: 0.05,
      basis: ['data:addons.calico'],
      kind: 'addon',
      params: { addon: 'calico', name: 'Calico (policy only)', note: 'a second agent on every node' },
    });
    expect(Object.keys(risk)).toEqual(['id', 'penalty', 'text', 'basis', 'kind', 'params']);
    expect(risk.text).toBe('Calico (policy only): a second agent on every node.');
    expect(RiskSchema.parse(risk)).toEqual(risk);
  });
});

import type { RiskFact } from '../result/explanation-schemas.js';
import { formatNumber, formatPercent, joinAnd } from '../shared/format.js';

/** A risk in the client's words. */
export function riskText(risk: RiskFact): string {
  switch (risk.kind) {
    case 'no-vendor-support':
      return 'No SLA-backed vendor support, though the client prefers to have it: incidents are solved by the team and the community.';
    case 'ebpf-experience': {
      const team =
        risk.params.experience === 'none'
          ? 'The team has no eBPF experience'
          : 'The team’s eBPF experience is limited';
      const softened = risk.params.vendorSoftens ? ' (the vendor’s support softens this)' : '';
      return `${team}, so debugging the eBPF data plane may need outside help${softened}.`;
    }
    case 'team-capacity': {
      const { hoursPerMonth, utilisation } = risk.params;
      const shown = utilisation === null ? 'all' : formatPercent(utilisation);
      return `Running it takes ${formatNumber(hoursPerMonth)} engineer-hours a month, ${shown} of the time the team can give the network layer.`;
    }
    case 'cni-migration': {
      const { moves, hours, months } = risk.params;
      const scope = joinAnd(
        moves.map((m) =>
          m.group === null
            ? `${formatNumber(m.nodes)} nodes off ${m.fromName}`
            : `${formatNumber(m.nodes)} nodes of ${m.group} off ${m.fromName}`,
        ),
      );
      const time =
        months === null
          ? ''
          : `, ${formatNumber(months, months < 10 ? 1 : 0)} months of the time the team can give the network layer`;
      return `Moving ${scope} is a data-plane migration of about ${formatNumber(hours)} engineer-hours${time}.`;
    }
    case 'addon':
      return `${risk.params.name}: ${risk.params.note}.`;
    case 'addon-multicluster':
      return risk.params.note;
    case 'caveat':
      return risk.params.text;
    case 'air-gapped':
      return 'Air-gapped installs and upgrades must be mirrored and validated by the team alone.';
    case 'sidecar-latency':
      return 'Latency-sensitive calls keep a sidecar proxy at each end of every hop; a per-node proxy such as ambient mode’s ztunnel adds less latency.';
  }
}

type AssessedRisk = RiskFact & {
  readonly id: string;
  readonly penalty: number;
  readonly basis: readonly string[];
};

/** A risk with its sentence, in the order result.json writes its fields. */
export function describeRisk(risk: AssessedRisk): AssessedRisk & { readonly text: string } {
  const { id, penalty, basis, kind, params } = risk;
  return { id, penalty, text: riskText(risk), basis, kind, params } as AssessedRisk & {
    readonly text: string;
  };
}

import { formatMonth, formatNumber, formatPercent, joinAnd } from '../shared/format.js';
import { ecbMonthText } from '../words/exchange-rate-text.js';
import type { ReportContext } from './report-context.js';

/**
 * The methodology's paragraphs on the money's basis, in the client's words: the exchange rate, how a fleet of
 * clusters is costed, and what Istio ambient mode adds beside an Istio the client already runs.
 */
export function moneyBasisParagraphs(ctx: ReportContext): string[] {
  const { result } = ctx.sources;
  const answers = result.situation;
  const { currency } = result;
  const rate =
    currency.origin === 'base'
      ? 'Every figure is in US dollars, the currency most published defaults are given in, so none is converted.'
      : currency.origin === 'client'
        ? `Defaults published in US dollars are converted at the client’s own rate, ${currency.perUsd} ${currency.code} per USD.`
        : `Defaults published in US dollars are converted at ${currency.perUsd} ${currency.code} per USD: the European ` +
          `Central Bank’s reference rates, averaged over ${ecbMonthText(currency.month ?? '', askedMonth(answers.engagement.date, currency.month))}. ` +
          'The data holds the ECB’s monthly averages; a report uses its own month, or the latest month the data ' +
          'holds for a later report, and a rate the client gives replaces it.';
  const local =
    currency.origin === 'base'
      ? ''
      : ' Figures the data gives in the engagement currency, such as the loaded engineer cost, are used as they are.';
  const share = result.assumptions.find((a) => a.key === 'fleetMarginalClusterShare');
  const clusters = answers.cluster.clusters;
  // With one cluster there is no fleet, and nothing to explain.
  const fleet =
    share === undefined || clusters === 1
      ? []
      : [
          'Clusters built and changed alike are run as a fleet, so their upkeep is not the upkeep of one cluster ' +
            'multiplied by their number. The first cluster takes the full upkeep of the network plug-in, each ' +
            `add-on and the mesh; each further cluster ${formatPercent(share.value)} of it` +
            (share.origin === 'default'
              ? ` (an estimate, drawn from ${formatPercent(share.low)} to ${formatPercent(share.high)} in the simulation)`
              : ' (the client’s figure)') +
            ', because reading release notes, testing an upgrade and learning from an incident are done once for ' +
            'the fleet, while each cluster still has its own roll-out, drift and incidents. For this client’s ' +
            `${formatNumber(clusters)} clusters that is the upkeep of ${formatNumber(1 + (clusters - 1) * share.value, 1)} clusters, not ${formatNumber(clusters)}.`,
        ];
  const move = result.costing.sidecarFreeMove;
  const mesh =
    move === null
      ? []
      : [
          'Istio ambient mode is costed at its charts’ requests: the two agents on every node (ztunnel and the ' +
            `Istio CNI agent, ${formatNumber(move.perNode.cpuMillicores)} millicores and ${formatNumber(move.perNode.memoryMiB)} MiB together) and ` +
            `${formatNumber(move.perCluster.cpuMillicores)} millicores and ${formatNumber(move.perCluster.memoryMiB)} MiB a cluster for the waypoint proxies ` +
            'that L7 policy and telemetry need. Beside an Istio the client already runs, ambient mode shares its ' +
            `control plane (istiod), so it adds about ${formatNumber(move.opsHoursPerClusterMonth, 1)} engineer-hours a cluster-month of upkeep, ` +
            `not the ${formatNumber(move.ownMeshOpsHoursPerClusterMonth, 1)} of a mesh of its own (both estimates). Ambient mode across clusters ` +
            'is still in beta; where the client runs several clusters, the risks say so.',
        ];
  return [`${rate}${local}`, ...fleet, ...mesh, ...ipvsMove(ctx), ...ictProviders(ctx)];
}

/** Where kube-proxy runs in IPVS mode: the move off it that every path keeping kube-proxy carries, and when. */
function ipvsMove(ctx: ReportContext): string[] {
  const { result } = ctx.sources;
  const moving = result.options.filter((o) => o.migration.kubeProxyModeHours > 0);
  const year = moving[0]?.migration.kubeProxyModeYear;
  const perCluster = result.assumptions.find((a) => a.key === 'ipvsMoveHoursPerCluster');
  if (year === undefined || year === null || perCluster === undefined) return [];
  const { release, month } = result.costing.factors.ipvsDefaultOff;
  const after = result.costing.factors.kubeProxyModeAfterMove;
  const names = moving.map((o) => o.name);
  const listed = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
  return [
    'kube-proxy runs in IPVS mode today. Kubernetes deprecated that mode in release 1.35 and plans to switch it off ' +
      `by default in ${release} (expected around ${formatMonth(month)}) and to remove it in 1.43 (enhancement proposal ` +
      'KEP-5495). A path that keeps kube-proxy must therefore move it to nftables mode first: ' +
      `${formatNumber(perCluster.value)} engineer-hours a cluster` +
      (perCluster.origin === 'default' ? ' (an estimate)' : ' (the client’s figure)') +
      `, counted in year ${formatNumber(year)} for ${listed}, and in staying as today. From that year on, ` +
      `kube-proxy’s CPU per Service is priced as ${after.mode} mode’s, ${formatPercent(after.factor)} of iptables mode’s ` +
      `(IPVS mode’s is ${formatPercent(result.costing.factors.kubeProxyMode.factor)}; an estimate from the Kubernetes ` +
      'project’s nftables measurements). A path that replaces kube-proxy retires it instead and carries no such move.',
  ];
}

/** Under DORA: what contracting a new ICT provider costs the paths that bring one, and why. */
function ictProviders(ctx: ReportContext): string[] {
  const { result } = ctx.sources;
  const bringing = result.options.filter((o) => o.newIctProviders.names.length > 0);
  const contract = result.assumptions.find((a) => a.key === 'ictProviderContractHours');
  const upkeep = result.assumptions.find((a) => a.key === 'ictProviderUpkeepHoursPerYear');
  const extension = result.assumptions.find((a) => a.key === 'ictProviderExtensionHours');
  const contracted = [...new Set(result.options.flatMap((o) => o.newIctProviders.alreadyContracted))];
  const extending =
    extension === undefined
      ? ''
      : ` Extending that contract to the new service is costed once, in year 1 under migration: ` +
        `${formatNumber(extension.value)} hours of risk and legal time per provider for the service’s line in the ` +
        'register of information, the assessment of whether it supports a critical or important function, and the ' +
        `exit plan brought to cover the clusters${
          extension.origin === 'default'
            ? ` (an estimate, drawn from ${formatNumber(extension.low)} to ${formatNumber(extension.high)} hours in the simulation)`
            : ' (a figure the client set)'
        }; its yearly upkeep stays within the existing contract’s.`;
  const present =
    contracted.length === 0
      ? []
      : [
          `Under DORA, the client already holds a contract with ${joinAnd(contracted)}, so a path that brings ` +
            `${contracted.length === 1 ? 'it' : 'them'} adds no new ICT third-party provider and is charged none of ` +
            'the work DORA attaches to one: the assessment before signing, the Article 30 clauses and the exit ' +
            'strategy are in place for the existing contract and kept under it. The subscription, its support and ' +
            `the migration are costed as for any client.${extending}`,
        ];
  if (bringing.length === 0 || contract === undefined || upkeep === undefined) return present;
  const estimates =
    contract.origin === 'default' && upkeep.origin === 'default'
      ? ` (estimates, drawn from ${formatNumber(contract.low)} to ${formatNumber(contract.high)} and from ` +
        `${formatNumber(upkeep.low)} to ${formatNumber(upkeep.high)} hours in the simulation)`
      : ' (figures the client set)';
  const paths = joinAnd(bringing.map((o) => `${o.name} (${joinAnd(o.newIctProviders.names)})`));
  return [
    'The client falls under DORA (Regulation (EU) 2022/2554). A path whose support or licence comes under a ' +
      'contract with an ICT third-party provider the client has no contract with brings that regulation’s ' +
      'obligations: an assessment of the provider before signing, a contract with the key provisions of Article 30, ' +
      'an entry in the register of information (Article 28(3)) and a documented exit strategy, reviewed and tested ' +
      'periodically (Article 28(8)). They are costed as risk, legal and procurement time at the loaded engineer ' +
      `cost: ${formatNumber(contract.value)} hours per provider once, in year 1 under migration, and ` +
      `${formatNumber(upkeep.value)} hours per provider every year under operations${estimates}. That applies to ` +
      `${paths}; open-source paths and support that comes with the client’s platform bring no new provider.`,
    ...present,
  ];
}

/** The report's month where the data holds no ECB average for it (a report with no date takes the latest month). */
function askedMonth(date: string | undefined, month: string | null): string | null {
  const asked = date?.slice(0, 7);
  return asked === undefined || asked === month ? null : asked;
}

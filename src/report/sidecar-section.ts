import { sidecarCostPerYear } from '../scoring/compute-tco.js';
import { parameterValues } from '../scoring/resolve-parameters.js';
import { formatNumber, formatUnitPrice } from '../shared/format.js';
import type { ReportContext } from './report-context.js';
import type { SidecarSection } from './report-model.js';
import { meshName } from './situation-section.js';

/** The cost of sidecar proxies, worked through step by step with the client's own numbers. */
export function sidecarSection(ctx: ReportContext): SidecarSection {
  const { answers, result } = ctx.sources;
  const { mesh } = answers;
  if (mesh.current === 'none' || mesh.sidecars === 0) {
    return {
      applies: false,
      intro:
        mesh.current === 'none'
          ? 'The client runs no service mesh today, so there is no sidecar cost to remove. If a mesh is planned, ' +
            "Cilium's sidecar-free mesh avoids adding one proxy per pod in the first place."
          : `The client runs ${meshName(mesh.current)} without sidecar proxies, so there is no sidecar cost to remove.`,
      figure: null,
      steps: [],
      conclusion: '',
    };
  }
  const v = parameterValues(result.assumptions);
  const currency = result.currency.code;
  const perSidecar = sidecarCostPerYear(v);
  const horizon = result.engagement.horizonYears;
  const growth = 1 + answers.cluster.growthPercentPerYear / 100;
  const growthSum = Array.from({ length: horizon }, (_, y) => growth ** y).reduce((a, b) => a + b, 0);
  const yearOne = mesh.sidecars * perSidecar;
  const overHorizon = yearOne * growthSum;
  const removedShare = v.sidecarsRemovedWithCiliumPercent / 100;
  const saved = overHorizon * removedShare;
  const cilium = ctx.option('cilium-oss');
  const meshHours = cilium.migration.meshHours;
  const hourly = v.engineerCostPerYear / v.engineerHoursPerYear;

  const steps = [
    {
      label: 'Pods with a sidecar today',
      working: `answer (mesh.sidecars), ${meshName(mesh.current)}`,
      value: formatNumber(mesh.sidecars),
    },
    {
      label: 'Reserved per sidecar',
      working: `${formatNumber(v.sidecarCpuMillicores)} millicores CPU and ${formatNumber(v.sidecarMemoryMiB)} MiB memory`,
      value: `${formatNumber(v.sidecarCpuMillicores / 1000, 3)} vCPU, ${formatNumber((v.sidecarMemoryMiB * 2 ** 20) / 1e9, 3)} GB`,
    },
    {
      label: 'Cost of one sidecar a year',
      working:
        `(${formatNumber(v.sidecarCpuMillicores / 1000, 3)} vCPU × ${formatUnitPrice(v.vcpuHourPrice, currency)} + ` +
        `${formatNumber((v.sidecarMemoryMiB * 2 ** 20) / 1e9, 3)} GB × ${formatUnitPrice(v.memoryGbHourPrice, currency)}) × 8,760 h`,
      value: formatUnitPrice(perSidecar, currency),
    },
    {
      label: 'Sidecar cost in year 1',
      working: `${formatNumber(mesh.sidecars)} × ${formatUnitPrice(perSidecar, currency)}`,
      value: ctx.money(yearOne),
    },
    {
      label: `Sidecar cost over ${horizon} ${horizon === 1 ? 'year' : 'years'}`,
      working: `growing ${formatNumber(answers.cluster.growthPercentPerYear, 1)} % a year with the estate`,
      value: ctx.money(overHorizon),
    },
    {
      label: 'Share Cilium can retire',
      working: `sidecarsRemovedWithCiliumPercent (${v.sidecarsRemovedWithCiliumPercent === 100 ? 'all' : 'the rest keep a proxy for features Cilium does not cover'})`,
      value: `${formatNumber(v.sidecarsRemovedWithCiliumPercent)} %`,
    },
    {
      label: 'Compute saved over the horizon',
      working: `${ctx.money(overHorizon)} × ${formatNumber(v.sidecarsRemovedWithCiliumPercent)} %`,
      value: ctx.money(saved),
    },
    {
      label: 'One-off work to retire them',
      working: `${formatNumber(meshHours)} engineer-hours × ${formatUnitPrice(hourly, currency)} an hour`,
      value: ctx.money(meshHours * hourly),
    },
  ];
  return {
    applies: true,
    intro:
      `Every pod in ${meshName(mesh.current)}'s mesh carries a proxy that reserves CPU and memory on its node and adds ` +
      'two proxy hops to every request. Cilium runs the mesh data path in eBPF and one Envoy per node, so most ' +
      'sidecars can go. The working below uses the client’s figures where given and the defaults in the appendix otherwise.',
    figure: ctx.figure('sidecar-tax'),
    steps,
    conclusion:
      `Retiring ${formatNumber(v.sidecarsRemovedWithCiliumPercent)} % of the sidecars saves about ${ctx.money(saved)} of ` +
      `compute over ${horizon} ${horizon === 1 ? 'year' : 'years'} for a one-off ${ctx.money(meshHours * hourly)} of work` +
      (mesh.latencySensitive
        ? ', and removes the per-hop proxy latency the client flagged as mattering.'
        : '.'),
  };
}

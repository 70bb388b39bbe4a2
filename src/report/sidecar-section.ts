import type { BuiltResult } from '../result/result-schema.js';
import type { SidecarTax } from '../result/result-types.js';
import { formatNumber, formatUnitPrice, joinAnd } from '../shared/format.js';
import { GB_PER_MIB, HOURS_PER_YEAR } from '../shared/units.js';
import type { ReportContext } from './report-context.js';
import type { SidecarSection } from './report-model.js';
import { meshName } from './situation-section.js';

type Step = SidecarSection['steps'][number];

/** The client's figures the working uses, and the totals over the horizon. */
interface SidecarWorking {
  readonly tax: SidecarTax;
  readonly mesh: string;
  readonly v: Readonly<Record<BuiltResult['assumptions'][number]['key'], number>>;
  readonly currency: string;
  readonly years: string;
  readonly all: number;
  readonly kept: number;
  readonly perNode: number;
  readonly hourly: number;
  readonly moveCost: number;
}

/**
 * The cost of sidecar proxies, worked through step by step with the client's own numbers, and what moving them to
 * a sidecar-free mesh would save and cost. The move does not depend on the CNI, so it is weighed on every path.
 */
export function sidecarSection(ctx: ReportContext): SidecarSection {
  const { result } = ctx.sources;
  const { mesh } = result.situation;
  const tax = result.sidecarTax;
  if (tax === null) return noSidecars(mesh.current);
  const v = Object.fromEntries(result.assumptions.map((a) => [a.key, a.value])) as SidecarWorking['v'];
  const horizon = result.engagement.horizonYears;
  const hourly = v.engineerCostPerYear / v.engineerHoursPerYear;
  const w: SidecarWorking = {
    tax,
    mesh: meshName(mesh.current),
    v,
    currency: result.currency.code,
    years: `${horizon} ${horizon === 1 ? 'year' : 'years'}`,
    all: tax.years.reduce((s, y) => s + y.all, 0),
    kept: tax.years.reduce((s, y) => s + y.kept, 0),
    perNode: tax.years.reduce((s, y) => s + y.perNode, 0),
    hourly,
    moveCost: tax.moveHours * hourly,
  };
  const steps = sidecarCostSteps(ctx, w);
  if (!tax.canMove) {
    return {
      applies: true,
      intro:
        `Every pod in ${w.mesh}'s mesh carries a proxy that reserves CPU and memory on its node. ` +
        `${w.mesh} has no sidecar-free mode, so every path in this report keeps these proxies ` +
        'unless the mesh itself is replaced, which this report does not cost.',
      figure: null,
      steps,
      conclusion: `Every path carries the same ${ctx.money(w.all)} of sidecar compute over ${w.years}.`,
    };
  }
  steps.push(...moveSteps(ctx, w));
  return {
    applies: true,
    intro:
      `Every pod in ${w.mesh}'s mesh carries a proxy that reserves CPU and memory on its node and sits ` +
      'at each end of every request. Istio’s ambient mode, generally available since Istio 1.24, replaces them with ' +
      'one ztunnel per node for mutual TLS and L4 policy and optional waypoint proxies for L7. It runs on any CNI, ' +
      'so the saving is open to every path in this report; each path’s stack takes the move only where it pays off ' +
      'under the client’s priorities. The working uses the client’s figures where given and the defaults in the appendix otherwise.',
    figure: ctx.figure('sidecar-tax'),
    steps,
    conclusion: moveConclusion(ctx, w),
  };
}

/** The section where no sidecar proxy runs: no mesh, or a mesh without sidecars. */
function noSidecars(mesh: BuiltResult['situation']['mesh']['current']): SidecarSection {
  return {
    applies: false,
    intro:
      mesh === 'none'
        ? 'The client runs no service mesh today, so there is no sidecar cost to remove. If a mesh is planned, ' +
          'Istio’s ambient mode (generally available since Istio 1.24, and the mode istio.io recommends starting ' +
          'with) avoids one proxy per pod on any of the paths in this report.'
        : `The client runs ${meshName(mesh)} without sidecar proxies, so there is no sidecar cost to remove.`,
    figure: null,
    steps: [],
    conclusion: '',
  };
}

/** What the sidecars cost today and over the horizon, from one sidecar's reservation up. */
function sidecarCostSteps(ctx: ReportContext, w: SidecarWorking): Step[] {
  const { tax, v, currency } = w;
  const perSidecar = tax.perSidecarYear;
  return [
    {
      label: 'Pods with a sidecar today',
      working: `the client’s figure, ${w.mesh}`,
      value: formatNumber(tax.sidecars),
    },
    {
      label: 'Reserved per sidecar',
      working: `${formatNumber(v.sidecarCpuMillicores)} millicores CPU and ${formatNumber(v.sidecarMemoryMiB)} MiB memory`,
      value: `${formatNumber(v.sidecarCpuMillicores / 1000, 3)} vCPU, ${formatNumber(v.sidecarMemoryMiB * GB_PER_MIB, 3)} GB`,
    },
    {
      label: 'Cost of one sidecar a year',
      working:
        `(${formatNumber(v.sidecarCpuMillicores / 1000, 3)} vCPU × ${formatUnitPrice(v.vcpuHourPrice, currency)} + ` +
        `${formatNumber(v.sidecarMemoryMiB * GB_PER_MIB, 3)} GB × ${formatUnitPrice(v.memoryGbHourPrice, currency)}) × ${formatNumber(HOURS_PER_YEAR)} h`,
      value: formatUnitPrice(perSidecar, currency),
    },
    {
      label: 'Sidecar cost in year 1',
      working: `${formatNumber(tax.sidecars)} × ${formatUnitPrice(perSidecar, currency)}`,
      value: ctx.money(tax.years[0]?.all ?? 0),
    },
    {
      label: `Sidecar cost over ${w.years}`,
      working: `growing ${formatNumber(ctx.sources.result.situation.cluster.growthPercentPerYear, 1)} % a year with the estate`,
      value: ctx.money(w.all),
    },
  ];
}

/** What the move to a sidecar-free mesh retires, and what it costs instead. */
function moveSteps(ctx: ReportContext, w: SidecarWorking): Step[] {
  const share = w.v.sidecarsRemovedWithCiliumPercent;
  return [
    {
      label: 'Share the move retires',
      working:
        share === 100
          ? 'all of them'
          : 'the rest keep a sidecar for features the sidecar-free mode does not cover',
      value: `${formatNumber(share)} %`,
    },
    {
      label: 'Sidecar compute saved',
      working: `${ctx.money(w.all)} − ${ctx.money(w.kept)} still needed`,
      value: ctx.money(w.all - w.kept),
    },
    {
      label: 'Per-node ztunnel and CNI agent instead',
      working: `over ${w.years}, on every node`,
      value: ctx.money(w.perNode),
    },
    {
      label: 'One-off work to move',
      working: `${formatNumber(w.tax.moveHours)} engineer-hours × ${formatUnitPrice(w.hourly, w.currency)} an hour`,
      value: ctx.money(w.moveCost),
    },
  ];
}

/** The move's net saving or cost, and which paths take it (or why none does). */
function moveConclusion(ctx: ReportContext, w: SidecarWorking): string {
  const { all, kept, perNode, moveCost, years } = w;
  const net = all - kept - perNode - moveCost;
  const movers = w.tax.movedBy.map((id) => ctx.shortName(id));
  return (
    `Moving retires about ${ctx.money(all - kept)} of sidecar compute over ${years}, against ` +
    `${ctx.money(perNode + moveCost)} for the per-node agents and the move itself: ` +
    `${net >= 0 ? `a net saving of about ${ctx.money(net)}` : `a net cost of about ${ctx.money(-net)}`} before ` +
    'the added upkeep of ambient mode beside the istiod already run. ' +
    (movers.length === 0
      ? notTaken(ctx, years)
      : `${joinAnd(movers)} ${movers.length === 1 ? 'takes' : 'take'} it.`)
  );
}

/**
 * Why no path takes the move, from the recommended path's own weighing of it: a saving that the client's priorities
 * outweigh (new components, risk) is not a move that "does not pay for itself".
 */
function notTaken(ctx: ReportContext, years: string): string {
  const { result } = ctx.sources;
  const winner = ctx.option(result.recommendation.option);
  const move = winner.stack.decisions.find((d) => d.capability === null);
  if (move === undefined || move.tcoChange >= 0)
    return 'No path takes the move: all costs counted, it does not pay for itself.';
  return (
    `No path takes the move: on the recommended path it saves ${ctx.money(-move.tcoChange)} net over ${years}, ` +
    `operations included, but adds ${move.newComponents} ${move.newComponents === 1 ? 'component' : 'components'} ` +
    'to learn and run, which the client’s priorities weigh more.'
  );
}

import type { BuiltResult } from '../result/result-schema.js';
import { formatNumber, joinAnd, plural } from '../shared/format.js';
import type { ReportContext } from './report-context.js';
import type { MigrationPartSection, MigrationSection } from './report-model.js';
import { cniName } from './situation-section.js';

type MigrationPlan = BuiltResult['migrationPlan'];
type MigrationPart = MigrationPlan['phases'][number]['part'];
type Plan = Omit<MigrationPlan, 'groups'>;

/**
 * How the client gets from today's CNI to the recommended option: the result's migration plan, in words. An
 * estate of groups reads one plan per group, each from the CNI it runs, and the estate's effort and cost after.
 */
export function migrationSection(ctx: ReportContext): MigrationSection {
  const { result } = ctx.sources;
  const { situation } = result;
  const plan = result.migrationPlan;
  const target = ctx.option(plan.option);
  const hoursPerMonth = (result.assumptions.find((a) => a.key === 'engineerHoursPerYear')?.value ?? 0) / 12;
  const { hours } = plan;
  const { runsToday } = result.baseline;
  // An estate's hours are its groups' as they are printed, so the figures a reader adds up agree.
  const total =
    plan.groups === undefined
      ? engineerHours(plan)
      : plan.groups.reduce((sum, g) => sum + engineerHours(g), 0);
  const oneOff = target.tco.byCategory.migration + target.tco.byCategory.training;
  const groups = (plan.groups ?? []).map((g) => {
    const group = situation.cluster.groups?.find((s) => s.name === g.name);
    const scope =
      group === undefined ? '' : ` (${plural(group.clusters, 'cluster')}, ${plural(group.nodes, 'node')})`;
    const runs = runsToday.find((t) => t.group === g.name)?.name ?? cniName(g.from);
    return {
      name: `${g.name}${scope}`,
      ...planPart(ctx, g, group?.clusters ?? 0, group?.nodes ?? 0, runs),
    };
  });
  // What the client runs today by the name its provider gives it (GKE Dataplane V2), where the plan starts from it.
  const today = runsToday.find((t) => t.cni === plan.from)?.name ?? cniName(plan.from);
  const estate = planPart(ctx, plan, situation.cluster.clusters, situation.cluster.nodes, today);

  return {
    title: estate.title,
    from: groups.length > 0 ? 'what each group runs today' : estate.from,
    to: target.name,
    summary: estate.summary,
    source: estate.source,
    phases: estate.phases,
    caveats: estate.caveats,
    groups,
    totalEffort:
      total === 0
        ? 'No migration effort is counted.'
        : `${formatNumber(total)} engineer-hours in all, about ${formatNumber(total / hoursPerMonth, 1)} engineer-months, ` +
          `already adjusted for a team of ${situation.team.maturity} maturity` +
          (hours['ict-provider'] > 0
            ? `, and ${dutiesUnderDora(target.newIctProviders, hours['ict-provider'])}.`
            : '.') +
          (groups.length > 0 || plan.effortBasis === null ? '' : ` ${plan.effortBasis}`),
    cost: `${ctx.money(oneOff)} one-off in year 1 (${ctx.money(target.tco.byCategory.migration)} migration, ${ctx.money(target.tco.byCategory.training)} training).`,
    risks: target.risks.map((r) => r.text),
  };
}

/** One plan in words: its path, its phases with their hours, and its caveats. */
function planPart(
  ctx: ReportContext,
  plan: Plan,
  clusters: number,
  nodes: number,
  fromName: string,
): MigrationPartSection {
  const { hours } = plan;
  const target = ctx.option(plan.option);
  // The per-cluster hours are one figure for every phase that shares them: given once, so the column adds up.
  const clusterPhases = plan.phases.flatMap((p, i) => (p.part === 'cluster' ? [i + 1] : []));
  const clusterEffort = (number: number) => {
    const [first = number, ...others] = clusterPhases;
    if (number !== first) return `in the ${formatNumber(hours.cluster)} h of phase ${first}`;
    const where = `${formatNumber(hours.cluster)} h for ${plural(clusters, 'cluster')}`;
    return others.length === 0
      ? where
      : `${where}, with ${others.length === 1 ? 'phase' : 'phases'} ${joinAnd(others.map(String))}`;
  };
  const effortOf: Record<Exclude<MigrationPart, 'cluster'>, string> = {
    node: `${formatNumber(hours.node)} h for ${formatNumber(nodes)} nodes`,
    'kube-proxy': `${formatNumber(hours['kube-proxy'])} h`,
    addons: `${formatNumber(hours.addons)} h of add-on set-up`,
    mesh: `${formatNumber(hours.mesh)} h`,
    'ict-provider':
      target.newIctProviders.upkeepHoursPerYear > 0
        ? `${formatNumber(hours['ict-provider'])} h of risk, legal and procurement time, then ${formatNumber(target.newIctProviders.upkeepHoursPerYear)} h a year (estimates)`
        : `${formatNumber(hours['ict-provider'])} h of risk and legal time (an estimate)`,
  };
  const withClientCni = (text: string) => text.replaceAll('{currentCni}', fromName);
  const sum = engineerHours(plan);
  return {
    title: withClientCni(plan.title),
    from: fromName,
    summary: withClientCni(plan.summary),
    source: plan.source,
    phases: plan.phases.map((p, i) => ({
      number: i + 1,
      title: p.title,
      steps: withClientCni(p.steps),
      effort: p.part === 'cluster' ? clusterEffort(i + 1) : effortOf[p.part],
    })),
    effort:
      `${sum === 0 ? 'No migration effort is counted' : `${formatNumber(sum)} engineer-hours`}.` +
      (plan.effortBasis === null ? '' : ` ${plan.effortBasis}`),
    caveats: flagCaveats(plan.caveats),
  };
}

/** The engineers' hours of a plan (the DORA contracting is risk, legal and procurement time, said apart). */
const engineerHours = ({ hours }: Plan) =>
  hours.cluster + hours.node + hours['kube-proxy'] + hours.addons + hours.mesh;

/**
 * The caveats in the client's language: those the data says certainly apply to the client's current CNI come first
 * and say so, so a Calico client reads that the untested "existing NetworkPolicy provider" case is theirs.
 */
export function flagCaveats(caveats: MigrationPlan['caveats']): string[] {
  return [
    ...caveats.filter((c) => c.appliesToClient).map((c) => `Applies to the client’s clusters: ${c.text}`),
    ...caveats.filter((c) => !c.appliesToClient).map((c) => c.text),
  ];
}

/** The DORA work in the migration's hours: contracting new providers, extending contracts the client holds, or both. */
function dutiesUnderDora(
  providers: { readonly names: readonly string[]; readonly alreadyContracted: readonly string[] },
  hours: number,
): string {
  const contract = `contract the new provider (${joinAnd(providers.names)})`;
  // A vendor's name may hold a comma ("Isovalent, part of Cisco"), so the name ends the clause.
  const extend = `extend to the new service the existing contract with ${joinAnd(providers.alreadyContracted)}`;
  const duties =
    providers.names.length === 0
      ? extend
      : providers.alreadyContracted.length === 0
        ? contract
        : `${contract} and ${extend}`;
  return `${formatNumber(hours)} h to ${duties} as DORA requires`;
}

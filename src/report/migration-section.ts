import type { CNIS } from '../schema/answers.js';
import type { MigrationCaveat, MigrationPart } from '../schema/dataset.js';
import { InternalError } from '../shared/errors.js';
import { formatNumber } from '../shared/format.js';
import type { ReportContext } from './report-context.js';
import type { MigrationSection } from './report-model.js';
import { cniName } from './situation-section.js';

/** How the client gets from today's CNI to the recommended option: phases, effort, caveats, risks. */
export function migrationSection(ctx: ReportContext): MigrationSection {
  const { result, answers, dataset } = ctx.sources;
  const target = ctx.option(result.recommendation.option);
  const from = answers.cluster.currentCni;
  // The path to the CNI the option runs for this client: its own, or the client's where it keeps it.
  const path = dataset.migrations.find((m) => m.toCni === target.cni && m.from.includes(from));
  if (path === undefined) throw new InternalError(`no migration path from ${from} to ${target.cni}`);

  const maturity = dataset.model.maturityOpsFactor[answers.team.maturity] ?? 1;
  const value = (key: string) => result.assumptions.find((a) => a.key === key)?.value ?? 0;
  const perNode = value('migrationHoursPerNode');
  const hoursPerMonth = value('engineerHoursPerYear') / 12;
  const nodeHours =
    target.migration.cniHours > 0 ? Math.round(perNode * answers.cluster.nodes * maturity) : 0;
  const hours: Record<MigrationPart, number> = {
    cluster: target.migration.cniHours - nodeHours,
    node: nodeHours,
    'kube-proxy': target.migration.kubeProxyHours,
    addons: target.migration.addonHours,
    mesh: target.migration.meshHours,
  };
  const effortOf: Record<MigrationPart, string> = {
    cluster: `shares ${formatNumber(hours.cluster)} h of per-cluster work (${formatNumber(answers.cluster.clusters)} ${answers.cluster.clusters === 1 ? 'cluster' : 'clusters'})`,
    node: `${formatNumber(hours.node)} h for ${formatNumber(answers.cluster.nodes)} nodes`,
    'kube-proxy': `${formatNumber(hours['kube-proxy'])} h`,
    addons: `${formatNumber(hours.addons)} h of add-on set-up`,
    mesh: `${formatNumber(hours.mesh)} h`,
  };
  const withClientCni = (text: string) => text.replaceAll('{currentCni}', cniName(from));
  // The engine decides whether kube-proxy is replaced on this path (kept on the staying path unless needed).
  const steps = path.phases.filter((p) => p.part !== 'kube-proxy' || hours['kube-proxy'] > 0);
  if (hours.mesh > 0) steps.push(dataset.meshRetirement);
  const phases = steps.map((p, i) => ({
    number: i + 1,
    title: p.title,
    steps: withClientCni(p.steps),
    effort: effortOf[p.part],
  }));
  const total = hours.cluster + hours.node + hours['kube-proxy'] + hours.addons + hours.mesh;
  const oneOff = target.tco.byCategory.migration + target.tco.byCategory.training;

  return {
    title: withClientCni(path.title),
    from: cniName(from),
    to: target.name,
    summary: withClientCni(path.summary),
    source: path.source,
    phases,
    totalEffort:
      total === 0
        ? 'No migration effort is counted.'
        : `${formatNumber(total)} engineer-hours in all, about ${formatNumber(total / hoursPerMonth, 1)} engineer-months, ` +
          `already adjusted for a team of ${answers.team.maturity} maturity.`,
    cost: `${ctx.money(oneOff)} one-off in year 1 (${ctx.money(target.tco.byCategory.migration)} migration, ${ctx.money(target.tco.byCategory.training)} training).`,
    caveats: flagCaveats(path.caveats, from),
    risks: target.risks.map((r) => r.text),
  };
}

/**
 * The caveats in the client's language: those the data says certainly apply to the client's current CNI come first
 * and say so, so a Calico client reads that the untested "existing NetworkPolicy provider" case is theirs.
 */
export function flagCaveats(caveats: readonly MigrationCaveat[], from: (typeof CNIS)[number]): string[] {
  const applies = (c: MigrationCaveat) => c.appliesTo?.includes(from) === true;
  return [
    ...caveats.filter(applies).map((c) => `Applies to your clusters: ${c.text}`),
    ...caveats.filter((c) => !applies(c)).map((c) => c.text),
  ];
}

import type { MigrationPart } from '../schema/dataset.js';
import { InternalError } from '../shared/errors.js';
import { formatNumber } from '../shared/format.js';
import type { ReportContext } from './report-context.js';
import type { MigrationSection } from './report-model.js';
import { cniName } from './situation-section.js';

/** How the client gets from today's CNI to the recommended option: phases, effort, caveats, risks. */
export function migrationSection(ctx: ReportContext): MigrationSection {
  const { result, answers, dataset } = ctx.sources;
  const target = ctx.option(result.recommendation.option);
  const targetData = dataset.options.find((o) => o.id === target.id);
  if (targetData === undefined) throw new InternalError(`no data for option ${target.id}`);
  const from = answers.cluster.currentCni;
  const path = dataset.migrations.find((m) => m.toCni === targetData.cni && m.from.includes(from));
  if (path === undefined) throw new InternalError(`no migration path from ${from} to ${targetData.cni}`);

  const maturity = dataset.model.maturityOpsFactor[answers.team.maturity] ?? 1;
  const value = (key: string) => result.assumptions.find((a) => a.key === key)?.value ?? 0;
  const perNode = value('migrationHoursPerNode');
  const hoursPerMonth = value('engineerHoursPerYear') / 12;
  const nodeHours =
    target.migration.cniHours > 0 ? Math.round(perNode * answers.cluster.nodes * maturity) : 0;
  const hours: Record<MigrationPart, number> = {
    cluster: target.migration.cniHours - nodeHours + target.migration.kubeProxyHours,
    node: nodeHours,
    addons: target.migration.addonHours,
    mesh: target.migration.meshHours,
  };
  const effortOf: Record<MigrationPart, string> = {
    cluster: `shares ${formatNumber(hours.cluster)} h of per-cluster work (${formatNumber(answers.cluster.clusters)} ${answers.cluster.clusters === 1 ? 'cluster' : 'clusters'})`,
    node: `${formatNumber(hours.node)} h for ${formatNumber(answers.cluster.nodes)} nodes`,
    addons: `${formatNumber(hours.addons)} h of add-on set-up`,
    mesh: `${formatNumber(hours.mesh)} h`,
  };
  const steps = [...path.phases];
  if (hours.mesh > 0) steps.push(dataset.meshRetirement);
  const phases = steps.map((p, i) => ({
    number: i + 1,
    title: p.title,
    steps: p.steps,
    effort: effortOf[p.part],
  }));
  const total = hours.cluster + hours.node + hours.addons + hours.mesh;
  const oneOff = target.tco.byCategory.migration + target.tco.byCategory.training;

  return {
    title: path.title,
    from: cniName(from),
    to: target.name,
    summary: path.summary,
    source: path.source,
    phases,
    totalEffort:
      total === 0
        ? 'No migration effort is counted.'
        : `${formatNumber(total)} engineer-hours in all, about ${formatNumber(total / hoursPerMonth, 1)} engineer-months, ` +
          `already adjusted for a team of ${answers.team.maturity} maturity.`,
    cost: `${ctx.money(oneOff)} one-off in year 1 (${ctx.money(target.tco.byCategory.migration)} migration, ${ctx.money(target.tco.byCategory.training)} training).`,
    caveats: path.caveats,
    risks: target.risks.map((r) => r.text),
  };
}

import type { Dataset } from '../schema/dataset.js';
import { OPTION_IDS } from '../schema/dataset.js';

/** The data set as text: capability matrix with notes and sources, then cost defaults with range and source. */
export function formatDataReport(d: Dataset): string {
  const lines = [
    `cnireport data ${d.meta.dataVersion} (researched ${d.meta.researchedOn})`,
    '',
    'Capabilities',
  ];
  for (const c of d.capabilities) {
    lines.push(`  ${c.name}: ${c.why}`);
    for (const id of OPTION_IDS) {
      const s = c.support[id];
      const via = s.addons.length > 0 ? ` via ${s.addons.join(', ')}` : '';
      lines.push(`    ${id}: ${s.level}${via}. ${s.note}`, `      source: ${s.source}`);
    }
  }
  lines.push('', 'Cost defaults (money in USD unless a local figure is given; low / likely / high)');
  for (const [key, c] of Object.entries(d.costs)) {
    lines.push(`  ${key}: ${c.low} / ${c.likely} / ${c.high} ${c.money ? 'USD ' : ''}${c.unit} [${c.kind}]`);
    lines.push(`    source: ${c.source.trim()}`);
    for (const [cur, v] of Object.entries(c.byCurrency ?? {})) {
      lines.push(`    ${cur}: ${v.low} / ${v.likely} / ${v.high}; ${v.source.trim()}`);
    }
    for (const [mesh, v] of Object.entries(c.byMesh ?? {})) {
      lines.push(`    with ${mesh}: ${v.low} / ${v.likely} / ${v.high}; ${v.source.trim()}`);
    }
  }
  lines.push('', 'Flannel add-ons');
  for (const a of d.addons) {
    lines.push(
      `  ${a.name}: ops ${a.opsHoursPerClusterMonth.likely} h/cluster-month (${a.opsHoursPerClusterMonth.low}-${a.opsHoursPerClusterMonth.high}), set-up ${a.setupHoursPerCluster.likely} h/cluster, per node ${a.perNode.cpuMillicores}m CPU ${a.perNode.memoryMiB} MiB`,
      `    source: ${a.source.trim()}`,
    );
  }
  lines.push('', 'Exchange rates');
  for (const r of d.currencies.rates) lines.push(`  ${r.currency}: ${r.perUsd} per USD; ${r.source.trim()}`);
  return `${lines.join('\n')}\n`;
}

import type { Dataset, Support } from '../schema/dataset.js';

/** One support entry: level (and the level without its add-ons), note, caveat and source. */
function supportLines(label: string, s: Omit<Support, 'byCni'>, indent: string): string[] {
  const via = s.addons.length > 0 ? ` via ${s.addons.join(', ')} (without: ${s.without})` : '';
  return [
    `${indent}${label}: ${s.level}${via}. ${s.note.trim()}`,
    ...(s.caveat === undefined
      ? []
      : [`${indent}  caveat (${s.caveat.id}, +${s.caveat.penalty} risk): ${s.caveat.text.trim()}`]),
    `${indent}  source: ${s.source.trim()}`,
    ...s.alternatives.flatMap((w) => [
      `${indent}  or ${w.level} via ${w.addons.join(', ')}. ${w.note.trim()}`,
      `${indent}    source: ${w.source.trim()}`,
    ]),
  ];
}

/** The data set as text: capability matrix with notes and sources, then cost defaults with range and source. */
export function formatDataReport(d: Dataset): string {
  const lines = [
    `cnireport data ${d.meta.dataVersion} (researched ${d.meta.researchedOn}, facts verified ${d.meta.verifiedOn})`,
    '',
    'Capabilities',
  ];
  for (const c of d.capabilities) {
    lines.push(`  ${c.name}: ${c.why}`);
    for (const { id } of d.options) {
      const s = c.support[id];
      if (s === undefined) continue;
      lines.push(...supportLines(id, s, '    '));
      for (const [cni, o] of Object.entries(s.byCni ?? {}))
        lines.push(...supportLines(`when kept on ${cni}`, o, '      '));
    }
  }
  lines.push('', 'Needs rules (importance derived from the answers)');
  for (const r of d.rules) {
    const set = Object.entries(r.set)
      .map(([capability, importance]) => `${capability} ${importance}`)
      .join(', ');
    lines.push(`  ${r.id}: ${set}. ${r.because.trim()}`);
    if (r.source !== undefined) lines.push(`    source: ${r.source.trim()}`);
  }
  lines.push('', 'Migration paths');
  for (const m of d.migrations) {
    lines.push(
      `  ${m.title} (from ${m.from.join(', ')} to ${m.toCni}): ${m.phases.length} phases`,
      `    source: ${m.source}`,
    );
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
  lines.push('', 'Exchange rates (ECB monthly averages, units per EUR)');
  for (const m of d.currencies.months) {
    const rates = Object.entries(m.perEur).map(([c, x]) => `${c} ${x}`);
    lines.push(`  ${m.month} (${m.days} days): ${rates.join(', ')}`);
  }
  lines.push(`  source: ${d.currencies.source.trim()}`);
  if (d.currencies.gap !== undefined) lines.push(`  not shipped: ${d.currencies.gap.trim()}`);
  return `${lines.join('\n')}\n`;
}

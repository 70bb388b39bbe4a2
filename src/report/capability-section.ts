import { optionsInOrder } from '../result/options-in-order.js';
import { joinAnd } from '../shared/format.js';
import { IMPORTANCE_LABELS, LEVEL_WORDS, SUPPORT_LEVEL_LABELS } from '../words/level-words.js';
import type { ReportContext } from './report-context.js';
import type { CapabilitySection } from './report-model.js';
import { importanceClass } from './situation-section.js';

// Add-on names are proper names ("Retina …"), except the generic "The service mesh …".
const named = (addon: string) => addon.replace(/^The /, 'the ');

/** Capability by option, the stack of the path with most add-ons, and each option's risks for this client. */
export function capabilitySection(ctx: ReportContext): CapabilitySection {
  const { result } = ctx.sources;
  const byOption = optionsInOrder(result);
  const rows = result.needs.map((need) => ({
    name: need.name,
    importance: IMPORTANCE_LABELS[need.importance],
    importanceClass: importanceClass(need.importance),
    cells: byOption.map((o) => {
      const cap = o.capabilities.find((c) => c.id === need.capability);
      const level = cap?.level ?? 'none';
      const via = (cap?.via ?? []).map(named);
      // An estate's groups reaching it differently: which group has what (SUSE's support on premises, none on EKS).
      const byGroup = (cap?.groups ?? [])
        .map(
          (g) =>
            `${g.group}: ${g.via.length > 0 ? `with ${joinAnd(g.via.map(named))}` : LEVEL_WORDS[g.level].alone}`,
        )
        .join('; ');
      const detail =
        byGroup !== ''
          ? byGroup
          : via.length > 0
            ? `with ${joinAnd(via)}`
            : level === 'none' && cap !== undefined && cap.possibleLevel !== 'none'
              ? `${LEVEL_WORDS[cap.possibleLevel].alone} if needed`
              : '';
      return { level: SUPPORT_LEVEL_LABELS[level], levelClass: `level-${level}`, detail };
    }),
  }));

  // The path with most add-ons to run (the minimal CNI in practice): the one whose stack the client must weigh.
  const heaviest = [...result.options].sort(
    (a, b) => b.stack.addons.length - a.stack.addons.length || a.rank - b.rank,
  )[0] as (typeof result.options)[number];
  const stack = {
    option: heaviest.short,
    components: joinAnd(heaviest.stack.components),
    addons: heaviest.stack.addons.map((a) => ({
      name: a.name,
      status: a.isNew ? 'to add' : 'already running',
    })),
    note:
      heaviest.stack.addons.length === 0
        ? `${heaviest.short} needs no add-on for what this client must have or chose to add.`
        : `To reach what the client must have, and the other needs worth their cost, ${heaviest.short} runs ` +
          `${heaviest.stack.components.length} components per cluster; each is another release to track, upgrade and debug.`,
  };

  const risks = result.options.map((o) => ({
    option: o.name,
    items:
      o.risks.length === 0
        ? [{ text: 'No specific risk for this client.', penalty: '–' }]
        : o.risks.map((r) => ({ text: r.text, penalty: `−${r.penalty.toFixed(2)}` })),
  }));

  return {
    figure: ctx.figure('capability-heatmap'),
    dense: byOption.length > 3,
    rows,
    flannelStack: stack,
    risks,
  };
}

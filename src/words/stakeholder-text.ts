import { criterionInText, PRIORITY_MAX } from '../schema/criteria.js';
import type { StakeholderView, StakeholderViews, WeightRange } from '../scoring/stakeholder-views.js';
import { formatNumber, formatPercent, joinAnd, roundThreshold } from '../shared/format.js';

const weight = (x: number) => formatNumber(x, 1);

/** The edge of `range` nearest to its current value that is not an end of the 0–5 scale, if any. */
function nearestEdge(range: WeightRange): { at: number; side: 'below' | 'above' } | null {
  const edges = [
    ...(range.from > 0 ? [{ at: range.from, side: 'below' as const }] : []),
    ...(range.to < PRIORITY_MAX ? [{ at: range.to, side: 'above' as const }] : []),
  ];
  return edges.sort((a, b) => Math.abs(a.at - range.current) - Math.abs(b.at - range.current))[0] ?? null;
}

/**
 * What one stakeholder would choose, and the boundary of their (dis)agreement, e.g. "CFO would choose Cilium OSS
 * (confidence 74 %), as the report does, while their cost priority stays at 2.6 or more (now 4)."
 */
export function stakeholderSentence(view: StakeholderView, group: StakeholderViews['group']): string {
  const { name, recommendation: rec, agrees, holds, comesRound } = view;
  const chooses = `${name} would choose ${rec.name} (confidence ${formatPercent(rec.confidence)})`;
  if (agrees) {
    const bounded = holds
      .map((r) => ({ r, edge: nearestEdge(r) }))
      .filter(
        (x): x is { r: WeightRange; edge: NonNullable<ReturnType<typeof nearestEdge>> } => x.edge !== null,
      )
      .sort((a, b) => Math.abs(a.edge.at - a.r.current) - Math.abs(b.edge.at - b.r.current));
    const first = bounded[0];
    if (first === undefined)
      return `${chooses}, as the report does, whatever any one of their priorities from 0 to 5.`;
    const stays = first.edge.side === 'below' ? 'more' : 'less';
    const edge = roundThreshold(first.edge.at, first.r.current, 0.1, 'keeps');
    return `${chooses}, as the report does, while their ${criterionInText(first.r.criterion)} priority stays at ${weight(edge)} or ${stays} (now ${weight(first.r.current)}).`;
  }
  const moves = comesRound
    .map((r) =>
      r.current < r.from
        ? { r, at: r.from, verb: 'rose to', or: 'more', distance: r.from - r.current }
        : { r, at: r.to, verb: 'fell to', or: 'less', distance: r.current - r.to },
    )
    .sort((a, b) => a.distance - b.distance);
  const first = moves[0];
  if (first === undefined)
    return `${chooses}, not ${group.name}; no single priority of theirs, moved within 0 to 5, changes that.`;
  return `${chooses}, not ${group.name}; they would come round to it if their ${criterionInText(first.r.criterion)} priority ${first.verb} ${weight(roundThreshold(first.at, first.r.current, 0.1, 'changes'))} or ${first.or} (now ${weight(first.r.current)}).`;
}

/** Where the stakeholders agree, in one sentence. */
export function agreementSentence(views: StakeholderViews): string {
  const { group, blocs } = views;
  const count = views.views.length;
  const [first] = blocs;
  if (blocs.length === 1 && first !== undefined) {
    const all = count === 1 ? (first.stakeholders[0] ?? '') : `All ${count} stakeholders`;
    return first.option === group.option
      ? `${all} would choose ${group.name}, as the report recommends.`
      : `${all} would choose ${first.name}, not ${group.name} as the report recommends.`;
  }
  return `The stakeholders part: ${blocs.map((b) => `${joinAnd(b.stakeholders)} would choose ${b.name}`).join('; ')}.`;
}

export type DescribedStakeholderViews = Omit<StakeholderViews, 'views'> & {
  readonly views: readonly (StakeholderView & { readonly sentence: string })[];
  readonly sentence: string;
};

/** The stakeholders' views with their sentences, in the order result.json writes their fields. */
export function describeStakeholders(views: StakeholderViews): DescribedStakeholderViews {
  return {
    ...views,
    views: views.views.map((v) => ({ ...v, sentence: stakeholderSentence(v, views.group) })),
    sentence: agreementSentence(views),
  };
}

import { formatPercent, joinAnd } from '../shared/format.js';
import type { ReportContext } from './report-context.js';

/**
 * How much of each path's total rests on prices nobody has quoted yet: "80 % of Isovalent's total rests on an
 * indicative price (the Isovalent subscription price per node), not a vendor quote; the other paths' totals do
 * not." Unnamed ("… rests on it"), after a sentence that names the prices. Null when no default placeholder is in use or no path's total rests on one.
 */
export function indicativeShareSentence(ctx: ReportContext, named = true): string | null {
  const { result } = ctx.sources;
  const placeholders = result.assumptions.filter((a) => a.kind === 'placeholder' && a.origin === 'default');
  const resting = result.options.filter((o) => o.tco.indicativeShare > 0);
  if (placeholders.length === 0 || resting.length === 0) return null;
  const shares = resting.map(
    (o, i) => `${formatPercent(o.tco.indicativeShare)} of ${ctx.shortName(o.id)}’s${i === 0 ? ' total' : ''}`,
  );
  const prices = joinAnd(placeholders.map((a) => a.description.replace(/\.$/, '')));
  const many = placeholders.length > 1;
  const others = resting.length < result.options.length ? '; the other paths’ totals do not' : '';
  const verb = resting.length === 1 ? 'rests' : 'rest';
  // Unnamed, where the sentence before has just named the prices.
  if (!named) return `${joinAnd(shares)} ${verb} on ${many ? 'them' : 'it'}${others}.`;
  return `${joinAnd(shares)} ${verb} on ${many ? 'indicative prices' : 'an indicative price'} (${prices}), not a vendor quote${others}.`;
}

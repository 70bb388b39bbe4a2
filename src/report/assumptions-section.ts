import { optionsInOrder } from '../result/options-in-order.js';
import { formatQuantity } from '../shared/format.js';
import type { ReportContext } from './report-context.js';
import type { AssumptionsSection } from './report-model.js';

const KIND_LABELS = {
  sourced: 'sourced',
  derived: 'derived from sources',
  estimate: 'estimate',
  placeholder: 'indicative, no quote yet',
  client: 'client figure',
} as const;

const ORIGIN_LABELS = { default: 'default', override: 'client override', answer: 'client answer' } as const;

/** Every input the figures rest on, where it comes from, and which ones the client set. */
export function assumptionsSection(ctx: ReportContext): AssumptionsSection {
  const { result } = ctx.sources;
  const currency = result.currency.code;
  const rows = result.assumptions.map((a) => {
    const value = formatQuantity(a.value, a.unit, currency);
    const low = formatQuantity(a.low, a.unit, currency);
    const high = formatQuantity(a.high, a.unit, currency);
    const clientSet = a.origin !== 'default';
    return {
      name: a.description,
      key: a.key,
      value: `${value.value} ${value.unit}`,
      range: clientSet && a.low === a.high ? 'fixed by the client' : `${low.value} – ${high.value}`,
      kind: KIND_LABELS[a.kind],
      origin: ORIGIN_LABELS[a.origin],
      overridden: clientSet,
      source: a.source,
    };
  });
  const set = rows.filter((r) => r.overridden).length;
  // The sources of what the result says for this client (a kept CNI's own, a platform's), not the data's defaults.
  const capabilitySources = result.needs.flatMap((need) =>
    optionsInOrder(result).map((o) => ({
      capability: need.name,
      option: o.short,
      source: o.capabilities.find((c) => c.id === need.capability)?.source ?? '',
    })),
  );
  return {
    rows,
    overriddenCount:
      set === 0
        ? 'The client set none of these inputs; every figure uses the defaults below.'
        : `The client set ${set} of ${rows.length} inputs (marked); the others use the defaults below.`,
    currency:
      result.currency.code === 'USD'
        ? 'Amounts in the data are in US dollars.'
        : `Amounts in the data are in US dollars, converted at ${result.currency.perUsd} ${result.currency.code} per USD (${result.currency.source}); local salary figures are used where the data has them.`,
    notCosted: result.notCosted,
    capabilitySources,
  };
}

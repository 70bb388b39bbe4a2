import type { OptionResult } from '../result/result-types.js';
import { formatNumber, joinAnd, lowerFirst } from '../shared/format.js';
import type { ReportContext } from './report-context.js';
import type { PathsSection } from './report-model.js';

type StackDecisionResult = OptionResult['stack']['decisions'][number];

/**
 * What each path is given to close the client's musts, and which other needs and the sidecar move it takes in or
 * leaves out. A choice every path makes alike is said once, before the paths, with the range of what it costs
 * across them; each path then lists only what is its own.
 */
export function pathsSection(ctx: ReportContext): PathsSection {
  const paths = ctx.sources.result.options.filter((o) => o.excludedBy.length === 0);
  const keyed = paths.map((o) => new Map(o.stack.decisions.map((d) => [decisionKey(d), d])));
  const sharedKeys = [...(keyed[0]?.keys() ?? [])].filter(
    (key) => paths.length > 1 && keyed.every((m) => m.has(key)),
  );
  const shared = sharedKeys.map((key) =>
    sharedSentence(
      ctx,
      keyed.map((m) => m.get(key) as StackDecisionResult),
    ),
  );
  return {
    shared,
    stacks: paths.map((o) => {
      const own = stackItems(ctx, o, new Set(sharedKeys));
      return {
        option: o.name,
        items:
          own.length > 0
            ? own
            : [
                shared.length > 0
                  ? 'Nothing beyond what every path shares.'
                  : 'Nothing to add: it meets what the client needs as it is.',
              ],
      };
    }),
  };
}

/** The same choice on two paths: the same need (or the sidecar move), the same add-ons, the same outcome. */
function decisionKey(d: StackDecisionResult): string {
  return JSON.stringify([d.capability, d.addons, d.taken, d.planned ?? false]);
}

function sharedSentence(ctx: ReportContext, ds: readonly StackDecisionResult[]): string {
  const first = ds[0] as StackDecisionResult;
  const years = ctx.sources.result.engagement.horizonYears;
  const horizon = `${years} ${years === 1 ? 'year' : 'years'}`;
  const what =
    first.capability === null
      ? 'Moving the sidecars to Istio ambient mode'
      : `${joinAnd(first.addons.length > 0 ? [...first.addons] : ['its add-ons'])} for ` +
        `${lowerFirst(ctx.capabilityName(first.capability))} (${first.importance})`;
  const saves = ds.every((d) => d.tcoChange < 0);
  const amounts = spread(
    ds.map((d) => Math.abs(d.tcoChange)),
    ctx.money,
  );
  const cost = ds.every((d) => Math.round(d.tcoChange) === 0)
    ? 'costs about nothing'
    : saves
      ? `saves ${amounts} over ${horizon}`
      : ds.every((d) => d.tcoChange > 0)
        ? `costs ${amounts} over ${horizon}`
        : 'saves on some paths and costs on others';
  const components = ds.map((d) => d.newComponents);
  const most = Math.max(...components);
  const load =
    most === 0
      ? ''
      : ` and adds ${spread(components, (n) => formatNumber(n))} component${most === 1 ? '' : 's'} to learn and run`;
  const outcome = first.taken ? 'taken' : 'left out';
  const why =
    first.capability === null
      ? first.taken
        ? 'which the client’s priorities favour'
        : 'which the client’s priorities do not favour overall'
      : first.planned === true
        ? 'as the client asked for it'
        : first.taken
          ? 'worth it under the client’s priorities'
          : 'more than the capability gained is worth under the client’s priorities';
  return `${what}: ${outcome}; it ${cost}${load}, ${why}.`;
}

/** One figure when every path rounds to it, else the lowest to the highest "by path". */
function spread(values: readonly number[], format: (x: number) => string): string {
  const texts = [...new Set([...values].sort((a, b) => a - b).map(format))];
  return texts.length === 1 ? (texts[0] as string) : `${texts[0]} to ${texts.at(-1)}, by path,`;
}

function stackItems(ctx: ReportContext, o: OptionResult, shared: ReadonlySet<string>): string[] {
  const items: string[] = [];
  for (const c of o.capabilities) {
    if (c.importance === 'must' && c.via.length > 0 && c.level === 'add-on')
      items.push(`${ctx.capabilityName(c.id)} (must): met with ${joinAnd(c.via)}, costed in its TCO.`);
  }
  for (const id of o.unmetMusts) {
    const c = o.capabilities.find((x) => x.id === id);
    items.push(
      `${ctx.capabilityName(id)} (must): ${c?.level === 'partial' ? 'met only in part, which rules this path out' : 'not met, which rules this path out'}.`,
    );
  }
  for (const d of o.stack.decisions) if (!shared.has(decisionKey(d))) items.push(d.reason);
  return items;
}

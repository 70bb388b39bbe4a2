import { indicativeShareSentence } from './indicative-share.js';
import type { ReportContext } from './report-context.js';
import { relativeDistance } from './summary-words.js';

/** A placeholder sways the decision when it drives the winner's cost or a change of this share of it flips it. */
const PLACEHOLDER_SWAY = 0.5;

/**
 * The prices with no public figure and no quote yet: the warning naming them and how much rests on them, and
 * whether they sway the decision (a tornado bar, or a flip point within half their value).
 */
export function placeholderNote(ctx: ReportContext): {
  readonly placeholderWarning: string | null;
  readonly placeholderMatters: boolean;
} {
  const { result } = ctx.sources;
  const placeholders = result.assumptions.filter((a) => a.kind === 'placeholder' && a.origin === 'default');
  const placeholderWarning =
    placeholders.length === 0
      ? null
      : `${placeholders.map((a) => a.description.replace(/\.$/, '')).join('; ')}: ` +
        `${placeholders.length === 1 ? 'an indicative price' : 'indicative prices'}; no vendor quote yet. ` +
        `${indicativeShareSentence(ctx, false) ?? ''} `.trimStart() +
        `The figures that rest on ${placeholders.length === 1 ? 'it' : 'them'} will move once a quote is in.`;
  const placeholderKeys = new Set<string>(placeholders.map((a) => a.key));
  const placeholderMatters =
    result.tornado.bars.some((b) => placeholderKeys.has(b.key)) ||
    result.sensitivity.some(
      (s) =>
        placeholderKeys.has(s.key) &&
        s.flipsAt !== null &&
        relativeDistance(s.current, s.flipsAt) <= PLACEHOLDER_SWAY,
    );
  return { placeholderWarning, placeholderMatters };
}

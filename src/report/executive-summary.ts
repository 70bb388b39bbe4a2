import { formatPercent } from '../shared/format.js';
import { cannotRunOn } from '../words/cannot-run-on.js';
import { turnsOnSentence } from '../words/turns-on-sentence.js';
import { closeCallNote } from './close-call-note.js';
import { decisionFlips } from './decision-flips.js';
import { judgement } from './judgement.js';
import { placeholderNote } from './placeholder-note.js';
import type { ReportContext } from './report-context.js';
import type { ExecutiveSummary } from './report-model.js';
import { summaryHeadline } from './summary-headline.js';
import { summaryKeyFigures } from './summary-key-figures.js';
import { formatScore, listNames } from './summary-words.js';

const MAX_REASONS = 5;

/** The first page a client reads: the decision, why, what comes second and what would change it. */
export function executiveSummary(ctx: ReportContext): ExecutiveSummary {
  const { result } = ctx.sources;
  const rec = result.recommendation;
  const winner = ctx.option(rec.option);
  const runnerUp = ctx.option(rec.runnerUp);
  const runnerUpSentence = runnerUp.disqualified
    ? `No other option meets every must the client set.`
    : `${runnerUp.name} comes second, scoring ${formatScore(runnerUp.score)} against ${formatScore(winner.score)}` +
      ` at a median ${ctx.money(runnerUp.tco.median)} over the horizon.`;
  const turnsOn = rec.closeCall
    ? turnsOnSentence(rec.closeBecause, Object.fromEntries(result.options.map((o) => [o.id, o.short])))
    : null;
  const ruledOut = result.options
    .filter((o) => o.disqualified)
    .map((o) =>
      o.excludedBy.length > 0
        ? `${o.name} is ruled out: it ${cannotRunOn(o)}.`
        : `${o.name} is ruled out: it does not fully meet ${listNames(ctx, o.unmetMusts)}, which the client must have.`,
    );
  const { placeholderWarning, placeholderMatters } = placeholderNote(ctx);
  return {
    optionId: rec.option,
    optionName: rec.name,
    confidence: formatPercent(rec.confidence),
    headline: summaryHeadline(ctx),
    reasons: rec.reasons.slice(0, MAX_REASONS),
    runnerUp: runnerUpSentence,
    flips: decisionFlips(ctx, turnsOn),
    closeCall: closeCallNote(ctx, turnsOn),
    turnsOn,
    ruledOut,
    keyFigures: summaryKeyFigures(ctx),
    placeholderWarning,
    placeholderMatters,
    judgement: judgement(ctx),
  };
}

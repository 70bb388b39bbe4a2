import type { TopLevelSpec } from 'vega-lite';
import type { EngineResult, OptionResult } from '../../result/result-types.js';
import { CRITERION_LABELS, type Criterion, criterionInText } from '../../schema/criteria.js';
import { cannotRunOn } from '../../words/cannot-run-on.js';
import { CRITERION_COLOURS } from '../chart-theme.js';
import { chartFrame, overHorizon } from './chart-frame.js';
import { LINE_BREAK, optionRowAxis } from './multiline-label.js';
import { optionColourScale, optionsByRank } from './option-scale.js';
import type { Axis, Scale } from './vega-lite-types.js';
import { wrapText } from './wrap-text.js';

/** The legend's order: the stacking of the bars' segments. */
const CRITERIA = Object.keys(CRITERION_COLOURS) as Criterion[];
const ROW_HEIGHT = 46;
/** Ruled-out notes wrap within the axis label limit (chartTheme), so none is cut short. */
const NOTE_WIDTH = 270;
const NOTE_FONT_SIZE = 11;
/** The scale runs past 100 so a full score's label still sits inside the plot. */
const SCALE_MAX = 108;

function points(share: number): number {
  return Math.round(share * 1000) / 10;
}

function scorePoints(o: OptionResult): number {
  return Math.round(o.score * 100);
}

/**
 * "Ruled out: vendor support", wrapped; past two musts, the heatmap lists them and the count is enough. A path the
 * client's platform does not allow is ruled out by the platform, whatever it meets.
 */
function ruledOut(result: EngineResult, o: OptionResult): string[] {
  const names = o.unmetMusts.map((id) =>
    sentenceCase(result.needs.find((n) => n.capability === id)?.name ?? id),
  );
  const text =
    o.excludedBy.length > 0
      ? `Ruled out: ${cannotRunOn(o)}`
      : names.length <= 2
        ? `Ruled out: ${names.join(', ')}`
        : `Ruled out: ${names.length} unmet musts`;
  return wrapText(text, NOTE_WIDTH, NOTE_FONT_SIZE);
}

function whyRuledOut(o: OptionResult): string {
  if (!o.disqualified) return '';
  return o.excludedBy.length > 0 ? ` (ruled out: it ${cannotRunOn(o)})` : ' (ruled out by an unmet must)';
}

/** "Vendor support" reads "vendor support" mid-sentence; "L7 policy" stays as it is. */
function sentenceCase(name: string): string {
  return /^[A-Z][a-z]/.test(name) ? `${name.charAt(0).toLowerCase()}${name.slice(1)}` : name;
}

export function scoreBreakdownTitle(result: EngineResult): string {
  return `Decision score out of 100, by criterion (costs ${overHorizon(result.engagement.horizonYears)})`;
}

export function scoreBreakdownDescription(result: EngineResult): string {
  const scores = optionsByRank(result)
    .map((o) => `${o.name} ${scorePoints(o)}${whyRuledOut(o)}`)
    .join(', ');
  const weights = CRITERIA.map((c) => `${criterionInText(c)} ${result.priorities[c]}`).join(', ');
  return `Weighted scores out of 100: ${scores}; the client's weights are ${weights}.`;
}

/**
 * Each option's score as the sum of its weighted criterion scores, so the bar shows where the points
 * come from; an option an unmet must rules out says so on its label, since its score alone would not.
 */
export function scoreBreakdownSpec(result: EngineResult): TopLevelSpec {
  const weights = result.priorities;
  const weightSum = CRITERIA.reduce((sum, c) => sum + weights[c], 0);
  const rows = optionsByRank(result).map((o) => {
    const note = o.disqualified
      ? ruledOut(result, o)
      : o.id === result.recommendation.option
        ? ['Recommended']
        : [];
    return {
      option: o.id,
      label: [o.name, ...note].join(LINE_BREAK),
      score: o.score * 100,
      scoreText: String(scorePoints(o)),
      criteria: o.criteria,
    };
  });
  const parts = rows.flatMap((r) =>
    CRITERIA.map((c, order) => ({
      label: r.label,
      criterion: `${CRITERION_LABELS[c].name} (weight ${weights[c]})`,
      order,
      points: weightSum === 0 ? 0 : points((r.criteria[c] * weights[c]) / weightSum),
    })),
  );
  const y = optionRowAxis(rows.map((r) => r.label));
  const scale: Scale = { domain: [0, SCALE_MAX], nice: false };
  const axis: Axis = { values: [0, 20, 40, 60, 80, 100], title: null, grid: true };
  const x = { type: 'quantitative', scale, axis } as const;

  return {
    ...chartFrame(
      scoreBreakdownTitle(result),
      "Each criterion's 0-1 score times the client's weight for it, so the segments add up to the score. An unmet must rules an option out whatever its score.",
    ),
    height: rows.length * ROW_HEIGHT,
    layer: [
      {
        data: { values: parts.filter((p) => p.points > 0) },
        mark: { type: 'bar', stroke: 'white', strokeWidth: 1, height: { band: 0.62 } },
        encoding: {
          y,
          x: { ...x, field: 'points', stack: 'zero' },
          order: { field: 'order' },
          color: {
            field: 'criterion',
            type: 'nominal',
            title: null,
            scale: {
              domain: CRITERIA.map((c) => `${CRITERION_LABELS[c].name} (weight ${weights[c]})`),
              range: CRITERIA.map((c) => CRITERION_COLOURS[c]),
            },
            legend: { orient: 'bottom', direction: 'horizontal', columns: 2, symbolStrokeWidth: 0 },
          },
        },
      },
      {
        data: { values: rows },
        layer: [
          {
            mark: { type: 'text', align: 'left', dx: 5, fontWeight: 600 },
            encoding: { y, x: { ...x, field: 'score' }, text: { field: 'scoreText' } },
          },
          {
            mark: { type: 'square', size: 100, opacity: 1, xOffset: -11 },
            encoding: {
              y,
              x: { ...x, datum: 0 },
              color: { field: 'option', type: 'nominal', scale: optionColourScale(result), legend: null },
            },
          },
        ],
      },
    ],
    resolve: { scale: { color: 'independent' } },
  } satisfies TopLevelSpec;
}

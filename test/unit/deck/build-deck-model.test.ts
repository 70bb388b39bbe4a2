import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildDeckModel } from '../../../src/deck/build-deck-model.js';
import type { DeckModel, DeckSlide, NativeChart } from '../../../src/deck/deck-model.js';
import { buildReportModel } from '../../../src/report/build-report-model.js';
import type { ReportChartImage, ReportSources } from '../../../src/report/report-sources.js';
import { optionsInOrder } from '../../../src/result/options-in-order.js';
import { exampleAnswers, makeAnswers } from '../../helpers/make-answers.js';
import { reportSources } from '../../helpers/report-sources.js';

const EXAMPLES = ['small-team-basic', 'scaleup-sidecar-cost', 'regulated-bank', 'design-sample'] as const;
const CHART_NAMES = [
  'tco-by-category',
  'cumulative-tco',
  'capability-heatmap',
  'score-breakdown',
  'tornado',
  'monte-carlo',
];

/** The deck only needs the charts' names and sizes; their pictures are the chart renderer's business. */
const charts = (names: readonly string[]): ReportChartImage[] =>
  names.map((name) => ({ name, title: name, description: name, svg: '<svg/>', width: 640, height: 400 }));

function deckOf(sources: ReportSources): DeckModel {
  return buildDeckModel(sources, buildReportModel(sources));
}

function chartsOf(deck: DeckModel): readonly NativeChart[] {
  return deck.slides.flatMap((slide) => (slide.kind === 'charts' ? slide.charts : []));
}

/** Every text a slide shows (not its notes). */
function shownText(slide: DeckSlide): string[] {
  const texts = [slide.title];
  switch (slide.kind) {
    case 'cover':
      return [...texts, slide.subtitle, ...slide.lines];
    case 'recommendation':
      return [
        ...texts,
        slide.option,
        slide.headline,
        ...slide.flags,
        ...slide.figures.flatMap((f) => [f.label, f.value, f.note]),
      ];
    case 'bullets':
      return [...texts, ...slide.bullets, slide.footnote ?? ''];
    case 'charts':
      return [
        ...texts,
        slide.footnote ?? '',
        ...slide.charts.flatMap((c) => [c.title, ...c.categories, ...c.series.map((s) => s.name)]),
      ];
    case 'image':
      return [
        ...texts,
        ...slide.bullets,
        ...(slide.table === null ? [] : [...slide.table.columns, ...slide.table.rows.flat()]),
      ];
    case 'table':
      return [
        ...texts,
        slide.intro ?? '',
        ...slide.bullets,
        ...slide.table.columns,
        ...slide.table.rows.flat(),
      ];
  }
}

describe.each(EXAMPLES)('the deck of %s', (example) => {
  const sources = reportSources(exampleAnswers(example), { charts: charts(CHART_NAMES) });
  const deck = deckOf(sources);
  const { result } = sources;

  it('tells the story in about eight slides, in order', () => {
    expect(deck.slides.map((s) => s.kind)).toEqual([
      'cover',
      'recommendation',
      'bullets',
      'charts',
      'image',
      'image',
      'image',
      'table',
      'table',
    ]);
    const recommendation = deck.slides[1];
    expect(recommendation?.kind === 'recommendation' && recommendation.option).toBe(
      result.recommendation.name,
    );
    expect(deck.slides[0]?.title).toBe(`CNI recommendation for ${result.engagement.client}`);
  });

  it('draws the TCO natively from the result’s own numbers, in the report’s option order', () => {
    const [byCategory, cumulative] = chartsOf(deck);
    if (byCategory === undefined || cumulative === undefined) throw new Error('no TCO charts');
    const options = optionsInOrder(result);
    expect(byCategory.categories).toEqual(options.map((o) => o?.name));
    byCategory.categories.forEach((_, i) => {
      const stacked = byCategory.series.reduce((sum, s) => sum + (s.values[i] ?? 0), 0);
      expect(stacked).toBe(options[i]?.tco.total);
    });
    expect(cumulative.categories).toHaveLength(result.engagement.horizonYears);
    expect(cumulative.series.map((s) => s.values.at(-1))).toEqual([
      ...options.map((o) => o?.tco.total),
      result.baseline.tco.total,
    ]);
    expect(cumulative.series.map((s) => s.dashed)).toEqual([...options.map(() => false), true]);
  });

  it('gives every slide speaker notes, and shows the client no YAML keys or file names', () => {
    const keys = result.assumptions.map((a) => a.key);
    for (const slide of deck.slides) {
      expect(slide.notes.length, slide.title).toBeGreaterThan(80);
      for (const text of shownText(slide)) {
        expect(text, slide.title).not.toMatch(/\.ya?ml\b|assumptions\.|data\//);
        for (const key of keys) expect(text, slide.title).not.toContain(key);
      }
    }
  });

  it('puts the sources of the TCO inputs in the TCO slide’s notes', () => {
    const tco = deck.slides.find((s) => s.kind === 'charts');
    for (const input of result.assumptions) expect(tco?.notes).toContain(input.source.slice(0, 40));
  });

  it('is the same deck for the same sources', () => {
    expect(deckOf(sources)).toEqual(deck);
  });
});

describe('the deck', () => {
  it('flags a close call and a placeholder price that can sway the decision', () => {
    const sources = reportSources(exampleAnswers('regulated-bank'), { charts: charts(CHART_NAMES) });
    const model = buildReportModel(sources);
    const deck = buildDeckModel(sources, model);
    const slide = deck.slides.find((s) => s.kind === 'recommendation');
    if (slide?.kind !== 'recommendation') throw new Error('no recommendation slide');
    expect(model.summary.placeholderMatters).toBe(true);
    expect(
      slide.flags.some((f) =>
        /\d+ % of Isovalent’s total rests on an indicative price .* Confirm it before relying on these figures\.$/.test(
          f,
        ),
      ),
    ).toBe(true);
    const close = { ...model, summary: { ...model.summary, closeCall: 'A close call: the lead is 0.01.' } };
    const flagged = buildDeckModel(sources, close).slides.find((s) => s.kind === 'recommendation');
    expect(flagged?.kind === 'recommendation' && flagged.flags[0]).toBe('A close call: the lead is 0.01.');
  });

  it('leaves out the image slides whose charts the report does not have', () => {
    const sources = reportSources(exampleAnswers('small-team-basic'), {
      charts: charts(['tco-by-category', 'cumulative-tco']),
    });
    const deck = deckOf(sources);
    expect(deck.slides.some((s) => s.kind === 'image')).toBe(false);
    expect(deck.slides.map((s) => s.title)).toContain('What would change the decision');
  });

  it('keeps the native charts’ numbers equal to the result for any horizon, estate and currency', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10 }),
        fc.integer({ min: 1, max: 5_000 }),
        fc.constantFrom('USD', 'EUR', 'GBP'),
        fc.integer({ min: 0, max: 60 }),
        (horizonYears, nodes, currency, growthPercentPerYear) => {
          const answers = makeAnswers({
            engagement: { horizonYears, currency },
            cluster: { nodes, growthPercentPerYear },
          });
          const sources = reportSources(answers, { charts: charts(CHART_NAMES), draws: 50 });
          const [byCategory, cumulative] = chartsOf(deckOf(sources));
          const totals = optionsInOrder(sources.result).map((o) => o.tco.total);
          expect(
            byCategory?.categories.map((_, i) =>
              byCategory.series.reduce((a, s) => a + (s.values[i] ?? 0), 0),
            ),
          ).toEqual(totals);
          expect(cumulative?.series.slice(0, 3).map((s) => s.values.at(-1))).toEqual(totals);
          expect(byCategory?.numberFormat).toContain(
            currency === 'USD' ? '"$"' : currency === 'EUR' ? '"€"' : '"£"',
          );
        },
      ),
      { numRuns: 15 },
    );
  });
});

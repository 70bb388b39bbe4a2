import { buildReportModel } from '../report/build-report-model.js';
import type { ReportSources } from '../report/report-sources.js';
import { buildDeckModel } from './build-deck-model.js';
import { rasteriseLogo } from './rasterise-logo.js';
import { type DeckImage, writeDeck } from './write-deck.js';

/** Rasterises an SVG at `scale`× its pixel size, on white, in the report font. */
export type Rasterise = (svg: string, scale: number) => Uint8Array;

/** Chart images at 2× their CSS size (as charts/*.png): about 175 dpi at the width a slide shows them. */
const CHART_SCALE = 2;

/** report.pptx: the executive deck of one report, from the same sources as the HTML. */
export async function renderDeck(sources: ReportSources, rasterise: Rasterise): Promise<Uint8Array> {
  const deck = buildDeckModel(sources, buildReportModel(sources));
  const needed = new Set(deck.slides.flatMap((slide) => (slide.kind === 'image' ? [slide.image] : [])));
  const images = new Map<string, DeckImage>(
    sources.charts
      .filter((chart) => needed.has(chart.name))
      .map((chart) => [
        chart.name,
        { png: rasterise(chart.svg, CHART_SCALE), width: chart.width, height: chart.height },
      ]),
  );
  return writeDeck(deck, { images, svgToPng: (svg) => rasteriseLogo(svg) });
}

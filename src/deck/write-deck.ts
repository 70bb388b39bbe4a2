import pptxgenjs from 'pptxgenjs';
import { InternalError } from '../shared/errors.js';
import type { DeckModel, DeckSlide, DeckTable, NativeChart } from './deck-model.js';
import { imageSize } from './image-size.js';
import { repairPptx } from './repair-pptx.js';

/** A chart of the report as a PNG, with its size in CSS pixels (the PNG is drawn at twice that). */
export interface DeckImage {
  readonly png: Uint8Array;
  readonly width: number;
  readonly height: number;
}

export interface DeckAssets {
  /** The report's charts by name; the deck draws heatmap, tornado and Monte Carlo as images. */
  readonly images: ReadonlyMap<string, DeckImage>;
  /** Rasterises an SVG logo: PowerPoint before 2019 and some viewers draw no SVG. Failures are CniErrors. */
  readonly svgToPng: (svg: string) => Promise<Uint8Array>;
}

/**
 * Arial: the deck is edited on the consultant's and the client's machines, and OOXML names one typeface per
 * run with no fallback list. Inter (the report's face) is rarely installed and cannot be embedded by
 * pptxgenjs; Arial is the fallback in the report's own font stack and is present in PowerPoint, Keynote and
 * Google Slides (LibreOffice draws it with the metric-compatible Liberation Sans).
 */
const FONT = 'Arial';
const INK = '111827';
const SECONDARY = '4B5563';
const RULE = 'E5E7EB';
const FLAG_FILL = 'FFF4E5';
const FLAG_INK = '7A4100';

/** 16:9, 13.33 × 7.5 in. */
const WIDTH = 13.333;
const MARGIN = 0.5;
const CONTENT_WIDTH = WIDTH - 2 * MARGIN;
const BODY_TOP = 1.3;
const FOOTER_Y = 7.0;

const MASTER = 'CNIREPORT';
/** The cover shows the logo large, so its master has none. */
const COVER_MASTER = 'CNIREPORT COVER';

// Node loads the ESM build, whose default export is the class; the typings, read as CommonJS under NodeNext,
// put the class one level down.
const PptxGenJS = pptxgenjs as unknown as typeof pptxgenjs.default;
type PptxGenJS = InstanceType<typeof PptxGenJS>;
type Slide = pptxgenjs.default.Slide;
type ChartOptions = pptxgenjs.default.IChartOpts;
type ChartPart = pptxgenjs.default.IChartMulti;

/** Writes the deck as a .pptx file: same model, same bytes. */
export async function writeDeck(deck: DeckModel, assets: DeckAssets): Promise<Uint8Array> {
  const pptx = new PptxGenJS();
  pptx.layout = 'LAYOUT_WIDE';
  pptx.title = deck.title;
  pptx.subject = `Kubernetes networking recommendation for ${deck.client}`;
  pptx.author = deck.author ?? '';
  pptx.company = deck.brand.name ?? '';
  pptx.theme = { headFontFace: FONT, bodyFontFace: FONT };
  const logo = await logoImage(deck.brand.logoDataUri, assets);

  pptx.defineSlideMaster({
    title: MASTER,
    objects: [
      // A brand bar as a text box with a fill: pptxgenjs writes shapes without text invalidly (issue #1441).
      {
        text: {
          text: '',
          options: { x: 0, y: 0, w: WIDTH, h: 0.12, fill: { color: deck.brand.primaryColor } },
        },
      },
      ...(logo === null
        ? []
        : [
            { image: { data: logo.dataUri, ...fitBox(logo, WIDTH - MARGIN - 1.6, 0.3, 1.6, 0.55, 'right') } },
          ]),
      ...(footerText(deck) === ''
        ? []
        : [
            {
              text: {
                text: footerText(deck),
                options: {
                  x: MARGIN,
                  y: FOOTER_Y,
                  w: 10,
                  h: 0.3,
                  fontFace: FONT,
                  fontSize: 9,
                  color: SECONDARY,
                },
              },
            },
          ]),
    ],
  });

  deck.slides.forEach((model, index) => {
    const slide = pptx.addSlide({ masterName: model.kind === 'cover' ? COVER_MASTER : MASTER });
    slide.addText(`${index + 1} / ${deck.slides.length}`, {
      x: WIDTH - MARGIN - 1.5,
      y: FOOTER_Y,
      w: 1.5,
      h: 0.3,
      fontFace: FONT,
      fontSize: 9,
      color: SECONDARY,
      align: 'right',
    });
    if (model.kind !== 'cover') title(slide, model.title);
    drawSlide(pptx, slide, model, deck, assets, logo);
    slide.addNotes(model.notes);
  });

  // Stored, not deflated: repairPptx re-packs every part anyway, and compresses it once.
  const written = await pptx.write({ outputType: 'uint8array', compression: false });
  if (!(written instanceof Uint8Array)) throw new InternalError('pptxgenjs returned no bytes');
  return repairPptx(written, deck.isoDate);
}

function drawSlide(
  pptx: PptxGenJS,
  slide: Slide,
  model: DeckSlide,
  deck: DeckModel,
  assets: DeckAssets,
  logo: Logo | null,
): void {
  switch (model.kind) {
    case 'cover':
      coverSlide(slide, model, deck, logo);
      return;
    case 'recommendation':
      recommendationSlide(slide, model, deck);
      return;
    case 'bullets': {
      bullets(slide, model.bullets, { x: MARGIN, y: BODY_TOP, w: CONTENT_WIDTH, h: 4.8 }, 16);
      if (model.footnote !== null) footnote(slide, model.footnote);
      return;
    }
    case 'charts':
      chartsSlide(pptx, slide, model);
      return;
    case 'image':
      imageSlide(slide, model, assets);
      return;
    case 'table':
      tableSlide(slide, model);
      return;
  }
}

type SlideOf<K extends DeckSlide['kind']> = Extract<DeckSlide, { kind: K }>;

/** The cover: the consultancy's logo, the title, the client and the date. */
function coverSlide(slide: Slide, model: SlideOf<'cover'>, deck: DeckModel, logo: Logo | null): void {
  if (logo !== null) slide.addImage({ data: logo.dataUri, ...fitBox(logo, MARGIN, 0.8, 3.2, 1.2, 'left') });
  slide.addText(model.title, {
    x: MARGIN,
    y: 2.4,
    w: CONTENT_WIDTH,
    h: 1.4,
    fontFace: FONT,
    fontSize: 36,
    bold: true,
    color: INK,
    valign: 'bottom',
  });
  slide.addText(model.subtitle, {
    x: MARGIN,
    y: 3.9,
    w: CONTENT_WIDTH,
    h: 0.6,
    fontFace: FONT,
    fontSize: 20,
    color: deck.brand.primaryColor,
  });
  slide.addText(
    model.lines.map((line) => ({ text: line, options: { breakLine: true } })),
    {
      x: MARGIN,
      y: 4.8,
      w: CONTENT_WIDTH,
      h: 1.2,
      fontFace: FONT,
      fontSize: 14,
      color: SECONDARY,
      valign: 'top',
    },
  );
}

/** The recommendation: the option, the headline, the key figures in boxes and the flags below them. */
function recommendationSlide(slide: Slide, model: SlideOf<'recommendation'>, deck: DeckModel): void {
  slide.addText(model.option, {
    x: MARGIN,
    y: BODY_TOP,
    w: CONTENT_WIDTH,
    h: 0.7,
    fontFace: FONT,
    fontSize: 30,
    bold: true,
    color: deck.brand.primaryColor,
  });
  // The headline runs to three or four lines: the figures and the flags go below however many it takes, so its
  // last line never touches them (LibreOffice sets Arial in the wider DejaVu Sans).
  const headlineHeight = textHeight(model.headline, HEADLINE_PT, CONTENT_WIDTH);
  const figuresTop = 2.05 + headlineHeight + 0.15;
  slide.addText(model.headline, {
    x: MARGIN,
    y: 2.05,
    w: CONTENT_WIDTH,
    h: headlineHeight,
    fontFace: FONT,
    fontSize: HEADLINE_PT,
    color: INK,
    valign: 'top',
  });
  const gap = 0.3;
  const boxWidth = (CONTENT_WIDTH - gap * (model.figures.length - 1)) / Math.max(model.figures.length, 1);
  model.figures.forEach((figure, i) => {
    slide.addText(
      [
        { text: figure.value, options: { fontSize: 26, bold: true, color: INK, breakLine: true } },
        { text: figure.label, options: { fontSize: 13, bold: true, color: SECONDARY, breakLine: true } },
        { text: figure.note, options: { fontSize: 11, color: SECONDARY } },
      ],
      {
        x: MARGIN + i * (boxWidth + gap),
        y: figuresTop,
        w: boxWidth,
        h: FIGURE_BOX_HEIGHT,
        fontFace: FONT,
        valign: 'top',
        fill: { color: 'F3F4F6' },
        margin: 10,
      },
    );
  });
  if (model.flags.length > 0) {
    slide.addText(
      model.flags.map((flag) => ({ text: flag, options: { breakLine: true } })),
      {
        x: MARGIN,
        y: figuresTop + FIGURE_BOX_HEIGHT + 0.15,
        w: CONTENT_WIDTH,
        h: 0.2 + 0.5 * model.flags.length,
        fontFace: FONT,
        fontSize: 13,
        color: FLAG_INK,
        fill: { color: FLAG_FILL },
        valign: 'top',
        margin: 10,
      },
    );
  }
}

/** Native charts side by side. */
function chartsSlide(pptx: PptxGenJS, slide: Slide, model: SlideOf<'charts'>): void {
  const gap = 0.35;
  const chartWidth = (CONTENT_WIDTH - gap * (model.charts.length - 1)) / model.charts.length;
  model.charts.forEach((chart, i) => {
    nativeChart(pptx, slide, chart, {
      x: MARGIN + i * (chartWidth + gap),
      y: BODY_TOP,
      w: chartWidth,
      h: 4.8,
    });
  });
  if (model.footnote !== null) footnote(slide, model.footnote);
}

/** A rendered chart, with its table or bullets beside it. */
function imageSlide(slide: Slide, model: SlideOf<'image'>, assets: DeckAssets): void {
  const image = assets.images.get(model.image);
  if (image === undefined)
    throw new InternalError(`the deck needs chart ${model.image}, which was not rendered`);
  const imageWidth = model.table === null ? 7.3 : 5.5;
  slide.addImage({
    data: pngDataUri(image.png),
    altText: model.title,
    ...fitBox(image, MARGIN, BODY_TOP, imageWidth, 5.5, 'left'),
  });
  const side = { x: MARGIN + imageWidth + 0.35, w: CONTENT_WIDTH - imageWidth - 0.35 };
  if (model.table !== null) table(slide, model.table, { ...side, y: BODY_TOP }, 10);
  if (model.bullets.length > 0) bullets(slide, model.bullets, { ...side, y: BODY_TOP, h: 5.5 }, 13);
}

/** A table, with its intro above and its bullets below. */
function tableSlide(slide: Slide, model: SlideOf<'table'>): void {
  const top = model.intro === null ? BODY_TOP : BODY_TOP + 0.9;
  if (model.intro !== null) {
    slide.addText(model.intro, {
      x: MARGIN,
      y: BODY_TOP,
      w: CONTENT_WIDTH,
      h: 0.8,
      fontFace: FONT,
      fontSize: 15,
      color: INK,
      valign: 'top',
      fit: 'shrink',
    });
  }
  table(slide, model.table, { x: MARGIN, y: top, w: CONTENT_WIDTH }, 12);
  // Under the table: rows of one or two lines at 12 pt take about 0.4 in each.
  const below = Math.min(5.55, top + 0.4 * (model.table.rows.length + 1) + 0.2);
  bullets(slide, model.bullets, { x: MARGIN, y: below, w: CONTENT_WIDTH, h: 6.85 - below }, 13);
}

const HEADLINE_PT = 16;
const FIGURE_BOX_HEIGHT = 1.4;
/** Body text averages 0.54 em a character in DejaVu Sans, LibreOffice's stand-in for Arial; Arial is narrower. */
const BODY_EM_PER_CHAR = 0.56;

/** The height, in inches, of `text` wrapped at `width` inches in `size` pt, with the text box's insets. */
function textHeight(text: string, size: number, width: number): number {
  const lines = Math.max(1, Math.ceil((text.length * size * BODY_EM_PER_CHAR) / ((width - 0.2) * 72)));
  return (lines * size * 1.2) / 72 + 0.1;
}

/** Arial bold averages a little under 0.58 em a character in these titles. */
const TITLE_EM_PER_CHAR = 0.58;
const TITLE_WIDTH = WIDTH - 2 * MARGIN - 1.8;

/**
 * One line of title: the largest of a few sizes at which it fits. LibreOffice and Keynote ignore PowerPoint's
 * shrink-on-overflow, so the size is chosen here.
 */
function titleSize(text: string): number {
  const fits = (size: number) => text.length * size * TITLE_EM_PER_CHAR <= TITLE_WIDTH * 72;
  return [26, 23, 20].find(fits) ?? 18;
}

function title(slide: Slide, text: string): void {
  slide.addText(text, {
    x: MARGIN,
    y: 0.35,
    w: TITLE_WIDTH,
    h: 0.8,
    fontFace: FONT,
    fontSize: titleSize(text),
    bold: true,
    color: INK,
    valign: 'middle',
    fit: 'shrink',
  });
}

function bullets(
  slide: Slide,
  items: readonly string[],
  box: { x: number; y: number; w: number; h: number },
  fontSize: number,
): void {
  if (items.length === 0) return;
  slide.addText(
    items.map((item) => ({ text: item, options: { bullet: true, breakLine: true, paraSpaceAfter: 8 } })),
    { ...box, fontFace: FONT, fontSize, color: INK, valign: 'top', fit: 'shrink' },
  );
}

function footnote(slide: Slide, text: string): void {
  slide.addText(text, {
    x: MARGIN,
    y: 6.25,
    w: CONTENT_WIDTH,
    h: 0.7,
    fontFace: FONT,
    fontSize: 11,
    color: SECONDARY,
    valign: 'top',
    fit: 'shrink',
  });
}

function table(
  slide: Slide,
  model: DeckTable,
  box: { x: number; y: number; w: number },
  fontSize: number,
): void {
  const total = model.widths.reduce((a, b) => a + b, 0);
  const header = model.columns.map((text) => ({
    text,
    options: { bold: true, color: INK, fill: { color: 'F3F4F6' } },
  }));
  slide.addTable([header, ...model.rows.map((row) => row.map((text) => ({ text })))], {
    ...box,
    colW: model.widths.map((w) => (w / total) * box.w),
    fontFace: FONT,
    fontSize,
    color: INK,
    valign: 'middle',
    border: { type: 'solid', pt: 0.75, color: RULE },
    margin: [3, 5, 3, 5],
  });
}

function nativeChart(
  pptx: PptxGenJS,
  slide: Slide,
  chart: NativeChart,
  box: { x: number; y: number; w: number; h: number },
): void {
  const data = chart.series.map((s) => ({
    name: s.name,
    labels: [...chart.categories],
    values: [...s.values],
  }));
  const common: ChartOptions = {
    ...box,
    chartColors: chart.series.map((s) => s.colour),
    showTitle: true,
    title: chart.title,
    titleFontFace: FONT,
    titleFontSize: 13,
    titleColor: INK,
    showLegend: true,
    legendPos: 'b',
    legendFontFace: FONT,
    legendFontSize: 10,
    catAxisLabelFontFace: FONT,
    catAxisLabelFontSize: 10,
    catAxisLabelColor: SECONDARY,
    valAxisLabelFontFace: FONT,
    valAxisLabelFontSize: 10,
    valAxisLabelColor: SECONDARY,
    valAxisLabelFormatCode: chart.numberFormat,
    dataLabelFormatCode: chart.numberFormat,
    valGridLine: { color: RULE, size: 0.5 },
  };
  if (chart.type === 'bar') {
    slide.addChart(pptx.ChartType.bar, data, {
      ...common,
      barDir: 'col',
      barGrouping: chart.stacked ? 'stacked' : 'clustered',
      barGapWidthPct: 60,
    });
    return;
  }
  // One line chart per dash style: pptxgenjs sets dashes per chart, and the status quo is drawn dashed.
  const solid = chart.series.flatMap((s, i) => (s.dashed ? [] : [i]));
  const dashed = chart.series.flatMap((s, i) => (s.dashed ? [i] : []));
  const part = (indices: number[], lineDash: 'solid' | 'dash') => ({
    type: pptx.ChartType.line,
    data: indices.map((i) => data[i] as (typeof data)[number]),
    options: {
      chartColors: indices.map((i) => chart.series[i]?.colour ?? INK),
      lineDash,
      lineSize: 2,
      lineDataSymbol: 'circle' as const,
      lineDataSymbolSize: 6,
    },
  });
  const parts = [part(solid, 'solid'), ...(dashed.length === 0 ? [] : [part(dashed, 'dash')])];
  // For several chart types pptxgenjs takes the options as its second argument (the typings say data).
  const options: ChartOptions = { ...common };
  delete options.chartColors;
  slide.addChart(parts as unknown as ChartPart[], options as unknown as []);
}

interface Logo {
  readonly dataUri: string;
  readonly width: number;
  readonly height: number;
}

/** The brand logo as a PNG or JPEG data URI with its pixel size; an SVG logo is rasterised first. */
async function logoImage(dataUri: string | null, assets: DeckAssets): Promise<Logo | null> {
  if (dataUri === null) return null;
  const match = /^data:(image\/[a-z+]+);base64,(.*)$/s.exec(dataUri);
  if (match === null) throw new InternalError('the brand logo is not a base64 data URI');
  const [, type, base64 = ''] = match;
  const bytes = new Uint8Array(Buffer.from(base64, 'base64'));
  const raster = type === 'image/svg+xml' ? await assets.svgToPng(new TextDecoder().decode(bytes)) : bytes;
  const size = imageSize(raster);
  if (size === null) throw new InternalError(`cannot read the size of the ${type} logo`);
  const rasterUri = raster === bytes ? dataUri : pngDataUri(raster);
  return { dataUri: rasterUri, ...size };
}

function pngDataUri(png: Uint8Array): string {
  return `data:image/png;base64,${Buffer.from(png).toString('base64')}`;
}

/** The largest box of the image's aspect ratio that fits in w × h at (x, y), aligned left or right. */
function fitBox(
  image: { readonly width: number; readonly height: number },
  x: number,
  y: number,
  w: number,
  h: number,
  align: 'left' | 'right',
): { x: number; y: number; w: number; h: number } {
  const scale = Math.min(w / image.width, h / image.height);
  const fitted = { w: image.width * scale, h: image.height * scale };
  return { x: align === 'left' ? x : x + w - fitted.w, y, ...fitted };
}

function footerText(deck: DeckModel): string {
  return [deck.brand.name, deck.brand.footer].filter((part): part is string => part !== null).join(' · ');
}

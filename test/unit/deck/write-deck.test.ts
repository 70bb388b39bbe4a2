import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { renderChartPng } from '../../../src/charts/render-chart.js';
import { buildDeckModel } from '../../../src/deck/build-deck-model.js';
import type { DeckModel } from '../../../src/deck/deck-model.js';
import { rasteriseLogo } from '../../../src/deck/rasterise-logo.js';
import { type DeckAssets, writeDeck } from '../../../src/deck/write-deck.js';
import { buildReportModel } from '../../../src/report/build-report-model.js';
import type { Brand, ReportChartImage } from '../../../src/report/report-sources.js';
import { exampleAnswers } from '../../helpers/make-answers.js';
import { reportSources } from '../../helpers/report-sources.js';

const IMAGE_CHARTS = ['capability-heatmap', 'tornado', 'monte-carlo'];
const chartImages: ReportChartImage[] = ['tco-by-category', 'cumulative-tco', ...IMAGE_CHARTS].map(
  (name) => ({
    name,
    title: name,
    description: name,
    svg: '<svg/>',
    width: 640,
    height: 400,
  }),
);
const png = renderChartPng(
  '<svg xmlns="http://www.w3.org/2000/svg" width="64" height="40" viewBox="0 0 64 40"/>',
);
const LOGO_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="30" viewBox="0 0 120 30"><rect width="30" height="30" fill="#0f5132"/></svg>';
const assets: DeckAssets = {
  images: new Map(IMAGE_CHARTS.map((name) => [name, { png, width: 640, height: 400 }])),
  svgToPng: (svg) => rasteriseLogo(svg),
};

function deckOf(example: string, brand?: Brand): DeckModel {
  const sources = reportSources(exampleAnswers(example), {
    charts: chartImages,
    ...(brand ? { brand } : {}),
  });
  return buildDeckModel(sources, buildReportModel(sources));
}

async function parts(pptx: Uint8Array): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(pptx);
  const entries = Object.values(zip.files).filter((entry) => !entry.dir && /\.(xml|rels)$/.test(entry.name));
  return new Map(await Promise.all(entries.map(async (e) => [e.name, await e.async('string')] as const)));
}

describe('writeDeck', () => {
  const brand = {
    name: 'Example Consulting',
    logoDataUri: `data:image/svg+xml;base64,${Buffer.from(LOGO_SVG).toString('base64')}`,
    primaryColor: '#0f5132',
    footer: 'Confidential',
  };
  const deck = deckOf('regulated-bank', brand);

  it('writes a slide, its speaker notes and the native charts for every slide of the model', async () => {
    const xml = await parts(await writeDeck(deck, assets));
    const slides = [...xml.keys()].filter((name) => /^ppt\/slides\/slide\d+\.xml$/.test(name));
    expect(slides).toHaveLength(deck.slides.length);
    const notes = [...xml.keys()].filter((name) => /^ppt\/notesSlides\/notesSlide\d+\.xml$/.test(name));
    expect(notes).toHaveLength(deck.slides.length);
    // Notes are one paragraph per line, with the slide's sources in them.
    const tcoIndex = deck.slides.findIndex((s) => s.kind === 'charts') + 1;
    const tcoNotes = xml.get(`ppt/notesSlides/notesSlide${tcoIndex}.xml`) ?? '';
    expect(tcoNotes.match(/<a:p>/g)?.length).toBeGreaterThan(10);
    expect(tcoNotes).toContain('The inputs behind these figures');
    // Each chart part carries the numbers (and the cached values PowerPoint shows before the data is opened).
    const chartParts = [...xml.keys()].filter((name) => /^ppt\/charts\/chart\d+\.xml$/.test(name)).sort();
    expect(chartParts).toEqual(['ppt/charts/chart1.xml', 'ppt/charts/chart2.xml']);
    const tcoSlide = deck.slides.find((s) => s.kind === 'charts');
    if (tcoSlide?.kind !== 'charts') throw new Error('no TCO slide');
    const cumulative = tcoSlide.charts[1];
    for (const series of cumulative?.series ?? []) {
      expect(xml.get('ppt/charts/chart2.xml')).toContain(`<c:v>${series.values.at(-1)}</c:v>`);
    }
    expect(xml.get('ppt/charts/chart1.xml')).toContain('<c:barDir val="col"/>');
    expect(xml.get('ppt/charts/chart1.xml')).toContain('<c:grouping val="stacked"/>');
  });

  it('declares only parts the package has (pptxgenjs #1444), in the brand colour', async () => {
    const pptx = await writeDeck(deck, assets);
    const zip = await JSZip.loadAsync(pptx);
    const types = (await zip.file('[Content_Types].xml')?.async('string')) ?? '';
    const overrides = [...types.matchAll(/PartName="\/([^"]+)"/g)].map((m) => m[1] ?? '');
    expect(overrides.length).toBeGreaterThan(20);
    for (const part of overrides) expect(zip.file(part), part).not.toBeNull();
    expect(types).not.toContain('image/jpg"');
    // The notes master has no placeholder shapes (#1443) and a theme of its own.
    const notesMaster = (await zip.file('ppt/notesMasters/notesMaster1.xml')?.async('string')) ?? '';
    expect(notesMaster).not.toContain('<p:sp>');
    expect(await zip.file('ppt/notesMasters/_rels/notesMaster1.xml.rels')?.async('string')).toContain(
      'theme2.xml',
    );
    expect(types).toContain('PartName="/ppt/theme/theme2.xml"');
    const master = (await zip.file('ppt/slideMasters/slideMaster1.xml')?.async('string')) ?? '';
    const layouts = await Promise.all(
      Object.keys(zip.files)
        .filter((n) => /^ppt\/slideLayouts\/slideLayout\d+\.xml$/.test(n))
        .map((n) => zip.file(n)?.async('string')),
    );
    expect([master, ...layouts].join('')).toContain('0F5132');
    expect(layouts.join('')).toContain('Example Consulting · Confidential');
    expect(Object.keys(zip.files).some((n) => n.startsWith('ppt/media/') && n.endsWith('.png'))).toBe(true);
  });

  it('places a PNG logo as it is, and writes a deck without any brand', async () => {
    const logo = renderChartPng(LOGO_SVG, 2);
    const withPng = deckOf('small-team-basic', {
      ...brand,
      logoDataUri: `data:image/png;base64,${Buffer.from(logo).toString('base64')}`,
    });
    const zip = await JSZip.loadAsync(await writeDeck(withPng, assets));
    const media = await Promise.all(
      Object.keys(zip.files)
        .filter((n) => n.startsWith('ppt/media/'))
        .map((n) => zip.file(n)?.async('uint8array')),
    );
    expect(media.some((bytes) => bytes !== undefined && Buffer.from(bytes).equals(Buffer.from(logo)))).toBe(
      true,
    );
    const plain = await parts(await writeDeck(deckOf('small-team-basic'), assets));
    expect(
      [...plain.keys()].filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n)).length,
    ).toBeGreaterThanOrEqual(8);
  });

  it('refuses a malformed SVG logo with a one-line error, not a crash', async () => {
    const broken = deckOf('small-team-basic', {
      ...brand,
      logoDataUri: `data:image/svg+xml;base64,${Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><rect</svg>').toString('base64')}`,
    });
    await expect(writeDeck(broken, assets)).rejects.toMatchObject({
      name: 'CniError',
      code: 'INPUT_INVALID',
      message: expect.stringMatching(/^the brand logo \(SVG\) cannot be drawn for report\.pptx: .*\d+:\d+/),
    });
  });

  it('gives the same bytes for the same deck, whatever was written before, dated the report date', async () => {
    const first = await writeDeck(deck, assets);
    await writeDeck(deckOf('small-team-basic'), assets);
    const again = await writeDeck(deck, assets);
    expect(Buffer.from(again).equals(Buffer.from(first))).toBe(true);
    const zip = await JSZip.loadAsync(first);
    const core = (await zip.file('docProps/core.xml')?.async('string')) ?? '';
    expect(core).toContain(`<dcterms:created xsi:type="dcterms:W3CDTF">${deck.isoDate}T00:00:00Z`);
    expect(core).toContain(`<dcterms:modified xsi:type="dcterms:W3CDTF">${deck.isoDate}T00:00:00Z`);
    for (const entry of Object.values(zip.files)) {
      expect(entry.date.toISOString(), entry.name).toBe(`${deck.isoDate}T00:00:00.000Z`);
    }
    const workbook = await JSZip.loadAsync(
      (await zip.file('ppt/embeddings/Microsoft_Excel_Worksheet1.xlsx')?.async('uint8array')) ??
        new Uint8Array(),
    );
    expect(await workbook.file('docProps/core.xml')?.async('string')).toContain(`${deck.isoDate}T00:00:00Z`);
  });
});

import { OPTION_COLOURS } from '../charts/chart-theme.js';
import type { ReportModel } from '../report/report-model.js';
import { cssString } from './css-string.js';

/**
 * The cover fills the first page's printable area. Chromium lays out every page with the default page
 * margins even where the first-page rule sets others, so the cover keeps them and is sized to fit inside.
 */
const COVER_HEIGHT = { A4: '258mm', Letter: '240mm' } as const;

/**
 * The rules that depend on the report: paper, brand colour, footer text and option swatches. The footer is
 * drawn in CSS page-margin boxes, so the page counter and the font are the document's own.
 */
export function pageCss(model: ReportModel): string {
  const footer = model.brand.footer ?? `${model.client} · CNI recommendation · ${model.date}`;
  const box = "font-family:Inter,'Helvetica Neue',Arial,sans-serif;font-size:7.5pt;color:#6b7280;";
  const swatches = Object.entries(OPTION_COLOURS)
    .map(([id, colour]) => `.swatch-${id}{background:${colour}}`)
    .join('');
  return [
    `:root{--brand:${model.brand.primaryColor}}`,
    `@page{size:${model.paper};margin:18mm 17mm 20mm 17mm;` +
      `@bottom-left{content:"${cssString(footer)}";${box}}` +
      `@bottom-right{content:"Page " counter(page) " of " counter(pages);${box}}}`,
    '@page:first{@bottom-left{content:none}@bottom-right{content:none}}',
    `.cover{height:${COVER_HEIGHT[model.paper]}}`,
    swatches,
  ].join('\n');
}

import { measureTextWidth } from '../charts/text-metrics.js';
import type { ReportModel } from '../report/report-model.js';
import { cssString } from './css-string.js';

/**
 * The cover fills the first page's printable area. Chromium lays out every page with the default page
 * margins even where the first-page rule sets others, so the cover keeps them and is sized to fit inside.
 */
const COVER_HEIGHT = { A4: '258mm', Letter: '240mm' } as const;

/** Page-margin box widths: "Page 999 of 999" fits the second, the footer text takes the rest of the line. */
const PAGE_NUMBER_WIDTH = '28mm';
const FOOTER_TEXT_WIDTH = '140mm';
/**
 * What the footer text may measure, in CSS px at its 7.5pt (10 px): a little under its box, since Chromium
 * neither clips nor ellipsises a margin box, so text that does not fit would run into the page number.
 */
const FOOTER_TEXT_PX = (135 / 25.4) * 96;
const FOOTER_FONT_PX = 10;

/**
 * The rules that depend on the report: paper, brand colour, footer text and option swatches. The footer is
 * drawn in CSS page-margin boxes, so the page counter and the font are the document's own.
 */
export function pageCss(model: ReportModel): string {
  const tail = ` · CNI recommendation · ${model.date}`;
  const footer =
    model.brand.footer === null
      ? `${fitFooterText(model.client, tail)}${tail}`
      : fitFooterText(model.brand.footer, '');
  const box =
    "font-family:Inter,'Helvetica Neue',Arial,'Noto Sans',sans-serif,'Noto Color Emoji','Apple Color Emoji'," +
    "'Segoe UI Emoji','Segoe UI Symbol';font-size:7.5pt;color:#5f6673;white-space:nowrap;";
  const swatches = model.options.map(({ id, colour }) => `.swatch-${id}{background:${colour}}`).join('');
  return [
    `:root{--brand:${model.brand.primaryColor}}`,
    `@page{size:${model.paper};margin:18mm 17mm 20mm 17mm;` +
      // A long client name is cut with an ellipsis (fitFooterText); the page number keeps its width, whole.
      `@bottom-left{content:"${cssString(footer)}";${box}width:${FOOTER_TEXT_WIDTH}}` +
      `@bottom-right{content:"Page " counter(page) " of " counter(pages);${box}width:${PAGE_NUMBER_WIDTH}}}`,
    '@page:first{@bottom-left{content:none}@bottom-right{content:none}}',
    `.cover{height:${COVER_HEIGHT[model.paper]}}`,
    swatches,
  ].join('\n');
}

/** `text` cut at a character with an ellipsis, if need be, so that it and `after` fit the footer's width. */
export function fitFooterText(text: string, after: string): string {
  const fits = (candidate: string) =>
    measureTextWidth(candidate + after, FOOTER_FONT_PX, 400) <= FOOTER_TEXT_PX;
  if (fits(text)) return text;
  const chars = Array.from(text);
  let keep = chars.length;
  while (keep > 1 && !fits(`${chars.slice(0, keep).join('').trimEnd()}…`)) keep -= 1;
  return `${chars.slice(0, keep).join('').trimEnd()}…`;
}

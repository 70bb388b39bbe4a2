import Handlebars from 'handlebars';
import { cssString } from '../render/css-string.js';
import { TEMPLATE_OPTIONS } from '../render/render-report-html.js';
import type { ComparisonReportModel } from './comparison-report-model.js';

/** The comparison's templates: its page and partials, and the report's own stylesheet it shares. */
export interface ComparisonTemplates {
  readonly layout: string;
  readonly partials: Readonly<Record<string, string>>;
  /** templates/report.css: the report's look. */
  readonly stylesheet: string;
  /** templates/compare.css: what only a comparison has. */
  readonly compareStylesheet: string;
  readonly fontFaceCss: string;
}

const COVER_HEIGHT = { A4: '258mm', Letter: '240mm' } as const;

/** Paper, footer and option swatches, as the report's page rules (src/render/page-css.ts) set them. */
function comparisonPageCss(model: ComparisonReportModel): string {
  const footer = model.brand.footer ?? `${model.client} · Scenario comparison · ${model.date}`;
  const box = "font-family:Inter,'Helvetica Neue',Arial,sans-serif;font-size:7.5pt;color:#6b7280;";
  const swatches = model.options.map(({ id, colour }) => `.swatch-${id}{background:${colour}}`).join('');
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

/**
 * The comparison as one self-contained HTML page, in the report's look: strict templates, only built-in
 * helpers, every value escaped. Pure.
 */
export function renderComparisonHtml(
  model: ComparisonReportModel,
  templates: ComparisonTemplates,
  generator: string,
): string {
  const hb = Handlebars.create();
  for (const [name, text] of Object.entries(templates.partials)) {
    hb.registerPartial(name, hb.compile(text, TEMPLATE_OPTIONS));
  }
  const layout = hb.compile(templates.layout, TEMPLATE_OPTIONS);
  return layout(
    {
      model,
      generator,
      stylesheet: templates.stylesheet,
      compareStylesheet: templates.compareStylesheet,
      fontFaceCss: templates.fontFaceCss,
      pageCss: comparisonPageCss(model),
    },
    { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false },
  );
}

import Handlebars from 'handlebars';
import { buildReportModel } from '../report/build-report-model.js';
import type { ReportSources } from '../report/report-sources.js';
import { templateRenderFailed } from '../shared/error-catalogue.js';
import { linkedText } from './linked-text.js';
import { pageCss } from './page-css.js';
import { type ReportTemplates, rememberTemplate, templateErrorMessage } from './report-templates.js';

/**
 * Strict: a key the model lacks is an error, not an empty gap in a client document. Only the built-in
 * helpers and `linked` exist, so a template cannot call anything else, and user text is always escaped:
 * by `{{ }}`, or by `{{linked text}}`, which only adds links to the URLs in it.
 */
export const TEMPLATE_OPTIONS = {
  strict: true,
  knownHelpersOnly: true,
  knownHelpers: { linked: true },
} as const;

/** The layout's name among precompiled templates; partials go by their own names. */
export const LAYOUT_NAME = 'report.hbs';

type Render = (context: unknown) => string;
const compiled = new WeakMap<ReportTemplates, Render>();

/** The report as one self-contained HTML document: fonts, styles and charts inline, nothing to fetch. */
export function renderReportHtml(sources: ReportSources, templates: ReportTemplates): string {
  const model = buildReportModel(sources);
  const render = compiled.get(templates) ?? compileTemplates(templates);
  compiled.set(templates, render);
  try {
    return render({
      model,
      result: sources.result,
      stamp: sources.stamp,
      stylesheet: templates.stylesheet,
      fontFaceCss: templates.fontFaceCss,
      pageCss: pageCss(model),
    });
  } catch (error) {
    throw templateRenderFailed(templateErrorMessage(error, templates.origins), error);
  }
}

function compileTemplates(templates: ReportTemplates): Render {
  const hb = Handlebars.create();
  hb.registerHelper('linked', (text: unknown) => new hb.SafeString(linkedText(String(text))));
  // Compiling is most of the cost of a first render: the shipped templates come compiled from the build.
  const compile = (name: string, text: string) => {
    const precompiled = templates.precompiled?.[name];
    return precompiled?.text === text
      ? hb.template(precompiled.spec as Parameters<typeof hb.template>[0])
      : hb.compile(text, TEMPLATE_OPTIONS);
  };
  for (const [name, text] of Object.entries(templates.partials)) {
    hb.registerPartial(name, rememberTemplate({ file: `partials/${name}`, text }, compile(name, text)));
  }
  const layout = rememberTemplate(
    { file: LAYOUT_NAME, text: templates.layout },
    compile(LAYOUT_NAME, templates.layout),
  );
  return (context) =>
    layout(context, { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false });
}

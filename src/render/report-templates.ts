/** The templates a report is rendered with: the shipped ones, or a user's overrides of some of them. */
export interface ReportTemplates {
  /** The page: report.hbs. */
  readonly layout: string;
  /** Partials by name (file name without .hbs), used as {{> name}}. */
  readonly partials: Readonly<Record<string, string>>;
  /** report.css, inlined into the page. */
  readonly stylesheet: string;
  /** `@font-face` rules with the report font inlined. */
  readonly fontFaceCss: string;
  /** Where each template came from, to name it in an error. */
  readonly origins: Readonly<Record<string, string>>;
  /**
   * The shipped templates compiled at build time, by name (`report.hbs` for the layout, else the partial's
   * name), each with the text it was compiled from: used for a template whose text is exactly that.
   */
  readonly precompiled?: Readonly<Record<string, PrecompiledTemplate>>;
}

export interface PrecompiledTemplate {
  readonly text: string;
  /** What `Handlebars.precompile(text, TEMPLATE_OPTIONS)` returns, evaluated. */
  readonly spec: unknown;
}

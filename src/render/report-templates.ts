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
}

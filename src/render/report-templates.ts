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

/** A template as the user knows it: its file, relative to the templates folder (`partials/cover.hbs`), and text. */
export interface TemplateSource {
  readonly file: string;
  readonly text: string;
}

/** The template an error was thrown in: the innermost one, since partials render inside the layout. */
const thrownIn = new WeakMap<object, TemplateSource>();

/**
 * `render` as is, but an error thrown while it runs remembers `source` unless a partial inside it already
 * claimed the error: Handlebars' own errors give a line and column but not the file they are in.
 */
export function rememberTemplate<Args extends unknown[]>(
  source: TemplateSource,
  render: (...args: Args) => string,
): (...args: Args) => string {
  return (...args) => {
    try {
      return render(...args);
    } catch (error) {
      if (typeof error === 'object' && error !== null && !thrownIn.has(error)) thrownIn.set(error, source);
      throw error;
    }
  };
}

/**
 * One line naming the template file and the spot, for an error thrown while rendering:
 * `tpl/partials/cover.hbs:10:31  "model.clinet" not defined`. Handlebars says `"clinet" not defined in
 * [object Object] - 10:30` (the last segment only, the object as text and a 0-based column); the whole
 * expression is read back from the template at the position it gives.
 */
export function templateErrorMessage(error: unknown, origins: ReportTemplates['origins']): string {
  const source = typeof error === 'object' && error !== null ? thrownIn.get(error) : undefined;
  const where = source === undefined ? 'report template' : (origins[source.file] ?? source.file);
  const { message, lineNumber, column, endLineNumber, endColumn } = error as Error & {
    lineNumber?: number;
    column?: number;
    endLineNumber?: number;
    endColumn?: number;
  };
  const firstLine = String(message).split('\n')[0] ?? '';
  if (lineNumber === undefined || column === undefined) return `${where}: ${firstLine}`;
  const missing = /^"(.*)" not defined in /.exec(firstLine);
  if (missing === null)
    return `${where}:${lineNumber}:${column + 1}  ${firstLine.replace(/ - \d+:\d+$/, '')}`;
  const line = source?.text.split(/\r\n|\r|\n/)[lineNumber - 1];
  const expression =
    line !== undefined && endLineNumber === lineNumber && endColumn !== undefined
      ? line.slice(column, endColumn)
      : '';
  const name = expression.endsWith(missing[1] ?? '') ? expression : missing[1];
  return `${where}:${lineNumber}:${column + 1}  "${name}" not defined`;
}

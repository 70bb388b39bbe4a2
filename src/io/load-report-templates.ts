import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';
import { reportFontFaceCss } from '../charts/report-font.js';
import { TEMPLATE_OPTIONS } from '../render/render-report-html.js';
import type { PrecompiledTemplate, ReportTemplates } from '../render/report-templates.js';
import { didYouMean } from '../shared/did-you-mean.js';
import {
  missingFromPackage,
  noSuchPartial,
  noTemplates,
  notRegularFile,
  templateFolderUnreadable,
  templateOutsideFolder,
  templateSyntax,
  templateUnreadable,
} from '../shared/error-catalogue.js';
import { CniError } from '../shared/errors.js';

/** templates/ ships beside dist/ and src/, both two levels below the package root. */
const SHIPPED_DIR = fileURLToPath(new URL('../../templates/', import.meta.url));
/** The shipped templates compiled by `npm run build` (scripts/build-caches.js); absent before a build. */
const PRECOMPILED = new URL('../../dist/templates.js', import.meta.url);
const LAYOUT = 'report.hbs';
const STYLESHEET = 'report.css';
/** Rules added after the stylesheet (shipped or replaced), so a few changes need not copy all of report.css. */
const EXTRA_STYLESHEET = 'extra.css';
const PARTIALS = 'partials';

/**
 * The shipped templates, with any of them replaced by the files of the same name in `overrideDir`
 * (report.hbs, report.css, partials/<name>.hbs), and the rules of its extra.css appended to the stylesheet,
 * where they win over the shipped rules of the same specificity. Every replacement is compiled here, so a
 * syntax error in it is reported with its file and line before any report is written.
 */
export async function loadReportTemplates(overrideDir?: string): Promise<ReportTemplates> {
  const shippedDir = SHIPPED_DIR;
  const shipped = await readTemplateDir(shippedDir, true);
  const override = overrideDir === undefined ? emptyDir() : await readTemplateDir(overrideDir, false);
  const layoutOverridden = override.layout !== undefined;
  for (const name of Object.keys(override.partials)) {
    if (shipped.partials[name] === undefined && !layoutOverridden) {
      const suggestion = didYouMean(name, Object.keys(shipped.partials));
      throw noSuchPartial(override.origins[`partials/${name}`] ?? name, name, suggestion);
    }
  }
  const templates: ReportTemplates = {
    layout: override.layout ?? required(shipped.layout, shippedDir, LAYOUT),
    stylesheet: [
      override.stylesheet ?? required(shipped.stylesheet, shippedDir, STYLESHEET),
      ...(override.extraStylesheet === undefined ? [] : [override.extraStylesheet]),
    ].join('\n'),
    partials: { ...shipped.partials, ...override.partials },
    fontFaceCss: reportFontFaceCss(),
    origins: { ...shipped.origins, ...override.origins },
    precompiled: await loadPrecompiled(),
  };
  // The shipped templates are checked by the test suite; compiling them here as well would double the cost
  // of every run, since rendering compiles them again.
  if (override.layout !== undefined) checkSyntax(LAYOUT, override.layout, templates.origins);
  for (const [name, text] of Object.entries(override.partials)) {
    checkSyntax(`partials/${name}`, text, templates.origins);
  }
  return templates;
}

async function loadPrecompiled(): Promise<Readonly<Record<string, PrecompiledTemplate>> | undefined> {
  try {
    return ((await import(PRECOMPILED.href)) as { default: Record<string, PrecompiledTemplate> }).default;
  } catch {
    // Not built (tests run tsc alone): every template is compiled when first rendered.
    return undefined;
  }
}

interface TemplateDir {
  layout: string | undefined;
  stylesheet: string | undefined;
  extraStylesheet: string | undefined;
  partials: Record<string, string>;
  origins: Record<string, string>;
}

function emptyDir(): TemplateDir {
  return { layout: undefined, stylesheet: undefined, extraStylesheet: undefined, partials: {}, origins: {} };
}

async function readTemplateDir(dir: string, shipped: boolean): Promise<TemplateDir> {
  const found = emptyDir();
  const top = await listDir(dir, shipped);
  // A template pack is passed around between colleagues: none of its files may lead out of its folder.
  const readText = shipped ? readShipped : confinedReader(await realpath(dir));
  if (top.includes(LAYOUT)) {
    found.layout = await readText(join(dir, LAYOUT));
    found.origins[LAYOUT] = join(dir, LAYOUT);
  }
  if (top.includes(STYLESHEET)) found.stylesheet = await readText(join(dir, STYLESHEET));
  if (!shipped && top.includes(EXTRA_STYLESHEET))
    found.extraStylesheet = await readText(join(dir, EXTRA_STYLESHEET));
  if (top.includes(PARTIALS)) {
    for (const file of (await listDir(join(dir, PARTIALS), shipped)).sort()) {
      if (!file.endsWith('.hbs')) continue;
      const name = file.slice(0, -'.hbs'.length);
      found.partials[name] = await readText(join(dir, PARTIALS, file));
      found.origins[`partials/${name}`] = join(dir, PARTIALS, file);
    }
  }
  if (
    !shipped &&
    found.layout === undefined &&
    found.stylesheet === undefined &&
    found.extraStylesheet === undefined &&
    top.every((f) => f !== PARTIALS)
  ) {
    throw noTemplates(dir, [LAYOUT, STYLESHEET, EXTRA_STYLESHEET, `${PARTIALS}/`]);
  }
  return found;
}

async function listDir(dir: string, shipped: boolean): Promise<string[]> {
  try {
    return await readdir(dir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw templateFolderUnreadable(dir, code, shipped);
  }
}

async function readShipped(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw unreadableTemplate(file, error);
  }
}

/**
 * Reads the files of a template folder whose real path is `root`: each one resolved through every symbolic link
 * on its way, and refused unless it is a regular file inside `root` (a link to ~/.aws/credentials, /etc/passwd
 * or a FIFO is not a template).
 */
function confinedReader(root: string): (file: string) => Promise<string> {
  return async (file) => {
    try {
      const real = await realpath(file);
      const fromRoot = relative(root, real);
      if (fromRoot === '' || fromRoot === '..' || fromRoot.startsWith(`..${sep}`) || isAbsolute(fromRoot)) {
        throw templateOutsideFolder(file);
      }
      if (!(await stat(real)).isFile()) {
        throw notRegularFile(file, 'TEMPLATE_INVALID');
      }
      return await readFile(real, 'utf8');
    } catch (error) {
      if (error instanceof CniError) throw error;
      throw unreadableTemplate(file, error);
    }
  };
}

function unreadableTemplate(file: string, error: unknown): CniError {
  const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
  return templateUnreadable(file, code);
}

function required(text: string | undefined, dir: string, name: string): string {
  if (text === undefined) throw missingFromPackage(join(dir, name));
  return text;
}

function checkSyntax(name: string, text: string, origins: Readonly<Record<string, string>>): void {
  try {
    Handlebars.precompile(text, TEMPLATE_OPTIONS);
  } catch (error) {
    const where = origins[name] ?? name;
    const { message, lineNumber, column } = error as Error & { lineNumber?: number; column?: number };
    const line = lineNumber ?? Number(/on line (\d+)/.exec(message)?.[1] ?? Number.NaN);
    const location = Number.isFinite(line) ? `:${line}${column === undefined ? '' : `:${column + 1}`}` : '';
    const detail = message.split('\n').at(-1) ?? message;
    throw templateSyntax(`${where}${location}`, detail);
  }
}

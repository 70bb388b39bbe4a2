import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { reportFontFaceCss } from '../charts/report-font.js';
import type { ComparisonTemplates } from '../compare/render-comparison-html.js';
import { missingFromPackage } from '../shared/error-catalogue.js';

/** templates/ ships beside dist/ and src/, both two levels below the package root. */
const SHIPPED_DIR = fileURLToPath(new URL('../../templates/', import.meta.url));

/** The comparison's page and partials, the report's stylesheet it shares, and the report font. */
export async function loadComparisonTemplates(): Promise<ComparisonTemplates> {
  const read = async (name: string) => {
    try {
      return await readFile(join(SHIPPED_DIR, name), 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
      throw missingFromPackage(join(SHIPPED_DIR, name), code);
    }
  };
  const partialNames = (await readdir(join(SHIPPED_DIR, 'compare')).catch(() => []))
    .filter((f) => f.endsWith('.hbs'))
    .sort();
  const partials: Record<string, string> = {};
  for (const file of partialNames)
    partials[file.slice(0, -'.hbs'.length)] = await read(join('compare', file));
  return {
    layout: await read('compare.hbs'),
    partials,
    stylesheet: await read('report.css'),
    compareStylesheet: await read('compare.css'),
    fontFaceCss: reportFontFaceCss(),
  };
}

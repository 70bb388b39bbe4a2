import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildReportCharts } from '../../../src/charts/report-charts.js';
import { loadAnswers } from '../../../src/io/load-answers.js';
import { defaultDataset } from '../../../src/io/load-dataset.js';
import { loadReportTemplates } from '../../../src/io/load-report-templates.js';
import { renderReportHtml } from '../../../src/render/render-report-html.js';
import { renderReportMarkdown } from '../../../src/render/render-report-markdown.js';
import type { ReportTemplates } from '../../../src/render/report-templates.js';
import { buildResult } from '../../../src/result/build-result.js';
import type { FuzzTarget } from './fuzz-target.js';
import { timed } from './timed.js';

const DRAWS = 200;

interface RenderedReport {
  readonly client: string;
  readonly html: string;
  readonly markdown: string;
}

/**
 * The loader, the engine, the chart specs and the HTML and Markdown renderers. Chart SVGs are left out: they
 * take a tenth of a second each and have their own tests; the specs are built, so a throw there counts.
 */
export function reportTarget(dir: string): FuzzTarget {
  const file = join(dir, 'answers.yaml');
  let templates: Promise<ReportTemplates> | undefined;
  return {
    name: 'report html+md',
    file,
    checkValue: reportViolations,
    run: async (content) => {
      await writeFile(file, content);
      templates ??= loadReportTemplates();
      const loaded = await templates;
      return timed(async (): Promise<RenderedReport> => {
        const { answers } = await loadAnswers(file);
        const dataset = defaultDataset();
        const result = buildResult(answers, dataset, { draws: DRAWS });
        buildReportCharts(result);
        const sources = {
          result,
          answers,
          dataset,
          brand: { name: null, logoDataUri: null, primaryColor: '#1f3a5f', footer: null },
          charts: [],
          stamp: {
            tool: 'cnireport' as const,
            toolVersion: '0.0.0-fuzz',
            dataVersion: result.dataVersion,
            dataVerifiedOn: '2026-12-01',
            inputSha256: '0'.repeat(64),
            seed: result.monteCarlo.seed,
            draws: DRAWS,
            date: '2026-11-24',
          },
          paper: 'A4' as const,
        };
        return {
          client: answers.engagement.client,
          html: renderReportHtml(sources, loaded),
          markdown: renderReportMarkdown(sources, { charts: null, html: true, pdf: false }),
        };
      });
    },
  };
}

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The client's text appears escaped, no script or markup leaks, and no number went missing on the way. */
export function reportViolations(value: unknown): string[] {
  const { client, html, markdown } = value as RenderedReport;
  const found: string[] = [];
  const body = html.slice(html.indexOf('<body>'));
  if (
    !body.includes(escapeHtml(client).replace(/'/g, '&#x27;').replace(/`/g, '&#x60;').replace(/=/g, '&#x3D;'))
  )
    found.push('the client name is not in the HTML as escaped text');
  if (/<script|<iframe|<object|javascript:/i.test(html)) found.push('active content in the HTML');
  for (const [name, text] of [
    ['HTML', body.replace(/<svg[\s\S]*?<\/svg>/g, '')],
    ['Markdown', markdown],
  ] as const) {
    const gap = /\bNaN\b|\bInfinity\b|\bundefined\b|\[object Object\]/.exec(
      text.replace(escapeHtml(client), ''),
    );
    if (gap !== null) found.push(`${name} shows ${gap[0]}`);
  }
  return found;
}

import { beforeAll, describe, expect, it } from 'vitest';
import { loadReportTemplates } from '../../../src/io/load-report-templates.js';
import { fitFooterText, pageCss } from '../../../src/render/page-css.js';
import { renderReportHtml } from '../../../src/render/render-report-html.js';
import type { ReportTemplates } from '../../../src/render/report-templates.js';
import { buildReportModel } from '../../../src/report/build-report-model.js';
import { exampleAnswers, makeAnswers } from '../../helpers/make-answers.js';
import { reportSources } from '../../helpers/report-sources.js';

const EXAMPLES = ['small-team-basic', 'scaleup-sidecar-cost', 'regulated-bank', 'design-sample'] as const;

let templates: ReportTemplates;
const pages = new Map<string, string>();
beforeAll(async () => {
  templates = await loadReportTemplates();
  for (const name of EXAMPLES) {
    const html = renderReportHtml(reportSources(exampleAnswers(name)), templates);
    pages.set(name, html.slice(html.indexOf('<body>')));
  }
});

const body = (name: string) => pages.get(name) ?? '';

describe.each(EXAMPLES)('the HTML report of %s', (name) => {
  it('gives every table header a scope', () => {
    const headers = body(name).match(/<th\b[^>]*>/g) ?? [];
    expect(headers.length).toBeGreaterThan(20);
    expect(headers.filter((th) => !/\bscope="(col|row|colgroup|rowgroup)"/.test(th))).toEqual([]);
  });

  it('makes every http(s) source a link', () => {
    const html = body(name);
    expect(html).toMatch(/<a href="https:\/\//);
    const outsideLinks = html
      .replace(/<svg[\s\S]*?<\/svg>/g, '')
      .replace(/<a\b[^>]*>[\s\S]*?<\/a>/g, '')
      .replace(/<[^>]*>/g, ' ');
    expect(outsideLinks.match(/https?:\/\/\S+/g) ?? []).toEqual([]);
  });

  it('shows each input by its description, never its answers-file key', () => {
    const sources = reportSources(exampleAnswers(name));
    const table = /<table class="data assumptions[\s\S]*?<\/table>/.exec(body(name))?.[0] ?? '';
    const firstCells = [...table.matchAll(/<tr[^>]*><td>([^<]*)<\/td>/g)].map((m) => m[1]);
    expect(firstCells).toHaveLength(sources.result.assumptions.length);
    for (const cell of firstCells) expect(cell).not.toMatch(/^[a-z]+[A-Z]\w*$/);
    expect(body(name)).not.toContain('class="key"');
  });

  it('addresses the client, not the tool user, in the summary', () => {
    const summary = /<section class="chapter" id="summary">[\s\S]*?<\/section>/.exec(body(name))?.[0] ?? '';
    expect(summary).not.toMatch(/assumptions\.|placeholder|[Rr]eplace (it|them)/);
  });

  it('uses no inline style but the money tables’ colour swatches', () => {
    const styles = body(name).match(/<[^>]*\bstyle="[^"]*"[^>]*>/g) ?? [];
    expect(
      styles.filter((tag) => !/^<span class="swatch" style="background:#[0-9A-Fa-f]{6}">$/.test(tag)),
    ).toEqual([]);
  });
});

describe('the cover', () => {
  it('leaves the brand block empty, without stray whitespace, when there is no brand', () => {
    expect(body('small-team-basic')).toContain('<div class="cover-brand"></div>');
  });
});

describe('the page footer', () => {
  it('keeps a short client name whole', () => {
    expect(fitFooterText('Acme Bank', ' · CNI recommendation · 24 November 2026')).toBe('Acme Bank');
  });

  it('cuts a long client name with an ellipsis so the page number never wraps', () => {
    const client = `Zoë’s Café Logística ${'Internationale de Transports '.repeat(3)}`.trim();
    const css = pageCss(buildReportModel(reportSources(makeAnswers({ engagement: { client } }))));
    const footer = /@bottom-left\{content:"([^"]*)"/.exec(css)?.[1] ?? '';
    const text = footer.replace(/\\([0-9a-f]+) /g, (_, hex: string) =>
      String.fromCodePoint(Number.parseInt(hex, 16)),
    );
    expect(text).toMatch(/^Zoë’s Café Logística Internationale .*… · CNI recommendation · /);
    expect(text.length).toBeLessThan(client.length);
    expect(css).toMatch(
      /@bottom-right\{content:"Page " counter\(page\) " of " counter\(pages\);[^}]*white-space:nowrap/,
    );
  });
});

import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadReportTemplates } from '../../../src/io/load-report-templates.js';
import { cssString } from '../../../src/render/css-string.js';
import { renderReportHtml } from '../../../src/render/render-report-html.js';
import { renderReportMarkdown } from '../../../src/render/render-report-markdown.js';
import type { ReportTemplates } from '../../../src/render/report-templates.js';
import { CniError } from '../../../src/shared/errors.js';
import { exampleAnswers, makeAnswers } from '../../helpers/make-answers.js';
import { PLAIN_BRAND, reportSources } from '../../helpers/report-sources.js';

const HOSTILE = '<script>alert(1)</script> {{constructor}} </style><img src=x onerror=alert(2)> & "quotes"';

let templates: ReportTemplates;
beforeAll(async () => {
  templates = await loadReportTemplates();
});

/** The HTML without the inlined font and style sheet, where the text under test cannot be. */
function body(html: string): string {
  return html.slice(html.indexOf('<body>'));
}

describe('renderReportHtml', () => {
  it('escapes a client name carrying markup, script and template syntax: it appears only as text', () => {
    const html = renderReportHtml(
      reportSources(makeAnswers({ engagement: { client: HOSTILE, preparedBy: HOSTILE } })),
      templates,
    );
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img src=x');
    expect(body(html)).toContain('&lt;script&gt;alert(1)&lt;/script&gt; {{constructor}} &lt;/style&gt;');
    expect(html).toContain('<title>CNI recommendation for &lt;script&gt;');
  });

  it('keeps brand text inside its CSS string and its HTML text', () => {
    const brand = { ...PLAIN_BRAND, name: HOSTILE, footer: '"}</style><script>alert(3)</script>' };
    const html = renderReportHtml(reportSources(makeAnswers(), { brand }), templates);
    expect(html).not.toContain('<script>');
    const start = html.lastIndexOf('<style>') + '<style>'.length;
    const pageRules = html.slice(start, html.indexOf('</style>', start));
    expect(pageRules).toContain(`content:"${cssString(brand.footer)}"`);
    expect(pageRules).not.toMatch(/[<>]/);
  });

  it('has a restrictive content security policy and loads nothing from outside', () => {
    const html = renderReportHtml(reportSources(exampleAnswers('regulated-bank')), templates);
    expect(html).toContain("default-src 'none'");
    expect(html).not.toMatch(/src="(https?:)?\/\//);
    // Web addresses only as links the reader may follow (the sources), never as something loaded.
    for (const tag of html.match(/<[^>]*href="(https?:)?\/\/[^>]*>/g) ?? []) expect(tag).toMatch(/^<a href=/);
    expect(html).not.toMatch(/url\((?!data:)/);
  });

  it('is byte-identical for the same sources', () => {
    const sources = reportSources(exampleAnswers('scaleup-sidecar-cost'));
    expect(renderReportHtml(sources, templates)).toBe(renderReportHtml(sources, templates));
  });

  it.skipIf(!existsSync('dist/templates.js'))(
    'renders the same with the templates npm run build compiled as with templates compiled from the text',
    () => {
      expect(Object.keys(templates.precompiled ?? {})).toContain('cover');
      const sources = reportSources(exampleAnswers('regulated-bank'));
      const fromText = { ...templates, precompiled: undefined };
      expect(renderReportHtml(sources, templates)).toBe(renderReportHtml(sources, fromText));
    },
  );

  it('sets the paper size the caller asks for', () => {
    const sources = { ...reportSources(makeAnswers()), paper: 'Letter' as const };
    expect(renderReportHtml(sources, templates)).toContain('@page{size:Letter;');
  });

  it('reports a template that names a value the report lacks, instead of printing a gap', () => {
    const broken = { ...templates, partials: { ...templates.partials, cover: '<p>{{model.nonsense}}</p>' } };
    expect(() => renderReportHtml(reportSources(makeAnswers()), broken)).toThrow(CniError);
    expect(() => renderReportHtml(reportSources(makeAnswers()), broken)).toThrow(
      /partials\/cover.hbs:1:6 {2}"model.nonsense" not defined$/,
    );
  });

  it('refuses helpers other than the built-in ones', () => {
    const sneaky = {
      ...templates,
      partials: { ...templates.partials, cover: '{{#custom model}}x{{/custom}}' },
    };
    expect(() => renderReportHtml(reportSources(makeAnswers()), sneaky)).toThrow();
  });
});

describe('cssString', () => {
  it('leaves letters, digits and spaces, and hex-escapes everything else', () => {
    expect(cssString('Acme Bank 2026')).toBe('Acme Bank 2026');
    expect(cssString('a"b')).toBe('a\\22 b');
    expect(cssString('é')).toBe('\\e9 ');
    expect(cssString('😀')).toBe('\\1f600 ');
  });
});

/** report.md beside every file it can link: charts as PNG, the HTML and the PDF. */
const ALL_LINKS = { charts: 'png', html: true, pdf: true } as const;

describe('renderReportMarkdown', () => {
  it('escapes markup and Markdown syntax in user text', () => {
    const md = renderReportMarkdown(
      reportSources(makeAnswers({ engagement: { client: '<b>[Acme](http://x)</b> *bold*' } })),
      ALL_LINKS,
    );
    expect(md).toContain('# CNI recommendation for \\<b\\>\\[Acme\\](http\\://x)\\</b\\> \\*bold\\*');
    expect(md).not.toContain('<b>');
  });

  it('discloses an indicative price up front only where it can sway the decision, else notes it', () => {
    const sways = renderReportMarkdown(reportSources(exampleAnswers('regulated-bank')), ALL_LINKS);
    expect(sways.indexOf('> **Indicative price.**')).toBeGreaterThan(0);
    expect(sways.indexOf('> **Indicative price.**')).toBeLessThan(sways.indexOf('## Why'));
    const minor = renderReportMarkdown(reportSources(exampleAnswers('scaleup-sidecar-cost')), ALL_LINKS);
    expect(minor).not.toContain('> **Indicative price.**');
    expect(minor.indexOf('\n**Indicative price.**')).toBeGreaterThan(minor.indexOf('## Alternatives'));
    expect(minor.indexOf('\n**Indicative price.**')).toBeLessThan(minor.indexOf('## What would change'));
  });

  it('links every chart as PNG and holds the TCO table', () => {
    const charts = [
      {
        name: 'tco-by-category',
        title: 'TCO by category',
        description: 'd',
        svg: '<svg/>',
        width: 1,
        height: 1,
      },
    ];
    const md = renderReportMarkdown(reportSources(exampleAnswers('regulated-bank'), { charts }), ALL_LINKS);
    expect(md).toContain('[TCO by category](charts/tco-by-category.png)');
    expect(md).toMatch(/\| \*\*Isovalent Networking for Kubernetes\*\* \| €/);
  });
});

describe('loadReportTemplates', () => {
  async function overrideDir(files: Record<string, string>): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), 'cnireport-templates-'));
    for (const [name, text] of Object.entries(files)) {
      await mkdir(join(dir, name, '..'), { recursive: true });
      await writeFile(join(dir, name), text);
    }
    return dir;
  }

  it('replaces only the partials the override folder holds', async () => {
    const dir = await overrideDir({ 'partials/methodology.hbs': '<section id="methodology">ours</section>' });
    const loaded = await loadReportTemplates(dir);
    expect(loaded.partials.methodology).toContain('ours');
    expect(loaded.partials.cover).toBe(templates.partials.cover);
    const html = renderReportHtml(reportSources(makeAnswers()), loaded);
    expect(html).toContain('<section id="methodology">ours</section>');
  });

  it('names the file and line of a syntax error', async () => {
    const dir = await overrideDir({ 'partials/cover.hbs': '<p>\n{{#if model.client}}\n</p>' });
    await expect(loadReportTemplates(dir)).rejects.toThrow(/partials\/cover\.hbs:\d+/);
  });

  it('suggests the right name for a misspelt partial', async () => {
    const dir = await overrideDir({ 'partials/covr.hbs': '<p></p>' });
    await expect(loadReportTemplates(dir)).rejects.toThrow(/did you mean cover\?/);
  });

  it('refuses a folder with no template in it', async () => {
    const dir = await overrideDir({ 'notes.txt': 'x' });
    await expect(loadReportTemplates(dir)).rejects.toThrow(/holds none of report.hbs/);
  });
});

describe('renderReportMarkdown chart links', () => {
  const charts = [
    { name: 'tornado', title: 'Tornado', description: 'd', svg: '<svg/>', width: 1, height: 1 },
  ];

  it('links the SVG when only SVGs are written, and no chart when none is', () => {
    const sources = reportSources(makeAnswers(), { charts });
    expect(renderReportMarkdown(sources, { ...ALL_LINKS, charts: 'svg' })).toContain('(charts/tornado.svg)');
    const none = renderReportMarkdown(sources, { ...ALL_LINKS, charts: null });
    expect(none).not.toContain('charts/');
    expect(none).not.toContain('## Charts');
  });

  it('links report.pdf and report.html only when they are written', () => {
    const sources = reportSources(makeAnswers(), { charts });
    const both = renderReportMarkdown(sources, ALL_LINKS);
    expect(both).toContain('[report.html](report.html) · [report.pdf](report.pdf)');
    const htmlOnly = renderReportMarkdown(sources, { ...ALL_LINKS, pdf: false });
    expect(htmlOnly).toContain('[report.html](report.html)');
    expect(htmlOnly).not.toContain('report.pdf');
    const neither = renderReportMarkdown(sources, { charts: null, html: false, pdf: false });
    expect(neither).not.toMatch(/\]\((?!https?:)/);
    expect(neither).toContain('Data version');
  });
});

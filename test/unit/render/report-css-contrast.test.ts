import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pageCss } from '../../../src/render/page-css.js';
import { buildReportModel } from '../../../src/report/build-report-model.js';
import { makeAnswers } from '../../helpers/make-answers.js';
import { reportSources } from '../../helpers/report-sources.js';

/** WCAG 2.x AA for text under 18pt (14pt bold): the report has no larger text in a muted colour. */
const AA = 4.5;

/** Elements with a background but no text of their own (the cover's band, the option swatches). */
const DECORATIVE = ['.cover-band', '.swatch'];

interface Rule {
  readonly selector: string;
  readonly declarations: ReadonlyMap<string, string>;
}

/** The innermost `selector { declarations }` blocks: rules inside @media and @page included. */
function parseRules(css: string): Rule[] {
  const text = css.replace(/\/\*[\s\S]*?\*\//g, '');
  return [...text.matchAll(/([^{}]+)\{([^{}]*)\}/g)].map((m) => ({
    selector: (m[1] ?? '').trim(),
    declarations: new Map(
      (m[2] ?? '')
        .split(';')
        .map((d) => d.split(/:(.*)/s).map((part) => part.trim()))
        .filter((d): d is [string, string] => d.length >= 2 && d[0] !== '')
        .map(([name, value]) => [name, value]),
    ),
  }));
}

function resolve(value: string, variables: ReadonlyMap<string, string>): string | null {
  const named: Record<string, string> = { white: '#ffffff', black: '#000000' };
  const v = value.replace(/var\((--[\w-]+)\)/g, (_, name: string) => variables.get(name) ?? name).trim();
  if (named[v] !== undefined) return named[v];
  return /^#[0-9a-f]{6}$/i.test(v) ? v.toLowerCase() : /^#[0-9a-f]{3}$/i.test(v) ? expand(v) : null;
}

function expand(short: string): string {
  return `#${[...short.slice(1)].map((c) => c + c).join('')}`.toLowerCase();
}

function luminance(hex: string): number {
  const [r = 0, g = 0, b = 0] = [1, 3, 5].map((i) => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/**
 * Every text colour the style sheets declare against every surface it can sit on: a rule that sets both
 * colour and background is its own pair; a text colour alone may sit on any background declared without a
 * text colour (the page, shaded cards and rows, callouts). The same pairs axe-core's color-contrast checks
 * in the rendered page, found from the style sheets so no browser is needed.
 */
function colourPairs(css: string): { selector: string; text: string; background: string }[] {
  const rules = parseRules(css);
  const variables = new Map<string, string>();
  for (const rule of rules) {
    for (const [name, value] of rule.declarations) if (name.startsWith('--')) variables.set(name, value);
  }
  const background = (rule: Rule) => {
    const value = rule.declarations.get('background-color') ?? rule.declarations.get('background');
    return value === undefined ? null : resolve(value, variables);
  };
  const surfaces = new Set<string>(['#ffffff']);
  for (const rule of rules) {
    const bg = background(rule);
    if (bg !== null && !rule.declarations.has('color') && !DECORATIVE.some((d) => rule.selector.includes(d)))
      surfaces.add(bg);
  }
  const pairs: { selector: string; text: string; background: string }[] = [];
  for (const rule of rules) {
    const colour = rule.declarations.get('color');
    const text = colour === undefined ? null : resolve(colour, variables);
    if (text === null) continue;
    const own = background(rule);
    for (const bg of own === null ? surfaces : [own])
      pairs.push({ selector: rule.selector, text, background: bg });
  }
  return pairs;
}

const reportCss = readFileSync(new URL('../../../templates/report.css', import.meta.url), 'utf8');

describe('colour contrast of the report style sheets', () => {
  it('finds the colours it checks', () => {
    const pairs = colourPairs(reportCss);
    expect(pairs.some((p) => p.selector === '.cover-verdict-label' && p.background === '#f5f6f8')).toBe(true);
    expect(pairs.some((p) => p.selector === '.origin' && p.background === '#eef6f0')).toBe(true);
    expect(pairs.some((p) => p.selector.includes('importance-must') && p.text === '#ffffff')).toBe(true);
  });

  it('fails a pair under 4.5:1, as the muted grey on the shaded cards once was', () => {
    const old =
      ':root{--ink-3:#6b7280;--shade:#f5f6f8}.key-label{color:var(--ink-3)}.key-figure{background:var(--shade)}';
    const low = colourPairs(old).filter((p) => contrast(p.text, p.background) < AA);
    expect(low.map((p) => `${p.selector} on ${p.background}`)).toEqual(['.key-label on #f5f6f8']);
  });

  it('meets WCAG AA (4.5:1) for every text colour of templates/report.css on every surface', () => {
    const low = colourPairs(reportCss)
      .filter((p) => contrast(p.text, p.background) < AA)
      .map(
        (p) =>
          `${p.selector}: ${p.text} on ${p.background} is ${contrast(p.text, p.background).toFixed(2)}:1`,
      );
    expect(low).toEqual([]);
  });

  it('meets it for the page footer too', () => {
    const css = pageCss(buildReportModel(reportSources(makeAnswers())));
    const colours = [...css.matchAll(/color:(#[0-9a-f]{6})/gi)].map((m) => m[1] ?? '');
    expect(colours.length).toBeGreaterThan(0);
    for (const colour of colours) expect(contrast(colour, '#ffffff')).toBeGreaterThanOrEqual(AA);
  });
});

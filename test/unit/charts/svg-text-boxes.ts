import { measureTextWidth } from '../../../src/charts/text-metrics.js';

/** Where a line of text in a chart SVG is drawn, in the SVG's own pixels. */
export interface TextBox {
  readonly text: string;
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
}

type Matrix = readonly [number, number, number, number, number, number];

const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];
/** Inter's ascender and descender, in ems: the ink of a line lies within them. */
const ASCENT = 0.97;
const DESCENT = 0.25;

function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[2] * n[1],
    m[1] * n[0] + m[3] * n[1],
    m[0] * n[2] + m[2] * n[3],
    m[1] * n[2] + m[3] * n[3],
    m[0] * n[4] + m[2] * n[5] + m[4],
    m[1] * n[4] + m[3] * n[5] + m[5],
  ];
}

function parseTransform(value: string | undefined): Matrix {
  let m = IDENTITY;
  for (const [, op, args] of (value ?? '').matchAll(/(translate|rotate)\(([^)]*)\)/g)) {
    const [a = 0, b = 0] = (args ?? '').split(/[\s,]+/).map(Number);
    if (op === 'translate') m = multiply(m, [1, 0, 0, 1, a, b]);
    else {
      const r = (a * Math.PI) / 180;
      m = multiply(m, [Math.cos(r), Math.sin(r), -Math.sin(r), Math.cos(r), 0, 0]);
    }
  }
  return m;
}

function attributes(source: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  for (const [, name, value] of source.matchAll(/([\w:-]+)="([^"]*)"/g))
    attrs[name as string] = value as string;
  return attrs;
}

function decode(text: string): string {
  return text
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&#x([0-9a-f]+);/gi, (_, code: string) => String.fromCodePoint(Number.parseInt(code, 16)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/**
 * Every line of text Vega drew, boxed with the same font metrics that laid the chart out. Follows the
 * nested group transforms; a multi-line text is one box per tspan line.
 */
export function svgTextBoxes(svg: string): TextBox[] {
  const boxes: TextBox[] = [];
  const stack: Matrix[] = [IDENTITY];
  const tags = /<(\/?)([a-zA-Z]+)((?:\s+[\w:-]+="[^"]*")*)\s*(\/?)>|([^<]+)/g;
  let text: { m: Matrix; anchor: string; size: number; weight: string; dy: number } | null = null;
  for (const [, closing, name, attrSource, selfClosing, content] of svg.matchAll(tags)) {
    const top = stack[stack.length - 1] ?? IDENTITY;
    if (content !== undefined) {
      if (text === null) continue;
      const line = decode(content).trim();
      if (line === '') continue;
      const { m } = text;
      const width = measureTextWidth(line, text.size, text.weight);
      const x0 = text.anchor === 'middle' ? -width / 2 : text.anchor === 'end' ? -width : 0;
      const corners = [
        [x0, text.dy - ASCENT * text.size],
        [x0 + width, text.dy - ASCENT * text.size],
        [x0, text.dy + DESCENT * text.size],
        [x0 + width, text.dy + DESCENT * text.size],
      ].map(([x = 0, y = 0]) => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]]);
      const xs = corners.map((c) => c[0] ?? 0);
      const ys = corners.map((c) => c[1] ?? 0);
      boxes.push({
        text: line,
        left: Math.min(...xs),
        right: Math.max(...xs),
        top: Math.min(...ys),
        bottom: Math.max(...ys),
      });
      continue;
    }
    if (name === 'text') {
      if (closing === '/') {
        text = null;
        continue;
      }
      const a = attributes(attrSource ?? '');
      text = {
        m: multiply(top, parseTransform(a.transform)),
        anchor: a['text-anchor'] ?? 'start',
        size: Number.parseFloat(a['font-size'] ?? '11'),
        weight: a['font-weight'] ?? '400',
        dy: 0,
      };
    } else if (name === 'tspan' && closing !== '/' && text !== null) {
      text.dy += Number(attributes(attrSource ?? '').dy ?? 0);
    } else if (name === 'g') {
      if (closing === '/') stack.pop();
      else if (selfClosing !== '/')
        stack.push(multiply(top, parseTransform(attributes(attrSource ?? '').transform)));
    }
  }
  return boxes;
}

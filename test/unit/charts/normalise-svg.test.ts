import { describe, expect, it } from 'vitest';
import { normaliseSvg } from '../../helpers/normalise-svg.js';

describe('normaliseSvg', () => {
  it('puts one element a line, indented by depth, texts whole, numbers to 3 decimals', () => {
    const svg =
      '<svg width="10"><g transform="translate(29.332458042732615,-0.12345)"><path d="M0,0h1.5v2.0004Z"/>' +
      '<text x="1.23456">Cilium OSS 1.18</text></g></svg>';
    expect(normaliseSvg(svg)).toBe(
      [
        '<svg width="10">',
        '  <g transform="translate(29.332,-0.123)">',
        '    <path d="M0,0h1.5v2Z"/>',
        '    <text x="1.235">Cilium OSS 1.18</text>',
        '  </g>',
        '</svg>',
        '',
      ].join('\n'),
    );
  });
});

import { describe, expect, it } from 'vitest';
import { svgOutsideImages } from '../../../src/io/svg-outside-images.js';

const svg = (body: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="300" height="60">${body}</svg>`;
const dataSvg = (body: string) => `data:image/svg+xml;base64,${Buffer.from(svg(body)).toString('base64')}`;
const PNG_1X1 =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

describe('svgOutsideImages (what resvg would read from the disk)', () => {
  it.each([
    [
      'an absolute path',
      '<image href="/home/me/private-photo.png" width="300" height="60"/>',
      '/home/me/private-photo.png',
    ],
    ['a path relative to the current folder', '<image href="secret.png"/>', 'secret.png'],
    ['xlink:href', '<image xlink:href="/dev/zero"/>', '/dev/zero'],
    ['character references', '<image href="&#47;dev&#x2F;zero"/>', '/dev/zero'],
    ['a fragment (read as a file named "#x")', '<image href="#x"/>', '#x'],
    ['a file: URL', '<image href="file:///etc/passwd"/>', 'file:///etc/passwd'],
    ['an feImage', '<filter id="f"><feImage href="/tmp/fifo"/></filter>', '/tmp/fifo'],
    [
      'a data: URL without a comma (not one to the parser)',
      '<image href="data:image/png"/>',
      'data:image/png',
    ],
    [
      'an image inside an SVG inside a data: URL',
      `<image href="${dataSvg('<image href="/etc/shadow"/>')}"/>`,
      '/etc/shadow',
    ],
    [
      'an image inside a percent-encoded SVG data: URL',
      `<image href="data:image/svg+xml,${encodeURIComponent(svg('<image href="/etc/hosts"/>'))}"/>`,
      '/etc/hosts',
    ],
  ])('finds %s', (_, body, href) => {
    expect(svgOutsideImages(svg(body))).toEqual({ ok: true, hrefs: [href] });
  });

  it('accepts what a logo carries inside itself, and links that are not images', () => {
    const inside = svg(
      `<defs><linearGradient id="g"/><rect id="r" width="5" height="5"/></defs><use href="#r"/>` +
        `<image href="${PNG_1X1}"/><image href=" ${PNG_1X1} "/><image href="${dataSvg('<rect width="1" height="1"/>')}"/>` +
        `<a href="https://example.com/"><rect width="1" height="1" fill="url(#g)"/></a>`,
    );
    expect(svgOutsideImages(inside)).toEqual({ ok: true, hrefs: [] });
  });

  it('cannot tell for malformed XML, a compressed SVG inside, or nesting deeper than a logo needs', () => {
    expect(svgOutsideImages('<svg><rect</svg>')).toMatchObject({ ok: false, reason: /not well-formed XML/ });
    const gzipped = `data:image/svg+xml;base64,${Buffer.from([0x1f, 0x8b, 8, 0]).toString('base64')}`;
    expect(svgOutsideImages(svg(`<image href="${gzipped}"/>`))).toMatchObject({
      ok: false,
      reason: /compressed/,
    });
    let deep = svg('<rect width="1" height="1"/>');
    for (let i = 0; i < 6; i++)
      deep = svg(`<image href="data:image/svg+xml;base64,${Buffer.from(deep).toString('base64')}"/>`);
    expect(svgOutsideImages(deep)).toMatchObject({ ok: false, reason: /nested/ });
  });
});

import { describe, expect, it } from 'vitest';
import { imageSize } from '../../../src/deck/image-size.js';
import { LOGO_MAX_PIXELS, LOGO_SCALE, rasteriseLogo } from '../../../src/deck/rasterise-logo.js';

const svg = (attributes: string, body = '<rect width="10" height="10"/>') =>
  `<svg xmlns="http://www.w3.org/2000/svg" ${attributes}>${body}</svg>`;

describe('rasteriseLogo', () => {
  it('draws a small logo at LOGO_SCALE×, and a large one at most LOGO_MAX_PIXELS a side, keeping its shape', async () => {
    expect(imageSize(await rasteriseLogo(svg('width="120" height="30"')))).toEqual({
      width: 120 * LOGO_SCALE,
      height: 30 * LOGO_SCALE,
    });
    expect(imageSize(await rasteriseLogo(svg('width="30000" height="120000" viewBox="0 0 1 4"')))).toEqual({
      width: LOGO_MAX_PIXELS / 4,
      height: LOGO_MAX_PIXELS,
    });
  });

  it('refuses an image outside the logo itself, even when the brand file was not the way in', async () => {
    await expect(
      rasteriseLogo(svg('width="10" height="10"', '<image href="/etc/hosts"/>')),
    ).rejects.toMatchObject({
      name: 'CniError',
      message:
        'the brand logo (SVG) refers to an image outside it ("/etc/hosts"); a logo is drawn from its own content only',
    });
  });

  it('stops a logo still drawing when the time limit passes, with a one-line error', async () => {
    const slow = svg(
      'width="300" height="60"',
      '<filter id="b" x="-10" y="-10" width="20" height="20"><feGaussianBlur stdDeviation="1000"/></filter>' +
        '<rect width="300" height="60" filter="url(#b)"/>'.repeat(500),
    );
    await expect(rasteriseLogo(slow, { timeLimitMs: 1 })).rejects.toMatchObject({
      name: 'CniError',
      message: 'the brand logo (SVG) cannot be drawn for report.pptx: it takes more than 0.001 s to draw',
    });
  });

  it('turns a crash of the renderer into a one-line error', async () => {
    const pattern =
      '<pattern id="p" width="100" height="100" patternUnits="userSpaceOnUse" patternTransform="scale(100000)">' +
      '<rect width="50" height="50"/></pattern><rect width="300" height="60" fill="url(#p)"/>';
    await expect(rasteriseLogo(svg('width="300" height="60"', pattern))).rejects.toMatchObject({
      message: /^the brand logo \(SVG\) cannot be drawn for report\.pptx: its renderer stopped \(SIGABRT\)$/,
    });
  });
});

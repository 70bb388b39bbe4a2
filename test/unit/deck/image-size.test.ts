import { describe, expect, it } from 'vitest';
import { renderChartPng } from '../../../src/charts/render-chart.js';
import { imageSize } from '../../../src/deck/image-size.js';

/** A baseline JPEG header: start of image, a JFIF segment, then a start-of-frame 120 wide and 30 high. */
const JPEG = new Uint8Array([
  0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01,
  0x00, 0x00, 0xff, 0xc0, 0x00, 0x11, 0x08, 0x00, 0x1e, 0x00, 0x78, 0x03, 0x01, 0x22, 0x00, 0x02, 0x11, 0x01,
  0x03, 0x11, 0x01, 0xff, 0xd9,
]);

describe('imageSize', () => {
  it('reads a PNG’s size from its header', () => {
    const png = renderChartPng(
      '<svg xmlns="http://www.w3.org/2000/svg" width="64" height="40" viewBox="0 0 64 40"/>',
      2,
    );
    expect(imageSize(png)).toEqual({ width: 128, height: 80 });
  });

  it('walks a JPEG’s segments to its frame header', () => {
    expect(imageSize(JPEG)).toEqual({ width: 120, height: 30 });
  });

  it('knows nothing else', () => {
    expect(imageSize(new TextEncoder().encode('<svg/>'))).toBeNull();
    expect(imageSize(JPEG.subarray(0, 20))).toBeNull();
  });
});

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { renderPng } from '../../lib/notebook/render-png';
import { renderSvg } from '../../lib/notebook/render-svg';

/** Width and height from a PNG's IHDR chunk (bytes 16..23, big-endian). */
function pngSize(png: Buffer): { width: number; height: number } {
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** Non-white pixels of a PNG, decoded with resvg itself: an SVG that only holds the PNG as an image. */
async function inkOf(png: Buffer): Promise<number> {
  const { Resvg } = await import('@resvg/resvg-js');
  const { width, height } = pngSize(png);
  const wrapper =
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${width}" height="${height}">` +
    `<rect width="100%" height="100%" fill="white"/><image width="${width}" height="${height}" xlink:href="data:image/png;base64,${png.toString('base64')}"/></svg>`;
  const pixels = new Resvg(wrapper, { font: { loadSystemFonts: false } }).render().pixels;
  let ink = 0;
  for (let i = 0; i < pixels.length; i += 4) if (pixels[i] < 200 || pixels[i + 1] < 200 || pixels[i + 2] < 200) ink += 1;
  return ink;
}

const box = (body: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40"><rect width="120" height="40" fill="white"/>${body}</svg>`;

describe('renderPng', () => {
  it('renders at twice the SVG size by default, and at the scale asked for', async () => {
    const svg = box('<rect x="10" y="10" width="20" height="20" fill="black"/>');
    const png = await renderPng(svg);
    assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
    assert.deepEqual(pngSize(png), { width: 240, height: 80 });
    assert.deepEqual(pngSize(await renderPng(svg, { scale: 1 })), { width: 120, height: 40 });
    // the black square: 20x20 SVG pixels = 40x40 PNG pixels at 2x
    assert.equal(await inkOf(png), 1600);
  });

  it('draws text with the fonts shipped in node_modules (a label is not blank)', async () => {
    // Helvetica and Arial are absent (system fonts are never read): they fall back to DejaVu Sans.
    const blank = await inkOf(await renderPng(box('')));
    const text = await inkOf(
      await renderPng(box('<text x="5" y="28" font-family="Helvetica, Arial, sans-serif" font-size="20">mu_x</text>')),
    );
    const bold = await inkOf(
      await renderPng(box('<text x="5" y="28" font-family="sans-serif" font-weight="bold" font-size="20">mu_x</text>')),
    );
    assert.equal(blank, 0);
    assert.ok(text > 200, `the label drew ${text} dark pixels`);
    assert.ok(bold > text, `bold (${bold} px) should carry more ink than regular (${text} px)`);
  });

  it('gives the same bytes for the same chart (deterministic)', async () => {
    const svg = await renderSvg({
      title: 'log-likelihood per step',
      data: {
        values: [
          { step: 0, value: -3 },
          { step: 1, value: -2 },
          { step: 2, value: -1 },
        ],
      },
      mark: 'line',
      encoding: { x: { field: 'step', type: 'quantitative' }, y: { field: 'value', type: 'quantitative' } },
    });
    const first = await renderPng(svg);
    const second = await renderPng(svg);
    assert.ok(first.equals(second));
  });

  it('rejects what is not SVG markup, and a scale out of range', async () => {
    await assert.rejects(renderPng(42 as unknown as string), {
      name: 'TypeError',
      message: 'renderPng requires svg to be SVG markup (a string with an <svg element)',
    });
    await assert.rejects(renderPng('<svg/>', { scale: 0 }), {
      name: 'RangeError',
      message: 'renderPng requires scale to be a number from 0.1 to 8, got 0',
    });
    await assert.rejects(renderPng('<svg/>', { scale: Number.NaN }), {
      name: 'RangeError',
      message: 'renderPng requires scale to be a number from 0.1 to 8, got NaN',
    });
  });
});

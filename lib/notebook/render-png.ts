import * as path from 'path';
import type * as Resvg from '@resvg/resvg-js';

/** Options for {@link renderPng}. */
export interface RenderPngOptions {
  /**
   * Pixels per SVG pixel: 2 gives sharp images on high-density screens and in exported documents.
   * @default 2
   */
  scale?: number;
}

// The fonts travel with the project (npm package `dejavu-fonts-ttf`) and system fonts are never
// read: text renders on a machine without any font installed, and the same SVG gives the same PNG
// bytes on every machine. DejaVu Sans is also what Debian's browsers use for `sans-serif`, so the
// PNG looks like the chart JupyterLab draws.
const FONT_DIR = path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
const FONT_FILES = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf', 'DejaVuSans-Oblique.ttf', 'DejaVuSans-BoldOblique.ttf'].map((file) =>
  path.join(FONT_DIR, file),
);

/**
 * Renders an SVG (as made by {@link renderSvg}) to a PNG with resvg, headlessly: no browser, no
 * canvas package, and only the fonts shipped in `node_modules` (DejaVu Sans stands in for every
 * family, since `Helvetica, Arial, sans-serif` fall back to `sans-serif`).
 *
 * Why a chart needs a PNG: JupyterLab's Vega renderer adds an `image/png` to every chart output
 * that lacks one as soon as it draws it, which marks a notebook changed merely by opening it.
 * Shipping the PNG in the bundle stops that, and gives exporters a raster image.
 *
 * Deterministic: the same SVG and scale always give the same bytes. resvg is loaded on the first
 * call, so importing the library does not load it.
 *
 * @param svg - SVG markup
 * @param options - see {@link RenderPngOptions}
 * @returns the PNG file's bytes
 * @throws {TypeError} when svg is not a string holding an `<svg` element
 * @throws {RangeError} when scale is not a finite number from 0.1 to 8
 * @example
 * const png = await renderPng('<svg xmlns="http://www.w3.org/2000/svg" width="4" height="2"/>');
 * png.subarray(1, 4).toString(); // => 'PNG'
 */
export async function renderPng(svg: string, options: RenderPngOptions = {}): Promise<Buffer> {
  if (typeof svg !== 'string' || !svg.includes('<svg')) {
    throw new TypeError('renderPng requires svg to be SVG markup (a string with an <svg element)');
  }
  const scale = options.scale ?? 2;
  if (typeof scale !== 'number' || !Number.isFinite(scale) || scale < 0.1 || scale > 8) {
    throw new RangeError(`renderPng requires scale to be a number from 0.1 to 8, got ${String(scale)}`);
  }
  // Loaded on the first PNG, not when the library is imported (a native addon: no cost until a chart is drawn).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { renderAsync } = require('@resvg/resvg-js') as typeof Resvg;
  const image = await renderAsync(svg, {
    fitTo: { mode: 'zoom', value: scale },
    font: {
      loadSystemFonts: false,
      fontFiles: FONT_FILES,
      defaultFontFamily: 'DejaVu Sans',
      sansSerifFamily: 'DejaVu Sans',
      serifFamily: 'DejaVu Sans',
      monospaceFamily: 'DejaVu Sans',
    },
    logLevel: 'off',
  });
  return image.asPng();
}

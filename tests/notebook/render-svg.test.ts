import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { renderSvg } from '../../lib/notebook/render-svg';
import { layer } from '../../lib/charts/layer';
import { heatmap } from '../../lib/charts/heatmap';
import { pathOverlay } from '../../lib/charts/path-overlay';
import { compactSvg } from '../../lib/notebook/compact-svg';

const grid = {
  xs: [-5, 0, 5],
  ys: [-5, 0, 5],
  values: [
    [1, 2, 3],
    [4, 5, 6],
    [7, 8, 9],
  ],
};

describe('renderSvg', () => {
  it('renders the same spec twice to byte-identical SVG (clip and gradient ids reset)', async () => {
    // Clipped paths and a gradient legend: both use vega's process-wide id counters.
    const spec = layer(
      heatmap(grid),
      pathOverlay([
        {
          name: 'a',
          points: [
            [0, 0],
            [9, 9],
          ],
        },
      ]),
    );
    const first = await renderSvg(spec);
    const second = await renderSvg(spec);
    assert.ok(first.startsWith('<svg'));
    assert.match(first, /clip-path="url\(#clip1\)"/);
    assert.match(first, /gradient_0/);
    assert.equal(first, second);
  });

  it('throws when the spec cannot be compiled', async () => {
    await assert.rejects(renderSvg({ mark: 'nonsense' } as any), Error);
  });
});

describe('compactSvg', () => {
  it('rounds geometry to 2 decimals and writes colours as hex, leaving text alone', () => {
    assert.equal(
      compactSvg('<path d="M0,277.17172000000005h3.6" fill="rgb(66, 66, 134)"/><text>0.123456</text>'),
      '<path d="M0,277.17h3.6" fill="#424286"/><text>0.123456</text>',
    );
    assert.equal(compactSvg('<g transform="translate(1e-15,2.005)"/>'), '<g transform="translate(0,2.01)"/>');
  });

  it('rejects a bad decimals count', () => {
    assert.throws(() => compactSvg('', 7), {
      name: 'RangeError',
      message: 'compactSvg requires decimals to be an integer from 0 to 6, got 7',
    });
  });
});

describe('loading the renderers', () => {
  it('loads vega, vega-lite and resvg on the first chart, not when the library is imported', () => {
    const index = path.join(__dirname, '..', '..', 'lib', 'index.js');
    const probe =
      `const lab = require(${JSON.stringify(index)});\n` +
      'const loaded = () => Object.keys(require.cache).filter((f) => /node_modules[\\\\/](vega|vega-lite|@resvg[\\\\/]resvg-js)[\\\\/]/.test(f)).length;\n' +
      'const before = loaded();\n' +
      "lab.renderSvg({ mark: 'point', data: { values: [{ a: 1 }] } })\n" +
      '  .then((svg) => lab.renderPng(svg))\n' +
      '  .then(() => process.stdout.write(JSON.stringify({ before, after: loaded() })));\n';
    const child = spawnSync(process.execPath, ['-e', probe], { encoding: 'utf8' });
    assert.equal(child.status, 0, child.stderr);
    const { before, after } = JSON.parse(child.stdout) as { before: number; after: number };
    assert.equal(before, 0);
    assert.ok(after > 0, `after the first render ${after} renderer modules are loaded`);
  });
});

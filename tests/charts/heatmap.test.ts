import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { heatmap } from '../../lib/charts/heatmap';
import { renderSvg } from '../../lib/notebook/render-svg';
import { compileWarnings, gaussianGrid } from './helpers';

const small = { xs: [-5, 0, 5], ys: [-1, 1], values: [[1, 2, 3], [4, 5, 6]] };

describe('heatmap', () => {
  it('sends one {i, j, v} row per cell and looks centres and edges up from arrays', () => {
    const spec = heatmap(small, { title: 'f' }) as any;
    assert.deepEqual(spec.data.values, [
      { i: 0, j: 0, v: 1 }, { i: 0, j: 1, v: 2 }, { i: 0, j: 2, v: 3 },
      { i: 1, j: 0, v: 4 }, { i: 1, j: 1, v: 5 }, { i: 1, j: 2, v: 6 },
    ]);
    // Border cells are half-width so that the plot covers exactly [xs[0], xs[last]]; each far edge
    // reaches a quarter into the next cell (drawn later, on top), so no seam shows on a canvas.
    assert.deepEqual(spec.transform, [
      { calculate: '[-5,0,5][datum.j]', as: 'x' },
      { calculate: '[-5,-2.5,2.5,5][datum.j]', as: 'x0' },
      { calculate: '[-1.25,3.125,5][datum.j]', as: 'x1' },
      { calculate: '[-1,1][datum.i]', as: 'y' },
      { calculate: '[-1,0,1][datum.i]', as: 'y0' },
      { calculate: '[0.25,1][datum.i]', as: 'y1' },
    ]);
    assert.equal(spec.$schema, 'https://vega.github.io/schema/vega-lite/v5.json');
    assert.equal(spec.title, 'f');
    assert.deepEqual(spec.mark, { type: 'rect', aria: false });
    assert.deepEqual(spec.encoding.x.scale, { domain: [-5, 5], nice: false, zero: false });
    assert.deepEqual(spec.encoding.color, { field: 'v', type: 'quantitative', title: 'log-likelihood', scale: { scheme: 'viridis' } });
    assert.deepEqual(spec.encoding.tooltip.map((t: any) => t.title), ['mu_x', 'mu_y', 'log-likelihood']);
  });

  it('resamples a 100x100 grid to 50x50 along evenly strided grid lines, keeping exact values', () => {
    const grid = gaussianGrid(100);
    const spec = heatmap(grid) as any;
    assert.equal(spec.data.values.length, 2500);
    const last = spec.data.values[2499];
    assert.deepEqual([last.i, last.j], [49, 49]);
    assert.equal(last.v, Number(grid.values[99][99].toPrecision(6)));
    assert.ok(spec.transform[0].calculate.startsWith('[-5,-4.79798,'));
    assert.ok(spec.transform[0].calculate.endsWith(',5][datum.j]'));
  });

  it('rounds values to 6 significant digits and leaves non-finite cells blank', () => {
    const spec = heatmap({ xs: [0, 1], ys: [0, 1], values: [[Math.PI, NaN], [-Infinity, 1 / 3]] }) as any;
    assert.deepEqual(spec.data.values, [{ i: 0, j: 0, v: 3.14159 }, { i: 1, j: 1, v: 0.333333 }]);
  });

  it('is deterministic', () => {
    assert.equal(JSON.stringify(heatmap(gaussianGrid(30))), JSON.stringify(heatmap(gaussianGrid(30))));
  });

  it('compiles without warnings and renders to SVG', async () => {
    const spec = heatmap(gaussianGrid(20));
    assert.deepEqual(compileWarnings(spec), []);
    const svg = await renderSvg(spec);
    assert.ok(svg.startsWith('<svg'));
    assert.equal((svg.match(/<path d=/g) ?? []).length >= 400, true);
  });

  it('rejects bad input with messages naming heatmap and the argument', () => {
    assert.throws(() => heatmap(null as any), { name: 'TypeError', message: 'heatmap requires grid to be an object with xs, ys and values' });
    assert.throws(() => heatmap({ xs: [0, 1], ys: [0, 1], values: [] }), { name: 'RangeError', message: 'heatmap requires values to be a non-empty grid' });
    assert.throws(() => heatmap({ xs: [0, 1], ys: [0, 1], values: [[]] }), { name: 'RangeError', message: 'heatmap requires values to be a non-empty grid' });
    assert.throws(() => heatmap({ xs: [1, 0], ys: [0, 1], values: [[1, 2], [3, 4]] }), { name: 'RangeError', message: 'heatmap requires xs to be at least 2 strictly increasing finite numbers' });
    assert.throws(() => heatmap({ xs: [0, 1], ys: [0], values: [[1, 2]] }), { name: 'RangeError', message: 'heatmap requires ys to be at least 2 strictly increasing finite numbers' });
    assert.throws(() => heatmap({ xs: [0, 1], ys: [0, 1], values: [[1, 2], [3]] }), { name: 'RangeError', message: 'heatmap requires values to have ys.length (2) rows of xs.length (2) numbers' });
    assert.throws(() => heatmap(small, { maxCellsPerSide: 1 }), { name: 'RangeError', message: 'heatmap requires maxCellsPerSide to be an integer >= 2, got 1' });
  });
});

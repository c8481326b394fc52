import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { heatmap } from '../../lib/charts/heatmap';
import { renderSvg } from '../../lib/notebook/render-svg';
import { compileWarnings, gaussianGrid } from './helpers';

const small = {
  xs: [-5, 0, 5],
  ys: [-1, 1],
  values: [
    [1, 2, 3],
    [4, 5, 6],
  ],
};

describe('heatmap', () => {
  it('sends one {i, j, v} row per cell and looks centres and edges up from arrays', () => {
    const spec = heatmap(small, { title: 'f', contours: 0 }) as any;
    assert.deepEqual(spec.data.values, [
      { i: 0, j: 0, v: 1 },
      { i: 0, j: 1, v: 2 },
      { i: 0, j: 2, v: 3 },
      { i: 1, j: 0, v: 4 },
      { i: 1, j: 1, v: 5 },
      { i: 1, j: 2, v: 6 },
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
    assert.deepEqual(spec.encoding.color, {
      field: 'v',
      type: 'quantitative',
      title: 'log-likelihood',
      scale: { scheme: 'viridis', domain: [1, 6] },
    });
    assert.deepEqual(
      spec.encoding.tooltip.map((t: any) => t.title),
      ['mu_x', 'mu_y', 'log-likelihood'],
    );
  });

  it('resamples a 100x100 grid to 50x50 along evenly strided grid lines, keeping exact values', () => {
    const grid = gaussianGrid(100);
    const spec = heatmap(grid) as any;
    const cells = spec.layer[0];
    assert.equal(cells.data.values.length, 2500);
    const last = cells.data.values[2499];
    assert.deepEqual([last.i, last.j], [49, 49]);
    assert.equal(last.v, Number(grid.values[99][99].toPrecision(6)));
    assert.ok(cells.transform[0].calculate.startsWith('[-5,-4.79798,'));
    assert.ok(cells.transform[0].calculate.endsWith(',5][datum.j]'));
  });

  it('rounds values to 6 significant digits and leaves non-finite cells blank', () => {
    const spec = heatmap(
      {
        xs: [0, 1],
        ys: [0, 1],
        values: [
          [Math.PI, NaN],
          [-Infinity, 1 / 3],
        ],
      },
      { contours: 0 },
    ) as any;
    assert.deepEqual(spec.data.values, [
      { i: 0, j: 0, v: 3.14159 },
      { i: 1, j: 1, v: 0.333333 },
    ]);
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
    assert.throws(() => heatmap(null as any), {
      name: 'TypeError',
      message: 'heatmap requires grid to be an object with xs, ys and values',
    });
    assert.throws(() => heatmap({ xs: [0, 1], ys: [0, 1], values: [] }), {
      name: 'RangeError',
      message: 'heatmap requires values to be a non-empty grid',
    });
    assert.throws(() => heatmap({ xs: [0, 1], ys: [0, 1], values: [[]] }), {
      name: 'RangeError',
      message: 'heatmap requires values to be a non-empty grid',
    });
    assert.throws(
      () =>
        heatmap({
          xs: [1, 0],
          ys: [0, 1],
          values: [
            [1, 2],
            [3, 4],
          ],
        }),
      { name: 'RangeError', message: 'heatmap requires xs to be at least 2 strictly increasing finite numbers' },
    );
    assert.throws(() => heatmap({ xs: [0, 1], ys: [0], values: [[1, 2]] }), {
      name: 'RangeError',
      message: 'heatmap requires ys to be at least 2 strictly increasing finite numbers',
    });
    assert.throws(() => heatmap({ xs: [0, 1], ys: [0, 1], values: [[1, 2], [3]] }), {
      name: 'RangeError',
      message: 'heatmap requires values to have ys.length (2) rows of xs.length (2) numbers',
    });
    assert.throws(() => heatmap(small, { maxCellsPerSide: 1 }), {
      name: 'RangeError',
      message: 'heatmap requires maxCellsPerSide to be an integer of at least 2, got 1',
    });
    assert.throws(() => heatmap(small, { maxCellsPerSide: '50' as any }), {
      name: 'TypeError',
      message: "heatmap requires maxCellsPerSide to be a number, got '50'",
    });
    assert.throws(() => heatmap(small, { contours: -1 }), {
      name: 'RangeError',
      message: 'heatmap requires contours to be a non-negative integer, got -1',
    });
  });

  it('rejects bad cells and sizes with named errors (string cells, width NaN or <= 0)', () => {
    assert.throws(
      () =>
        heatmap({
          xs: [0, 1],
          ys: [0, 1],
          values: [
            [1, 2],
            [3, '4' as any],
          ],
        }),
      { name: 'TypeError', message: "heatmap requires values[1][1] to be a number, got '4'" },
    );
    assert.throws(
      () =>
        heatmap({
          xs: [0, 1],
          ys: [0, 1],
          values: [
            [1, null as any],
            [3, 4],
          ],
        }),
      { name: 'TypeError', message: 'heatmap requires values[0][1] to be a number, got null' },
    );
    assert.throws(() => heatmap(small, { width: NaN }), {
      name: 'RangeError',
      message: 'heatmap requires width to be a positive finite number, got NaN',
    });
    assert.throws(() => heatmap(small, { height: 0 }), {
      name: 'RangeError',
      message: 'heatmap requires height to be a positive finite number, got 0',
    });
    assert.throws(() => heatmap(small, { width: -5 }), {
      name: 'RangeError',
      message: 'heatmap requires width to be a positive finite number, got -5',
    });
    assert.throws(() => heatmap(small, { width: '300' as any }), {
      name: 'TypeError',
      message: "heatmap requires width to be a number, got '300'",
    });
    assert.throws(() => heatmap(small, { title: 3 as any }), {
      name: 'TypeError',
      message: 'heatmap requires title to be a string, got 3',
    });
    assert.throws(() => heatmap(small, 'wide' as any), {
      name: 'TypeError',
      message: "heatmap requires options to be an object, got 'wide'",
    });
  });

  it('gives both axes the same pixels per unit: square for a square region, 2:1 for a 2:1 one', () => {
    const square = heatmap(gaussianGrid(10)) as any;
    assert.deepEqual([square.width, square.height], [320, 320]);
    const wide = heatmap(
      {
        xs: [0, 2, 4],
        ys: [0, 1, 2],
        values: [
          [1, 2, 3],
          [4, 5, 6],
          [7, 8, 9],
        ],
      },
      { width: 400 },
    ) as any;
    assert.deepEqual([wide.width, wide.height], [400, 200]);
    const boxed = heatmap(gaussianGrid(10), { width: 500, height: 300 }) as any;
    assert.deepEqual([boxed.width, boxed.height], [300, 300]);
    const free = heatmap(gaussianGrid(10), { width: 500, height: 300, equalScales: false }) as any;
    assert.deepEqual([free.width, free.height], [500, 300]);
  });

  it('draws contour lines of the grid as a line layer over the cells', () => {
    const spec = heatmap(gaussianGrid(40), { contours: 3 }) as any;
    assert.equal(spec.layer.length, 2);
    const contour = spec.layer[1];
    assert.equal(contour.mark.type, 'line');
    assert.equal(contour.mark.aria, false);
    assert.deepEqual(contour.encoding.order, { value: null });
    // Dark lines over the bright (upper 45 %) part of the colour scale, white lines elsewhere.
    const [low, high] = spec.layer[0].encoding.color.scale.domain;
    assert.deepEqual(contour.encoding.stroke, {
      condition: { test: `datum.level > ${Number((low + 0.55 * (high - low)).toPrecision(6))}`, value: '#333333' },
      value: '#ffffff',
    });
    const rows = (contour.data.values as string)
      .split('\n')
      .slice(1)
      .map((r) => r.split(',').map(Number));
    // On this bowl centred at (1.3, -0.7), every contour vertex lies on a circle around the centre.
    const radii = new Set(rows.map(([c]) => c));
    assert.ok(radii.size >= 3);
    for (const [c, x, y] of rows) {
      const others = rows.filter((r) => r[0] === c).map(([, a, b]) => Math.hypot(a - 1.3, b + 0.7));
      assert.ok(Math.abs(Math.hypot(x - 1.3, y + 0.7) - others[0]) < 0.02, `line ${c} is not a circle`);
    }
    assert.equal('layer' in heatmap(gaussianGrid(40), { contours: 0 }), false);
  });

  it('describes what it draws, in the spec and in the SVG label', async () => {
    const spec = heatmap(gaussianGrid(20), { valueTitle: 'L', contours: 4 }) as any;
    const expected =
      'Heatmap of the L over mu_x in [-5, 5] and mu_y in [-5, 5]; brighter is higher ' +
      '(dark purple lowest, yellow highest), values from -389300 to -28420; contour lines at 4 levels.';
    assert.equal(spec.description, expected);
    assert.match(await renderSvg(spec), new RegExp(`aria-label="${expected.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"`));
    assert.equal((heatmap(small, { description: 'mine' }) as any).description, 'mine');
  });
});

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { surfaceTraces } from '../../lib/charts/surface-traces';
import { gaussianGrid } from './helpers';

// L(mu) = -(x^2 + y^2) on a 3 x 3 grid: values[i][j] at (xs[j], ys[i]).
const grid = {
  xs: [-1, 0, 1],
  ys: [-2, 0, 2],
  values: [
    [-5, -4, -5],
    [-1, 0, -1],
    [-5, -4, -5],
  ],
};
const L = ([x, y]: number[]) => -(x * x + y * y);

describe('surfaceTraces', () => {
  it('draws the grid as one surface and each path as a 3-D line at z = L of each iterate', () => {
    const path = [
      [-1, -2],
      [-0.5, -1.000000001],
      [0, 0],
    ];
    const figure = surfaceTraces(grid, [{ name: 'GD', path, logLikelihoods: path.map(L) }]) as any;
    assert.deepEqual(figure.data, [
      {
        type: 'surface',
        name: 'L (full data)',
        x: [-1, 0, 1],
        y: [-2, 0, 2],
        z: [
          [-5, -4, -5],
          [-1, 0, -1],
          [-5, -4, -5],
        ],
        colorscale: 'Viridis',
        colorbar: { title: 'log-likelihood' },
        contours: { z: { show: true, usecolormap: true, project: { z: true } } },
        hovertemplate: 'L (full data)<br>mu_x %{x:.4g}<br>mu_y %{y:.4g}<br>log-likelihood %{z:.6g}<extra></extra>',
      },
      {
        type: 'scatter3d',
        mode: 'lines+markers',
        name: 'GD',
        x: [-1, -0.5, 0],
        y: [-2, -1, 0],
        z: [-5, -1.25, 0],
        text: ['step 0', 'step 1', 'step 2'],
        line: { color: '#d62728', width: 7 },
        marker: { color: '#d62728', size: 3 },
        hovertemplate: 'GD, %{text}<br>mu_x %{x:.4g}<br>mu_y %{y:.4g}<br>log-likelihood %{z:.6g}<extra></extra>',
      },
    ]);
    assert.deepEqual(figure.layout, {
      title: 'Log-likelihood surface',
      scene: {
        xaxis: { title: 'mu_x', range: [-1, 1] },
        yaxis: { title: 'mu_y', range: [-2, 2] },
        zaxis: { title: 'log-likelihood' },
        camera: { eye: { x: 1.25, y: -1.5, z: 1.35 } },
      },
      legend: { x: 0, y: 1 },
      height: 700,
      margin: { l: 0, r: 0, t: 50, b: 0 },
    });
  });

  it('takes fitGaussianMean-shaped results: one line per run, each in its own colour, in order', () => {
    const fit = {
      mean: [0, 0],
      path: [
        [1, 1],
        [0, 0],
      ],
      logLikelihoods: [-2, 0],
      batchLogLikelihoods: [-2],
      steps: 1,
      status: 'converged',
    };
    const figure = surfaceTraces(grid, [
      { name: 'adam', ...fit },
      { name: 'momentum', ...fit },
    ]) as any;
    assert.deepEqual(
      figure.data.map((t: any) => [t.type, t.name]),
      [
        ['surface', 'L (full data)'],
        ['scatter3d', 'adam'],
        ['scatter3d', 'momentum'],
      ],
    );
    assert.notEqual(figure.data[1].line.color, figure.data[2].line.color);
  });

  it('draws mini-batch surfaces as grey wire meshes after the main one, scaled by their factor', () => {
    const batch = {
      xs: [-1, 1],
      ys: [-2, 2],
      values: [
        [-1, -2],
        [-3, -4.5],
      ],
    };
    const figure = surfaceTraces(grid, [], {
      extraSurfaces: [
        { name: 'batch 1', grid: batch, scale: 100 },
        { name: 'batch 2', grid: batch },
      ],
    }) as any;
    assert.equal(figure.data.length, 3);
    const mesh = (start: number, end: number, color: string) => ({
      show: true,
      color,
      width: 1,
      highlight: false,
      start,
      end,
      size: (end - start) / 20,
    });
    assert.deepEqual(figure.data[1], {
      type: 'surface',
      name: 'batch 1',
      x: [-1, 1],
      y: [-2, 2],
      z: [
        [-100, -200],
        [-300, -450],
      ],
      hidesurface: true,
      showscale: false,
      contours: { x: mesh(-1, 1, '#404040'), y: mesh(-2, 2, '#404040') },
      hovertemplate: 'batch 1<br>mu_x %{x:.4g}<br>mu_y %{y:.4g}<br>log-likelihood %{z:.6g}<extra></extra>',
    });
    assert.deepEqual(figure.data[2].z, batch.values); // scale 1 by default
    assert.equal(figure.data[2].contours.x.color, '#808080');
  });

  it('leaves gaps (null) where a path leaves the grid box or is not finite, and holes where L is not', () => {
    const holed = {
      ...grid,
      values: [
        [-5, NaN, -5],
        [-1, 0, -1],
        [-5, -4, -Infinity],
      ],
    };
    const path = [
      [0, 0],
      [3, 0],
      [0, 1],
      [NaN, 0],
      [0, 0],
    ];
    const figure = surfaceTraces(holed, [{ name: 'lr 10', path, logLikelihoods: [0, -9, -1, NaN, 0] }]) as any;
    assert.deepEqual(figure.data[0].z, [
      [-5, null, -5],
      [-1, 0, -1],
      [-5, -4, null],
    ]);
    assert.deepEqual(figure.data[1].x, [0, null, 0, null, 0]);
    assert.deepEqual(figure.data[1].z, [0, null, -1, null, 0]);
    assert.deepEqual(figure.layout.scene.xaxis.range, [-1, 1]);
  });

  it('thins surfaces and paths evenly, keeping borders and the first and last step', () => {
    const big = gaussianGrid(201);
    const path = Array.from({ length: 1001 }, (_, s) => [s / 1000, -s / 1000]);
    const figure = surfaceTraces(big, [{ name: 'SGD', path, logLikelihoods: path.map(L) }], {
      maxPointsPerSide: 5,
      maxPointsPerPath: 3,
    }) as any;
    assert.deepEqual(figure.data[0].x, [-5, -2.5, 0, 2.5, 5]);
    assert.equal(figure.data[0].z.length, 5);
    assert.ok(figure.data[0].z.every((row: number[]) => row.length === 5));
    assert.deepEqual(figure.data[1].text, ['step 0', 'step 500', 'step 1000']);
    assert.deepEqual(figure.data[1].x, [0, 0.5, 1]);
  });

  it('rounds to 6 significant digits, so the figure is the same on every run and small', () => {
    const figure = surfaceTraces(grid, [{ name: 'a', path: [[0.1234567891, 0]], logLikelihoods: [-12345.678912] }]) as any;
    assert.deepEqual([figure.data[1].x[0], figure.data[1].z[0]], [0.123457, -12345.7]);
    assert.ok(JSON.stringify(surfaceTraces(gaussianGrid(100), [])).length < 120000);
  });

  it('uses the titles it is given', () => {
    const figure = surfaceTraces(grid, [], {
      title: 'Adam on L',
      surfaceName: 'L',
      xTitle: 'x1',
      yTitle: 'x2',
      zTitle: 'L(mu)',
      height: 500,
    }) as any;
    assert.equal(figure.layout.title, 'Adam on L');
    assert.equal(figure.layout.height, 500);
    assert.deepEqual(
      [figure.layout.scene.xaxis.title, figure.layout.scene.yaxis.title, figure.layout.scene.zaxis.title],
      ['x1', 'x2', 'L(mu)'],
    );
    assert.equal(figure.data[0].colorbar.title, 'L(mu)');
    assert.ok(figure.data[0].hovertemplate.startsWith('L<br>x1 %{x:.4g}'));
  });

  it('rejects bad input with exact messages', () => {
    const ok = [{ name: 'a', path: [[0, 0]], logLikelihoods: [0] }];
    const fn = surfaceTraces as any;
    assert.throws(() => fn(null, ok), {
      name: 'TypeError',
      message: 'surfaceTraces requires grid to be an object with xs, ys and values',
    });
    assert.throws(() => fn({ ...grid, xs: [0, 0, 1] }, ok), {
      name: 'RangeError',
      message: 'surfaceTraces requires grid.xs to be at least 2 strictly increasing finite numbers',
    });
    assert.throws(() => fn({ ...grid, ys: [1] }, ok), {
      name: 'RangeError',
      message: 'surfaceTraces requires grid.ys to be at least 2 strictly increasing finite numbers',
    });
    assert.throws(() => fn({ ...grid, values: [[0, 0, 0]] }, ok), {
      name: 'RangeError',
      message: 'surfaceTraces requires grid.values to be ys.length (3) rows of xs.length (3) numbers',
    });
    assert.throws(() => fn(grid, {}), { name: 'TypeError', message: 'surfaceTraces requires paths to be an array, got object' });
    assert.throws(() => fn(grid, [{ name: '', path: [[0, 0]], logLikelihoods: [0] }]), {
      name: 'TypeError',
      message: 'surfaceTraces requires paths[0].name to be a non-empty string',
    });
    assert.throws(() => fn(grid, [{ name: 'a', path: [], logLikelihoods: [] }]), {
      name: 'RangeError',
      message: 'surfaceTraces requires paths[0].path to be a non-empty array',
    });
    assert.throws(() => fn(grid, [{ name: 'a', path: [[0, 0]] }]), {
      name: 'TypeError',
      message: 'surfaceTraces requires paths[0].logLikelihoods to be an array, got undefined',
    });
    assert.throws(
      () =>
        fn(grid, [
          {
            name: 'a',
            path: [
              [0, 0],
              [1, 1],
            ],
            logLikelihoods: [0],
          },
        ]),
      {
        name: 'RangeError',
        message: 'surfaceTraces requires paths[0].logLikelihoods to have one value per point of paths[0].path (2), got 1',
      },
    );
    assert.throws(() => fn(grid, [{ name: 'a', path: [[0, 0, 0]], logLikelihoods: [0] }]), {
      name: 'TypeError',
      message: 'surfaceTraces requires paths[0].path[0] to be an [x, y] pair of numbers',
    });
    assert.throws(() => fn(grid, ok, { heigth: 500 }), {
      name: 'RangeError',
      message:
        /^surfaceTraces requires options to have only the keys 'title', .*'height', got 'heigth' \(did you mean 'height'\?\)$/,
    });
    assert.throws(() => fn(grid, ok, { maxPointsPerSide: 1 }), {
      name: 'RangeError',
      message: 'surfaceTraces requires maxPointsPerSide to be an integer of at least 2, got 1',
    });
    assert.throws(() => fn(grid, ok, { height: 50 }), {
      name: 'RangeError',
      message: 'surfaceTraces requires height to be an integer of at least 100, got 50',
    });
    assert.throws(() => fn(grid, ok, { maxPointsPerPath: 2.5 }), {
      name: 'RangeError',
      message: 'surfaceTraces requires maxPointsPerPath to be an integer of at least 2, got 2.5',
    });
    assert.throws(() => fn(grid, ok, { extraSurfaces: {} }), {
      name: 'TypeError',
      message: 'surfaceTraces requires extraSurfaces to be an array, got object',
    });
    assert.throws(() => fn(grid, ok, { extraSurfaces: [{ name: 'b', grid: { xs: [0, 1], ys: [0, 1], values: [[0, 0]] } }] }), {
      name: 'RangeError',
      message: 'surfaceTraces requires extraSurfaces[0].grid.values to be ys.length (2) rows of xs.length (2) numbers',
    });
    assert.throws(() => fn(grid, ok, { extraSurfaces: [{ name: 'b', grid, scale: 0 }] }), {
      name: 'RangeError',
      message: 'surfaceTraces requires extraSurfaces[0].scale to be a positive finite number, got 0',
    });
    assert.throws(() => fn(grid, ok, { extraSurfaces: [{ name: 'b', grid, scale: '2' }] }), {
      name: 'TypeError',
      message: "surfaceTraces requires extraSurfaces[0].scale to be a number, got '2'",
    });
    assert.throws(() => fn(grid, ok, { maxPointsPerSide: '5' }), {
      name: 'TypeError',
      message: "surfaceTraces requires maxPointsPerSide to be a number, got '5'",
    });
  });
});

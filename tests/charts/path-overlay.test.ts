import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { pathOverlay } from '../../lib/charts/path-overlay';
import { renderSvg } from '../../lib/notebook/render-svg';
import { renderPng } from '../../lib/notebook/render-png';
import { compileWarnings, spiralPaths } from './helpers';

describe('pathOverlay', () => {
  it('sends one {run, step, x, y} row per step and fixes the scales to the domain', () => {
    const spec = pathOverlay([
      {
        name: 'GD',
        points: [
          [-4, 4],
          [-2, 2.000000001],
          [0, 0],
        ],
      },
    ]) as any;
    assert.deepEqual(spec.data.values, [
      { run: 'GD', piece: 0, step: 0, x: -4, y: 4 },
      { run: 'GD', piece: 0, step: 1, x: -2, y: 2 },
      { run: 'GD', piece: 0, step: 2, x: 0, y: 0 },
    ]);
    // A white halo, the line, then the dots.
    assert.deepEqual(spec.layer[0].mark, { type: 'line', aria: false, clip: true, opacity: 0.7, strokeWidth: 4 });
    assert.deepEqual(spec.layer[0].encoding.stroke, { value: '#ffffff' });
    assert.deepEqual(spec.layer[1].mark, { type: 'line', aria: false, clip: true, strokeWidth: 2 });
    assert.equal(spec.layer[2].mark.clip, true);
    assert.deepEqual(spec.layer[1].encoding.x.scale, { domain: [-5, 5], nice: false, zero: false });
    assert.deepEqual(spec.layer[1].encoding.color, {
      field: 'run',
      type: 'nominal',
      title: 'run',
      scale: { domain: ['GD'], range: ['#000000'] },
      legend: { symbolType: 'stroke', symbolStrokeWidth: 2.5, symbolSize: 400, symbolOpacity: 1 },
    });
    assert.deepEqual(spec.layer[1].encoding.strokeDash.scale, { domain: ['GD'], range: [[1, 0]] });
    assert.deepEqual(
      spec.layer[2].encoding.tooltip.map((t: any) => t.title),
      ['run', 'step', 'mu_x', 'mu_y'],
    );
    assert.deepEqual([spec.width, spec.height], [320, 320]);
  });

  it('drops non-finite steps of a diverged run and cuts a far-away step at the domain edge', () => {
    const spec = pathOverlay([
      {
        name: 'lr 10',
        points: [
          [1, 1],
          [-50, 80],
          [NaN, Infinity],
        ],
      },
    ]) as any;
    // (1, 1) -> (-50, 80) leaves the square through y = 5 at t = 4/79: the line ends there, no dot.
    assert.deepEqual(spec.data.values, [
      { run: 'lr 10', piece: 0, step: 0, x: 1, y: 1 },
      { run: 'lr 10', piece: 0, step: 0.0506329, x: -1.58228, y: 5, edge: true },
    ]);
    assert.deepEqual(spec.layer[1].encoding.y.scale.domain, [-5, 5]);
    assert.deepEqual(spec.layer[2].transform, [{ filter: '!datum.edge' }]);
  });

  it('renders a diverging zig-zag far outside its domain to PNG (resvg aborted on clipped far lines)', async () => {
    const spec = pathOverlay(
      [
        {
          name: 'x',
          points: [
            [40, -30],
            [-72, 54],
            [129.6, -97.2],
            [-233.3, 175],
          ],
        },
      ],
      { domain: { x: [-48, 48], y: [-48, 48] } },
    ) as any;
    const pieces = new Set(spec.data.values.map((r: any) => r.piece));
    assert.equal(pieces.size, 3, 'each crossing of the square is its own piece');
    const png = await renderPng(await renderSvg(spec));
    assert.ok(png.length > 1000);
  });

  it('colours each optimizer with its own palette colour and dash (momentum and nesterov apart)', () => {
    const names = ['gradient-ascent', 'momentum', 'nesterov', 'adagrad', 'adadelta', 'rmsprop', 'adam', 'adamax'];
    const spec = pathOverlay(
      names.map((name) => ({
        name,
        points: [
          [0, 0],
          [1, 1],
        ],
      })),
    ) as any;
    const { range } = spec.layer[1].encoding.color.scale;
    assert.equal(new Set(range).size, 8);
    assert.deepEqual(range, ['#000000', '#E69F00', '#0072B2', '#009E73', '#F0E442', '#D55E00', '#CC79A7', '#56B4E9']);
    const dashes = spec.layer[1].encoding.strokeDash.scale.range;
    assert.notDeepEqual(dashes[1], dashes[2]);
    // The yellow line (adadelta) gets a dark halo, every other line a white one.
    assert.deepEqual(spec.layer[0].encoding.stroke, {
      condition: { test: 'indexof(["adadelta"], datum.run) >= 0', value: '#333333' },
      value: '#ffffff',
    });
  });

  it('draws highlighted runs last and thicker, so the starter run is never hidden', () => {
    const spec = pathOverlay(
      [
        {
          name: 'starter code',
          points: [
            [0, 0],
            [1, 1],
          ],
        },
        {
          name: 'adam',
          points: [
            [0, 0],
            [1, 1],
          ],
        },
      ],
      { highlight: ['starter code'] },
    ) as any;
    assert.equal(spec.layer.length, 6);
    assert.deepEqual(spec.layer[1].transform, [{ filter: '!(indexof(["starter code"], datum.run) >= 0)' }]);
    assert.deepEqual(spec.layer[4].transform, [{ filter: 'indexof(["starter code"], datum.run) >= 0' }]);
    assert.equal(spec.layer[4].mark.strokeWidth, 3.5);
    assert.ok(spec.layer[5].mark.size > spec.layer[2].mark.size);
    assert.match(spec.description, /drawn on top, thicker: starter code\.$/);
    assert.throws(() => pathOverlay([{ name: 'a', points: [[0, 0]] }], { highlight: ['b'] }), {
      name: 'RangeError',
      message: "pathOverlay requires highlight[0] to be one of the run names (a), got 'b'",
    });
  });

  it('gives both axes the same pixels per unit over the domain', () => {
    const spec = pathOverlay([{ name: 'a', points: [[0, 0]] }], { domain: { x: [0, 10], y: [0, 5] }, width: 300 }) as any;
    assert.deepEqual([spec.width, spec.height], [300, 150]);
  });

  it('describes the runs in words, in the spec and the SVG', async () => {
    const spec = pathOverlay([
      {
        name: 'adam',
        points: [
          [-4, 4],
          [-2, 2],
          [1.3, -0.7],
        ],
      },
    ]) as any;
    const expected =
      'Paths of 1 optimizer run over mu_x in [-5, 5] and mu_y in [-5, 5], a line and a dot per step, ' +
      'one colour per run (adam: 2 steps from (-4, 4) to (1.3, -0.7)).';
    assert.equal(spec.description, expected);
    assert.ok((await renderSvg(spec)).includes(`aria-label="${expected}"`));
  });

  it('thins long runs to maxPointsPerPath, keeping first and last steps', () => {
    const spec = pathOverlay(spiralPaths(1000), { maxPointsPerPath: 5 }) as any;
    assert.deepEqual(
      spec.data.values.filter((r: any) => r.run === 'SGD').map((r: any) => r.step),
      [0, 250, 500, 749, 999],
    );
  });

  it('compiles without warnings and renders to SVG', async () => {
    const spec = pathOverlay(spiralPaths(50), { domain: { x: [-6, 6], y: [-6, 6] } });
    assert.deepEqual(compileWarnings(spec), []);
    assert.ok((await renderSvg(spec)).startsWith('<svg'));
  });

  it('rejects bad input with exact messages', () => {
    assert.throws(() => pathOverlay([]), { name: 'RangeError', message: 'pathOverlay requires paths to be a non-empty array' });
    assert.throws(() => pathOverlay({} as any), {
      name: 'TypeError',
      message: 'pathOverlay requires paths to be an array, got object',
    });
    assert.throws(() => pathOverlay([{ name: '', points: [[0, 0]] }]), {
      name: 'TypeError',
      message: 'pathOverlay requires paths[0].name to be a non-empty string',
    });
    assert.throws(() => pathOverlay([{ name: 'a', points: [] }]), {
      name: 'RangeError',
      message: 'pathOverlay requires paths[0].points to be a non-empty array',
    });
    assert.throws(() => pathOverlay([{ name: 'a', points: [[0, 0, 0]] }]), {
      name: 'TypeError',
      message: 'pathOverlay requires paths[0].points[0] to be an [x, y] pair of numbers',
    });
    assert.throws(() => pathOverlay([{ name: 'a', points: [[0, 0]] }], { domain: { x: [1, -1], y: [0, 1] } }), {
      name: 'RangeError',
      message: 'pathOverlay requires domain.x to be [low, high] with low < high, got [1, -1]',
    });
    assert.throws(() => pathOverlay([{ name: 'a', points: [[0, 0]] }], { domain: { x: ['0', 1] as any, y: [0, 1] } }), {
      name: 'TypeError',
      message: 'pathOverlay requires domain.x to be a [low, high] pair of numbers, got an array of length 2',
    });
    assert.throws(() => pathOverlay([{ name: 'a', points: [[0, 0]] }], { height: -1 }), {
      name: 'RangeError',
      message: 'pathOverlay requires height to be a positive finite number, got -1',
    });
    assert.throws(() => pathOverlay([{ name: 'a', points: [[0, 0]] }], { maxPointsPerPath: Infinity }), {
      name: 'RangeError',
      message: 'pathOverlay requires maxPointsPerPath to be an integer of at least 2, got Infinity',
    });
  });
});

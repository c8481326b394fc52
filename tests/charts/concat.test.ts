import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { concat } from '../../lib/charts/concat';
import { heatmap } from '../../lib/charts/heatmap';
import { layer } from '../../lib/charts/layer';
import { pathOverlay } from '../../lib/charts/path-overlay';
import { lossCurve } from '../../lib/charts/loss-curve';
import { coordinateTraces } from '../../lib/charts/coordinate-traces';
import { learningRateSelector } from '../../lib/charts/learning-rate-selector';
import { renderSvg } from '../../lib/notebook/render-svg';
import { compileWarnings, gaussianGrid, spiralPaths } from './helpers';

const half = (grid: ReturnType<typeof gaussianGrid>) => ({ ...grid, values: grid.values.map((row) => row.map((v) => v / 2)) });

describe('concat', () => {
  it('puts panels side by side, schema and config on top, titles kept as sub-titles', () => {
    const spec = concat(
      [heatmap(gaussianGrid(10), { title: 'k = 10' }), lossCurve([{ name: 'adam', values: [1, 2] }], { title: 'L' })],
      { title: 'Two findings' },
    ) as any;
    assert.equal(spec.$schema, 'https://vega.github.io/schema/vega-lite/v5.json');
    assert.equal(spec.title, 'Two findings');
    assert.ok('config' in spec);
    const panels = spec.vconcat[0].hconcat;
    assert.equal(panels.length, 2);
    assert.deepEqual(
      panels.map((p: any) => p.title),
      ['k = 10', 'L'],
    );
    for (const panel of panels) assert.equal('$schema' in panel || 'config' in panel, false);
    assert.deepEqual(compileWarnings(spec), []);
  });

  it('wraps into rows with columns and moves menu params to the top', () => {
    const spec = concat(
      [
        lossCurve([{ name: 'a', values: [1, 2] }]),
        coordinateTraces(spiralPaths(5)),
        learningRateSelector([{ learningRate: 0.1, values: [1, 2] }]),
      ],
      { columns: 2 },
    ) as any;
    assert.equal(spec.vconcat[0].columns, 2);
    assert.equal(spec.vconcat[0].concat.length, 3);
    assert.equal(spec.params[0].name, 'learningRate');
    assert.equal('params' in spec.vconcat[0].concat[2], false);
    assert.deepEqual(compileWarnings(spec), []);
  });

  it('shares one colour domain between heatmaps on request, with one legend', () => {
    const a = heatmap(gaussianGrid(10)) as any;
    const b = heatmap(half(gaussianGrid(10))) as any;
    const low = Math.min(a.layer[0].encoding.color.scale.domain[0], b.layer[0].encoding.color.scale.domain[0]);
    const high = Math.max(a.layer[0].encoding.color.scale.domain[1], b.layer[0].encoding.color.scale.domain[1]);
    const shared = concat([a, layer(b, pathOverlay(spiralPaths(5)))], { resolveColor: 'shared' }) as any;
    const [pa, pb] = shared.vconcat[0].hconcat;
    assert.deepEqual(pa.layer[0].encoding.color.scale.domain, [low, high]);
    assert.deepEqual(pb.layer[0].layer[0].encoding.color.scale.domain, [low, high]);
    assert.equal(pa.layer[0].encoding.color.legend, null);
    assert.equal('legend' in pb.layer[0].layer[0].encoding.color, false);
    // The caller's specs are not changed.
    assert.notDeepEqual(a.layer[0].encoding.color.scale.domain, [low, high]);
    assert.deepEqual(compileWarnings(shared), []);
    const independent = concat([a, b]) as any;
    assert.notDeepEqual(independent.vconcat[0].hconcat[1].layer[0].encoding.color.scale.domain, [low, high]);
  });

  it('describes the figure and each panel, and the SVG carries both', async () => {
    const spec = concat([
      lossCurve([{ name: 'a', values: [1, 2] }], { description: 'Left.' }),
      lossCurve([{ name: 'b', values: [1, 2] }], { description: 'Right.' }),
    ]) as any;
    assert.equal(spec.description, '2 charts side by side: (1) Left. (2) Right.');
    const svg = await renderSvg(spec);
    for (const text of ['2 charts side by side: (1) Left. (2) Right.', 'Left.', 'Right.'])
      assert.ok(svg.includes(`aria-label="${text}"`), text);
    assert.equal(
      (concat([lossCurve([{ name: 'a', values: [1] }])], { description: 'Mine.' }) as any).vconcat[0].description,
      'Mine.',
    );
  });

  it('rejects bad input with exact messages', () => {
    assert.throws(() => concat([]), { name: 'RangeError', message: 'concat requires specs to be a non-empty array' });
    assert.throws(() => concat('x' as any), { name: 'TypeError', message: "concat requires specs to be an array, got 'x'" });
    assert.throws(() => concat([null as any]), {
      name: 'TypeError',
      message: 'concat requires specs[0] to be a Vega-Lite spec object',
    });
    const one = [lossCurve([{ name: 'a', values: [1] }])];
    assert.throws(() => concat(one, { columns: 0 }), {
      name: 'RangeError',
      message: 'concat requires columns to be a positive integer, got 0',
    });
    assert.throws(() => concat(one, { resolveColor: 'same' as any }), {
      name: 'RangeError',
      message: "concat requires resolveColor to be 'shared' or 'independent', got 'same'",
    });
    assert.throws(() => concat(one, { spacing: -1 }), {
      name: 'RangeError',
      message: 'concat requires spacing to be a non-negative finite number, got -1',
    });
  });
});

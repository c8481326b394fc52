import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { coordinateTraces } from '../../lib/charts/coordinate-traces';
import { renderSvg } from '../../lib/notebook/render-svg';
import { compileWarnings, spiralPaths } from './helpers';

describe('coordinateTraces', () => {
  it('stacks one panel per coordinate with a dashed rule at the reference value', () => {
    const spec = coordinateTraces(
      [
        {
          name: 'Adam',
          points: [
            [0, 0],
            [0.5, 0.4],
          ],
        },
      ],
      { reference: [1, -1] },
    ) as any;
    assert.deepEqual(spec.data.values, [
      { run: 'Adam', step: 0, coordinate: 'mu_x', value: 0 },
      { run: 'Adam', step: 0, coordinate: 'mu_y', value: 0 },
      { run: 'Adam', step: 1, coordinate: 'mu_x', value: 0.5 },
      { run: 'Adam', step: 1, coordinate: 'mu_y', value: 0.4 },
    ]);
    // One described inner view holds the panels (its description reaches the SVG as aria-label).
    const panels = spec.vconcat[0].vconcat;
    assert.equal(panels.length, 2);
    assert.deepEqual(panels[1].layer[0].transform, [{ filter: { field: 'coordinate', equal: 'mu_y' } }]);
    assert.deepEqual(panels[1].layer[1].data, { values: [{ reference: -1 }] });
    assert.equal(panels[1].layer[1].mark.type, 'rule');
    assert.equal(
      spec.description,
      '2 panels stacked vertically, one per coordinate (mu_x, mu_y), each showing the coordinate ' +
        'against the step for 1 run (Adam), one colour per run; dashed rules at the reference (1, -1).',
    );
    assert.equal(spec.vconcat[0].description, spec.description);
    assert.deepEqual(panels[0].layer[0].encoding.color.scale, { domain: ['Adam'], range: ['#CC79A7'] });
  });

  it('carries its description into the rendered SVG', async () => {
    const spec = coordinateTraces(spiralPaths(10), { description: 'Both coordinates settle at the MLE.' });
    assert.ok((await renderSvg(spec)).includes('aria-label="Both coordinates settle at the MLE."'));
  });

  it('compiles without warnings and renders to SVG', async () => {
    const spec = coordinateTraces(spiralPaths(100), { reference: [1.3, -0.7], title: 'coordinates per step' });
    assert.deepEqual(compileWarnings(spec), []);
    assert.ok((await renderSvg(spec)).startsWith('<svg'));
  });

  it('rejects bad input with exact messages', () => {
    assert.throws(() => coordinateTraces([]), {
      name: 'RangeError',
      message: 'coordinateTraces requires runs to be a non-empty array',
    });
    assert.throws(() => coordinateTraces([{ name: 'a', points: [[1]] }]), {
      name: 'TypeError',
      message: 'coordinateTraces requires runs[0].points[0] to be 2 numbers',
    });
    assert.throws(() => coordinateTraces([{ name: 'a', points: [[1, 2]] }], { reference: [1] }), {
      name: 'RangeError',
      message: 'coordinateTraces requires reference to be 2 finite numbers, one per coordinate',
    });
    assert.throws(() => coordinateTraces([{ name: 'a', points: [[1, 2]] }], { width: 0 }), {
      name: 'RangeError',
      message: 'coordinateTraces requires width to be a positive finite number, got 0',
    });
    assert.throws(() => coordinateTraces([{ name: 'a', points: [[1, 2]] }], { height: NaN }), {
      name: 'RangeError',
      message: 'coordinateTraces requires height to be a positive finite number, got NaN',
    });
  });
});

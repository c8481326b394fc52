import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { stepsToTolerance } from '../../lib/charts/steps-to-tolerance';
import { renderSvg } from '../../lib/notebook/render-svg';
import { compileWarnings } from './helpers';

const sweep = [
  {
    name: 'gradient-ascent',
    points: [
      { learningRate: 0.1, steps: null },
      { learningRate: 0.01, steps: 300 },
      { learningRate: 0.001, steps: 3000 },
    ],
  },
  {
    name: 'adam',
    points: [
      { learningRate: 0.001, steps: 4000 },
      { learningRate: 0.01, steps: 500 },
      { learningRate: 0.1, steps: 60 },
    ],
  },
];

describe('stepsToTolerance', () => {
  it('sends one row per run, sorted by rate, non-converged runs at the top line', () => {
    const spec = stepsToTolerance(sweep, { maxSteps: 5000 }) as any;
    assert.deepEqual(spec.data.values.slice(0, 3), [
      { series: 'gradient-ascent', learningRate: 0.001, steps: 3000, y: 3000, top: null, piece: 1 },
      { series: 'gradient-ascent', learningRate: 0.01, steps: 300, y: 300, top: null, piece: 1 },
      { series: 'gradient-ascent', learningRate: 0.1, steps: null, y: null, top: 5000, piece: 2 },
    ]);
    // Lines join only converged runs, one piece between failures.
    assert.deepEqual(spec.layer[0].transform, [{ filter: 'datum.y != null' }]);
    assert.deepEqual(spec.layer[0].encoding.detail, { field: 'piece', type: 'nominal' });
    assert.deepEqual(spec.layer[0].encoding.x.scale, { type: 'log' });
    assert.deepEqual(spec.layer[0].encoding.y.scale, { type: 'log', domain: [40, 8000], nice: false });
    assert.deepEqual(spec.layer[0].encoding.color.scale.range, ['#000000', '#CC79A7']);
    assert.deepEqual(spec.layer[3].data.values, [{ label: 'did not converge (5000 max steps)' }]);
    assert.equal(spec.layer[4].mark.shape, 'cross');
    assert.deepEqual(compileWarnings(spec), []);
  });

  it("describes each optimizer's best rate and the runs that did not converge", async () => {
    const spec = stepsToTolerance(sweep) as any;
    const expected =
      'Steps to tolerance against the learning rate (log-scale x and y) for 2 optimizers, one colour per optimizer ' +
      '(gradient-ascent: fewest 300 steps at 0.01, converged at 2 of 3 rates; adam: fewest 60 steps at 0.1, converged at 3 of 3 rates); ' +
      '1 run that did not converge drawn as crosses on the dashed line at the top.';
    assert.equal(spec.description, expected);
    // Without maxSteps, the top line sits at twice the largest count.
    assert.equal(spec.data.values[2].top, 8000);
    assert.ok((await renderSvg(spec)).includes(`aria-label="${expected}"`));
  });

  it('draws a count of 0 at 1 on a log axis and at 0 on a linear one', () => {
    const zero = [{ name: 'adam', points: [{ learningRate: 1, steps: 0 }] }];
    assert.equal((stepsToTolerance(zero) as any).data.values[0].y, 1);
    assert.equal((stepsToTolerance(zero, { logScale: false }) as any).data.values[0].y, 0);
  });

  it('rejects bad input with exact messages', () => {
    assert.throws(() => stepsToTolerance([]), {
      name: 'RangeError',
      message: 'stepsToTolerance requires series to be a non-empty array',
    });
    assert.throws(() => stepsToTolerance([{ name: 'a', points: [{ learningRate: 0, steps: 1 }] }]), {
      name: 'RangeError',
      message: 'stepsToTolerance requires series[0].points[0].learningRate to be a positive finite number, got 0',
    });
    assert.throws(() => stepsToTolerance([{ name: 'a', points: [{ learningRate: '0.1' as any, steps: 1 }] }]), {
      name: 'TypeError',
      message: "stepsToTolerance requires series[0].points[0].learningRate to be a number, got '0.1'",
    });
    assert.throws(() => stepsToTolerance([{ name: 'a', points: [{ learningRate: 0.1, steps: 2.5 }] }]), {
      name: 'RangeError',
      message: 'stepsToTolerance requires series[0].points[0].steps to be a non-negative integer or null, got 2.5',
    });
    assert.throws(() => stepsToTolerance([{ name: 'a', points: [{ learningRate: 0.1, steps: '3' as any }] }]), {
      name: 'TypeError',
      message: 'stepsToTolerance requires series[0].points[0].steps to be a number or null, got string',
    });
    assert.throws(() => stepsToTolerance(sweep, { maxSteps: 1000 }), {
      name: 'RangeError',
      message: 'stepsToTolerance requires maxSteps to be at least the largest converged count (4000), got 1000',
    });
    assert.throws(() => stepsToTolerance(sweep, { width: 0 }), {
      name: 'RangeError',
      message: 'stepsToTolerance requires width to be a positive finite number, got 0',
    });
  });
});

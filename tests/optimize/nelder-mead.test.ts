import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { nelderMeadMaximize } from '../../lib/optimize/nelder-mead';

describe('nelderMeadMaximize', () => {
  it('finds the peak of a concave quadratic to 1e-9', () => {
    const r = nelderMeadMaximize(([x, y]) => -((x - 1) ** 2) - 3 * (y + 2) ** 2, [0, 0]);
    assert.equal(r.converged, true);
    assert.ok(Math.abs(r.argmax[0] - 1) < 1e-9 && Math.abs(r.argmax[1] + 2) < 1e-9, String(r.argmax));
  });

  it('maximises the Rosenbrock valley (negated) from the classic start (-1.2, 1)', () => {
    const r = nelderMeadMaximize(([x, y]) => -(100 * (y - x * x) ** 2 + (1 - x) ** 2), [-1.2, 1]);
    assert.ok(Math.abs(r.argmax[0] - 1) < 1e-7 && Math.abs(r.argmax[1] - 1) < 1e-7, String(r.argmax));
  });

  it('steps back from points where f is -Infinity or NaN (outside the domain)', () => {
    // log x - x peaks at x = 1; the initial step reaches x < 0 where f is NaN.
    const r = nelderMeadMaximize(([x]) => Math.log(x) - x, [0.5], { initialStep: 2 });
    assert.ok(Math.abs(r.argmax[0] - 1) < 1e-9, String(r.argmax));
  });

  it('reports converged false when maxIterations runs out', () => {
    const r = nelderMeadMaximize(([x]) => -((x - 100) ** 2), [0], { maxIterations: 3 });
    assert.equal(r.converged, false);
    assert.equal(r.iterations, 3);
  });

  it('rejects bad input with messages naming the function and argument', () => {
    assert.throws(() => nelderMeadMaximize(1 as unknown as () => number, [0]), {
      name: 'TypeError',
      message: 'nelderMeadMaximize requires f to be a function, got 1',
    });
    assert.throws(() => nelderMeadMaximize(() => 0, []), {
      name: 'RangeError',
      message: 'nelderMeadMaximize requires at least one data point',
    });
    assert.throws(() => nelderMeadMaximize(() => 0, [0], { tolerance: 0 }), { name: 'RangeError' });
  });
});

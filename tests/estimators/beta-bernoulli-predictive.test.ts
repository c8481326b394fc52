import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { betaBernoulliPredictive } from '../../lib/estimators/beta-bernoulli-predictive';
import { betaBernoulliPosterior, BetaParameters } from '../../lib/estimators/beta-bernoulli';

const D = [0, 0, 1, 1, 0, 0, 1];

describe('betaBernoulliPredictive', () => {
  it('gives P(two tails | D) = E[(1 - theta)^2] = (5/9)(6/10) = 1/3 under the uniform prior', () => {
    // Posterior Beta(4, 5): E[(1 - theta)^2] = b (b + 1) / ((a + b)(a + b + 1)) = 5 * 6 / (9 * 10).
    assert.equal(betaBernoulliPredictive(D, [0, 0]), 1 / 3);
  });

  it('differs from the plug-in (1 - theta)^2 at the MLE, (4/7)^2 = 0.3265', () => {
    const plugIn = (4 / 7) ** 2;
    assert.ok(betaBernoulliPredictive(D, [0, 0]) - plugIn > 0.006);
  });

  it('equals the posterior mean for one head, 4/9, as betaBernoulliPosterior says', () => {
    assert.equal(betaBernoulliPredictive(D, [1]), betaBernoulliPosterior(D).predictiveHead);
  });

  it('depends on the counts of the future flips, not their order', () => {
    // Beta(4, 5): head then tail = (4/9)(5/10); tail then head = (5/9)(4/10); both 2/9.
    assert.ok(Math.abs(betaBernoulliPredictive(D, [1, 0]) - 2 / 9) <= 1e-16);
    assert.ok(Math.abs(betaBernoulliPredictive(D, [0, 1]) - 2 / 9) <= 1e-16);
  });

  it('sums to 1 over the four outcomes of two flips, for any prior', () => {
    const prior = { alpha: 0.5, beta: 2.5 };
    const outcomes = [
      [0, 0],
      [0, 1],
      [1, 0],
      [1, 1],
    ];
    const total = outcomes.reduce((sum, future) => sum + betaBernoulliPredictive([1, 0, 1], future, prior), 0);
    assert.ok(Math.abs(total - 1) <= 1e-15, `total ${total}`);
  });

  it('returns 1 for nothing to predict and uses the prior alone without data', () => {
    assert.equal(betaBernoulliPredictive(D, []), 1);
    // Beta(2, 6) prior, no data: P(head) = 2/8.
    assert.equal(betaBernoulliPredictive([], [1], { alpha: 2, beta: 6 }), 0.25);
  });

  it('stays finite and accurate for a long sequence (log-space products)', () => {
    // Uniform prior, no data, m tails in a row: prod_{i<m} (1 + i)/(2 + i) = 1/(m + 1).
    const m = 400; // 400! overflows float64, so the direct products are not finite
    const p = betaBernoulliPredictive([], new Array<number>(m).fill(0));
    assert.ok(Math.abs(p * (m + 1) - 1) <= 1e-12, `p = ${p}`);
  });

  it('rejects bad input with messages naming the function and argument', () => {
    const fn = 'betaBernoulliPredictive';
    assert.throws(() => betaBernoulliPredictive([1, 2], [0]), {
      name: 'RangeError',
      message: `${fn} requires flips[1] to be 0 or 1, got 2`,
    });
    assert.throws(() => betaBernoulliPredictive(D, [0, 0.5]), {
      name: 'RangeError',
      message: `${fn} requires future[1] to be 0 or 1, got 0.5`,
    });
    assert.throws(() => betaBernoulliPredictive(D, ['0' as unknown as number]), {
      name: 'TypeError',
      message: `${fn} requires future[0] to be a number, got '0'`,
    });
    assert.throws(() => betaBernoulliPredictive(D, 0 as unknown as number[]), {
      name: 'TypeError',
      message: `${fn} requires future to be an array of 0s and 1s, got 0`,
    });
    assert.throws(() => betaBernoulliPredictive(D, [0], { alpha: -1, beta: 1 }), {
      name: 'RangeError',
      message: `${fn} requires prior.alpha to be positive, got -1`,
    });
    assert.throws(() => betaBernoulliPredictive(D, [0], null as unknown as BetaParameters), {
      name: 'TypeError',
      message: `${fn} requires prior to be an object, got null`,
    });
  });
});

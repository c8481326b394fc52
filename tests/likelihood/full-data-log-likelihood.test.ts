import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readRows } from '../../lib/data/dense-rows';
import { fullDataLogLikelihood } from '../../lib/likelihood/full-data-log-likelihood';
import { gaussianLogLikelihood } from '../../lib/likelihood/gaussian-log-likelihood';
import { spdInverse } from '../../lib/linalg/spd-inverse';
import { sampleMultivariateNormal } from '../../lib/random/sample-multivariate-normal';

describe('fullDataLogLikelihood', () => {
  it('gives -1 at mu = (2, 1) for the rows (1, 1), (3, 1) under I, worked by hand', () => {
    // Each row is 1 away from mu in x: -1/2 (1 + 1) = -1.
    const full = fullDataLogLikelihood(
      readRows('test', 'rows', [
        [1, 1],
        [3, 1],
      ]),
      [
        [1, 0],
        [0, 1],
      ],
    );
    assert.deepEqual(full.sampleMean, [2, 1]);
    assert.equal(full.at([2, 1]), -1);
  });

  it('agrees with the direct sum of gaussianLogLikelihood to 1e-12 relative', () => {
    const covariance = [
      [2, 0.5],
      [0.5, 1],
    ];
    const rows = sampleMultivariateNormal(500, [1, -1], covariance, { seed: 1 });
    const full = fullDataLogLikelihood(readRows('test', 'rows', rows), spdInverse(covariance));
    for (const mu of [
      [0, 0],
      [1, -1],
      [-3, 4],
    ]) {
      const direct = gaussianLogLikelihood(rows, mu, covariance);
      assert.ok(Math.abs(full.at(mu) - direct) <= 1e-12 * Math.abs(direct), `${full.at(mu)} vs ${direct}`);
    }
  });
});

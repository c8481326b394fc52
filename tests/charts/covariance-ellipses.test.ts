import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { covarianceEllipses } from '../../lib/charts/covariance-ellipses';
import { renderSvg } from '../../lib/notebook/render-svg';
import { compileWarnings } from './helpers';

describe('covarianceEllipses', () => {
  it('outlines mean + radius L (cos t, sin t): a circle of radius 2 for the identity, closed', () => {
    const spec = covarianceEllipses(
      [
        {
          name: 'I',
          mean: [1, -1],
          covariance: [
            [1, 0],
            [0, 1],
          ],
        },
      ],
      { points: 4 },
    ) as any;
    const xy = spec.data.values.map((r: any) => [Math.round(r.x * 1e9) / 1e9, Math.round(r.y * 1e9) / 1e9]);
    assert.deepEqual(xy, [
      [3, -1],
      [1, 1],
      [-1, -1],
      [1, -3],
      [3, -1],
    ]);
    assert.deepEqual(
      spec.data.values.map((r: any) => r.order),
      [0, 1, 2, 3, 4],
    );
    assert.equal(spec.description, 'Outlines of 1 covariance ellipses at Mahalanobis radius 2: I');
  });

  it('puts every outline point at Mahalanobis distance radius from the mean', () => {
    const covariance = [
      [4, 1.2],
      [1.2, 0.9],
    ];
    const spec = covarianceEllipses([{ name: 'S', mean: [0, 0], covariance }], { radius: 1.5, points: 36 }) as any;
    const det = 4 * 0.9 - 1.2 * 1.2;
    for (const { x, y } of spec.data.values) {
      const distance2 = (0.9 * x * x - 2 * 1.2 * x * y + 4 * y * y) / det;
      // Points are rounded to 6 significant digits: 1e-5 relative.
      assert.ok(Math.abs(distance2 - 2.25) < 1e-4, `${x}, ${y}: ${distance2}`);
    }
  });

  it('keeps the given order in the legend, dashes what is asked, takes a description, compiles and renders', async () => {
    const ellipses = [
      {
        name: 'step 0',
        mean: [0, 0],
        covariance: [
          [1, 0],
          [0, 1],
        ],
      },
      {
        name: 'closed form',
        mean: [0.5, 0.2],
        covariance: [
          [2, 0.5],
          [0.5, 1],
        ],
      },
    ];
    const spec = covarianceEllipses(ellipses, {
      dashes: { 'closed form': [6, 3] },
      description: 'Two ellipses',
      title: 'T',
    }) as any;
    assert.deepEqual(spec.encoding.color.scale.domain, ['step 0', 'closed form']);
    assert.deepEqual(spec.encoding.strokeDash.scale.range, [
      [1, 0],
      [6, 3],
    ]);
    assert.equal(spec.description, 'Two ellipses');
    assert.deepEqual(spec.view, { description: 'Two ellipses' });
    assert.deepEqual(compileWarnings(spec), []);
    assert.ok((await renderSvg(spec)).startsWith('<svg'));
  });

  it('rejects bad input with exact messages', () => {
    const fn = 'covarianceEllipses';
    assert.throws(() => covarianceEllipses([]), {
      name: 'RangeError',
      message: `${fn} requires ellipses to be a non-empty array`,
    });
    assert.throws(
      () =>
        covarianceEllipses([
          {
            name: '',
            mean: [0, 0],
            covariance: [
              [1, 0],
              [0, 1],
            ],
          },
        ]),
      { name: 'TypeError', message: `${fn} requires ellipses[0].name to be a non-empty string` },
    );
    assert.throws(
      () =>
        covarianceEllipses([
          {
            name: 'a',
            mean: [0],
            covariance: [
              [1, 0],
              [0, 1],
            ],
          },
        ]),
      { name: 'RangeError', message: `${fn} requires ellipses[0].mean to be an [x, y] pair of finite numbers` },
    );
    assert.throws(
      () =>
        covarianceEllipses([
          {
            name: 'a',
            mean: [0, 0],
            covariance: [
              [1, 2],
              [2, 1],
            ],
          },
        ]),
      { name: 'RangeError', message: `${fn} requires ellipses[0].covariance to be a 2x2 symmetric positive definite matrix` },
    );
    assert.throws(
      () =>
        covarianceEllipses(
          [
            {
              name: 'a',
              mean: [0, 0],
              covariance: [
                [1, 0],
                [0, 1],
              ],
            },
          ],
          { radius: 0 },
        ),
      { name: 'RangeError', message: `${fn} requires radius to be positive, got 0` },
    );
    assert.throws(
      () =>
        covarianceEllipses(
          [
            {
              name: 'a',
              mean: [0, 0],
              covariance: [
                [1, 0],
                [0, 1],
              ],
            },
          ],
          { points: 2 },
        ),
      { name: 'RangeError', message: `${fn} requires points to be an integer of at least 3, got 2` },
    );
  });
});

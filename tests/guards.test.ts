import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  assertCovariance,
  assertFiniteArray,
  assertFiniteNumber,
  assertInteger,
  assertOneOf,
  assertBoolean,
  assertFloat32Normal,
  assertFloat32Range,
  assertObject,
  assertOptions,
  assertPositive,
  assertSymmetricMatrix,
  assertRows,
  assertVector,
  describeValue,
} from '../lib/guards';

describe('guards', () => {
  it('describe bad values briefly', () => {
    assert.equal(describeValue(NaN), 'NaN');
    assert.equal(describeValue(-Infinity), '-Infinity');
    assert.equal(describeValue('abc'), "'abc'");
    assert.equal(describeValue(null), 'null');
    assert.equal(describeValue([1, 2]), 'an array of length 2');
    assert.equal(describeValue({}), 'object');
  });

  it('pass valid input silently and return what they promise', () => {
    assertFiniteNumber('f', 'x', 1);
    assertPositive('f', 'x', 1e-300);
    assertInteger('f', 'n', 0, 0);
    assertOneOf('f', 'kind', 'a', ['a', 'b']);
    assertFiniteArray('f', 'xs', [1, 2]);
    assertVector('f', 'v', [1, 2], 2);
    assertOptions('f', undefined);
    assert.equal(assertRows('f', 'rows', [[1, 2, 3]]), 3);
    assert.deepEqual(
      assertCovariance('f', 'c', [
        [4, 2],
        [2, 5],
      ]),
      [
        [2, 0],
        [1, 2],
      ],
    );
  });

  it('throw TypeError for wrong types and RangeError for wrong ranges, with exact messages', () => {
    const cases: [() => void, string, string][] = [
      [() => assertFiniteNumber('f', 'x', '1'), 'TypeError', "f requires x to be a number, got '1'"],
      [() => assertFiniteNumber('f', 'x', Infinity), 'RangeError', 'f requires x to be a finite number, got Infinity'],
      [() => assertPositive('f', 'x', 0), 'RangeError', 'f requires x to be positive, got 0'],
      [() => assertInteger('f', 'n', 1.5), 'RangeError', 'f requires n to be a positive integer, got 1.5'],
      [() => assertInteger('f', 'n', -1, 0), 'RangeError', 'f requires n to be a non-negative integer, got -1'],
      [() => assertInteger('f', 'n', 1, 2), 'RangeError', 'f requires n to be an integer of at least 2, got 1'],
      [() => assertInteger('f', 'n', null), 'TypeError', 'f requires n to be a number, got null'],
      [() => assertOneOf('f', 'kind', 'c', ['a', 'b']), 'RangeError', "f requires kind to be one of 'a', 'b', got 'c'"],
      [() => assertOneOf('f', 'kind', 1, ['a']), 'TypeError', 'f requires kind to be a string, got 1'],
      [() => assertFiniteArray('f', 'xs', []), 'RangeError', 'f requires at least one data point'],
      [() => assertFiniteArray('f', 'xs', [1], 2), 'RangeError', 'f requires xs to have at least 2 entries, got 1'],
      [() => assertFiniteArray('f', 'xs', 3), 'TypeError', 'f requires xs to be an array of numbers, got 3'],
      [() => assertVector('f', 'v', [1], 2), 'RangeError', 'f requires v to have length 2, got 1'],
      [() => assertVector('f', 'v', {}, 2), 'TypeError', 'f requires v to be an array of numbers, got object'],
      [
        () => assertRows('f', 'rows', [[1], [2, 3]]),
        'RangeError',
        'f requires rows to be rectangular: rows[1] has length 2, expected 1',
      ],
      [() => assertRows('f', 'rows', [[1], 2]), 'TypeError', 'f requires rows[1] to be an array of numbers, got 2'],
      [() => assertRows('f', 'rows', [[1]], 2), 'RangeError', 'f requires rows to have rows of length 2, got 1'],
      [
        () =>
          assertCovariance(
            'f',
            'c',
            [
              [1, 0],
              [0, 1],
            ],
            3,
          ),
        'RangeError',
        'f requires c to be 3x3, got 2 rows',
      ],
      [() => assertCovariance('f', 'c', [[1, 0], [0]]), 'RangeError', 'f requires c to be 2x2, got a row of length 1'],
      [
        () =>
          assertCovariance('f', 'c', [
            [1, 1],
            [0, 1],
          ]),
        'RangeError',
        'f requires c to be symmetric, got c[1][0] = 0 but c[0][1] = 1',
      ],
      [
        () =>
          assertCovariance('f', 'c', [
            [1, 2],
            [2, 1],
          ]),
        'RangeError',
        'f requires c to be symmetric positive definite',
      ],
      [() => assertCovariance('f', 'c', [[NaN]]), 'RangeError', 'f requires c[0][0] to be a finite number, got NaN'],
      [() => assertCovariance('f', 'c', 'I'), 'TypeError', "f requires c to be an array of rows, got 'I'"],
      [() => assertOptions('f', 5), 'TypeError', 'f requires options to be an object, got 5'],
      [() => assertObject('f', 'prior', null), 'TypeError', 'f requires prior to be an object, got null'],
      [() => assertObject('f', 'prior', [1]), 'TypeError', 'f requires prior to be an object, got an array of length 1'],
      [() => assertBoolean('f', 'options.normalized', 1), 'TypeError', 'f requires options.normalized to be a boolean, got 1'],
      [
        () =>
          assertSymmetricMatrix('f', 'm', [
            [1, 2],
            [3, 1],
          ]),
        'RangeError',
        'f requires m to be symmetric, got m[1][0] = 3 but m[0][1] = 2',
      ],
      [
        () => assertFloat32Range('f', 'rows', [[1, 4e38]]),
        'RangeError',
        "f requires rows[0][1] to be within float32's range (|x| <= 3.4028234663852886e+38), got 4e+38",
      ],
      [
        () => assertFloat32Range('f', 'x', -1e39),
        'RangeError',
        "f requires x to be within float32's range (|x| <= 3.4028234663852886e+38), got -1e+39",
      ],
      [
        () => assertFloat32Normal('f', 'lr', 1e-300),
        'RangeError',
        "f requires lr to be at least float32's smallest normal number (1.1754943508222875e-38), got 1e-300",
      ],
    ];
    for (const [run, name, message] of cases) assert.throws(run, { name, message });
  });

  it('reject unknown option keys, listing the valid ones and suggesting the nearest', () => {
    const keys = ['learningRate', 'maxSteps', 'normalized'];
    assertOptions('f', { learningRate: 1, maxSteps: undefined }, keys);
    assert.throws(() => assertOptions('f', { learningrate: 1 }, keys), {
      name: 'RangeError',
      message:
        "f requires options to have only the keys 'learningRate', 'maxSteps', 'normalized', got 'learningrate' (did you mean 'learningRate'?)",
    });
    assert.throws(() => assertOptions('f', { normalised: true }, keys), {
      name: 'RangeError',
      message:
        "f requires options to have only the keys 'learningRate', 'maxSteps', 'normalized', got 'normalised' (did you mean 'normalized'?)",
    });
    // Nothing close: no suggestion.
    assert.throws(() => assertOptions('f', { colour: 'red' }, keys), {
      name: 'RangeError',
      message: "f requires options to have only the keys 'learningRate', 'maxSteps', 'normalized', got 'colour'",
    });
  });

  it('accept a covariance that is symmetric up to 1e-10 relative rounding', () => {
    assertCovariance('f', 'c', [
      [2, 0.1 + 0.2],
      [0.3, 2],
    ]);
  });
});

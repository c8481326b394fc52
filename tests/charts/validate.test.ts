import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  requireFinite,
  requireFrameOptions,
  requireFunction,
  requireIntegerAtLeast,
  requireInterval,
  requireName,
  requireNonEmptyArray,
  requireOptionalString,
  requireOptionsObject,
  requirePositive,
  requireUnitInterval,
} from '../../lib/charts/validate';

// One style with lib/guards.ts: TypeError for a wrong type, RangeError for a wrong size or range,
// '<fn> requires <arg> to be ..., got <value>'.
describe('chart guards', () => {
  it('throw TypeError for a wrong type and RangeError for a wrong range, with exact messages', () => {
    const cases: [() => void, string, string][] = [
      [() => requireNonEmptyArray('f', 'xs', 'abc'), 'TypeError', "f requires xs to be an array, got 'abc'"],
      [() => requireNonEmptyArray('f', 'xs', []), 'RangeError', 'f requires xs to be a non-empty array'],
      [() => requireIntegerAtLeast('f', 'n', '3', 1), 'TypeError', "f requires n to be a number, got '3'"],
      [() => requireIntegerAtLeast('f', 'n', 2.5, 1), 'RangeError', 'f requires n to be a positive integer, got 2.5'],
      [() => requireIntegerAtLeast('f', 'n', 1, 2), 'RangeError', 'f requires n to be an integer of at least 2, got 1'],
      [() => requireFinite('f', 'x', '1'), 'TypeError', "f requires x to be a number, got '1'"],
      [() => requireFinite('f', 'x', Infinity), 'RangeError', 'f requires x to be a finite number, got Infinity'],
      [() => requirePositive('f', 'width', null), 'TypeError', 'f requires width to be a number, got null'],
      [() => requirePositive('f', 'width', NaN), 'RangeError', 'f requires width to be a positive finite number, got NaN'],
      [
        () => requirePositive('f', 'width', Infinity),
        'RangeError',
        'f requires width to be a positive finite number, got Infinity',
      ],
      [() => requireUnitInterval('f', 'opacity', '1'), 'TypeError', "f requires opacity to be a number, got '1'"],
      [() => requireUnitInterval('f', 'opacity', -3), 'RangeError', 'f requires opacity to be a number from 0 to 1, got -3'],
      [
        () => requireInterval('f', 'domain', [0, '1']),
        'TypeError',
        'f requires domain to be a [low, high] pair of numbers, got an array of length 2',
      ],
      [
        () => requireInterval('f', 'domain', [0, NaN]),
        'RangeError',
        'f requires domain to be [low, high] with low < high, got [0, NaN]',
      ],
      [() => requireName('f', 'name', 3), 'TypeError', 'f requires name to be a non-empty string'],
      [() => requireOptionalString('f', 'title', {}), 'TypeError', 'f requires title to be a string, got object'],
      [() => requireFunction('f', 'writer', 'x'), 'TypeError', "f requires writer to be a function, got 'x'"],
      [
        () => requireOptionsObject('f', 'options', [1]),
        'TypeError',
        'f requires options to be an object, got an array of length 1',
      ],
      [() => requireFrameOptions('f', { width: -1 }), 'RangeError', 'f requires width to be a positive finite number, got -1'],
      [() => requireFrameOptions('f', { description: 5 }), 'TypeError', 'f requires description to be a string, got 5'],
      [
        () => requireFrameOptions('f', { titel: 'x' }, ['title', 'width']),
        'RangeError',
        "f requires options to have only the keys 'title', 'width', got 'titel' (did you mean 'title'?)",
      ],
    ];
    for (const [call, name, message] of cases) assert.throws(call, { name, message });
  });

  it('pass good values silently', () => {
    requireNonEmptyArray('f', 'xs', [1]);
    requireIntegerAtLeast('f', 'n', 0, 0);
    requirePositive('f', 'w', 1e-9);
    requireUnitInterval('f', 'o', 0);
    requireUnitInterval('f', 'o', 1);
    requireInterval('f', 'd', [-1, 1]);
    requireOptionalString('f', 't', undefined);
    requireFunction('f', 'w', () => 0);
    requireFrameOptions('f', undefined);
    requireFrameOptions('f', { title: 't', width: 10, height: 10, description: 'd' });
  });
});

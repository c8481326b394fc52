import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { OPTIMIZER_STYLES, SERIES_COLORS, optimizerOf, seriesColor, seriesStyles } from '../../lib/charts/palette';
import { OPTIMIZER_NAMES } from '../../lib/optimize/fit-gaussian-mean';

describe('palette', () => {
  it('gives each of the 8 optimizers of fitGaussianMean its own colour', () => {
    assert.deepEqual(Object.keys(OPTIMIZER_STYLES).sort(), [...OPTIMIZER_NAMES].sort());
    const colors = OPTIMIZER_NAMES.map((name) => OPTIMIZER_STYLES[name].color);
    assert.equal(new Set(colors).size, 8);
    assert.deepEqual([...colors].sort(), [...SERIES_COLORS].sort());
  });

  it('tells momentum and nesterov apart by colour and by dash', () => {
    assert.notEqual(OPTIMIZER_STYLES.momentum.color, OPTIMIZER_STYLES.nesterov.color);
    assert.notDeepEqual(OPTIMIZER_STYLES.momentum.dash, OPTIMIZER_STYLES.nesterov.dash);
  });

  it('reads optimizer names in series names, whole words only', () => {
    assert.equal(optimizerOf('adam'), 'adam');
    assert.equal(optimizerOf('Adam, lr 0.1'), 'adam');
    assert.equal(optimizerOf('adamax'), 'adamax');
    assert.equal(optimizerOf('Gradient ascent (starter code)'), 'gradient-ascent');
    assert.equal(optimizerOf('gradient_ascent'), 'gradient-ascent');
    assert.equal(optimizerOf('Nesterov momentum'), 'nesterov');
    assert.equal(optimizerOf('adams'), undefined);
    assert.equal(optimizerOf('SGD'), undefined);
  });

  it('gives other names the palette in order, skipping colours optimizers of the chart use', () => {
    assert.equal(seriesColor('momentum', 5), '#E69F00');
    assert.equal(seriesColor('true line', 2), '#0072B2');
    assert.equal(seriesColor('x', 9), SERIES_COLORS[1]);
    const styles = seriesStyles(['gradient-ascent', 'k = 10', 'k = 100']);
    assert.deepEqual(styles.colors, ['#000000', '#E69F00', '#0072B2']);
    assert.deepEqual(styles.domain, ['gradient-ascent', 'k = 10', 'k = 100']);
  });

  it('keeps up to 8 series distinct and repeats colours with a dash after that', () => {
    const names = Array.from({ length: 10 }, (_, k) => `run ${k}`);
    const styles = seriesStyles(names);
    assert.equal(new Set(styles.colors.slice(0, 8)).size, 8);
    assert.equal(styles.colors[8], styles.colors[0]);
    assert.notDeepEqual(styles.dashes[8], styles.dashes[0]);
  });
});

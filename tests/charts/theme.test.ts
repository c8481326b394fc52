import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { chartTheme, frame } from '../../lib/charts/theme';

describe('frame', () => {
  it('starts every spec with schema, title, description (also for the SVG label), size and config', () => {
    assert.deepEqual(frame({ title: 'T' }, 'A chart.'), {
      $schema: chartTheme.schema,
      title: 'T',
      description: 'A chart.',
      width: 360,
      height: 280,
      config: chartTheme.config,
      view: { description: 'A chart.' },
    });
    assert.equal(frame({ description: 'Mine.' }, 'Default.').description, 'Mine.');
    assert.equal('title' in frame({}, 'x'), false);
  });

  it('refuses an empty description and bad sizes, naming the builder', () => {
    assert.throws(() => frame({}, ' ', 'heatmap'), {
      name: 'RangeError',
      message: 'heatmap requires description to be a non-empty string',
    });
    assert.throws(() => frame({ width: 0 }, 'x', 'heatmap'), {
      name: 'RangeError',
      message: 'heatmap requires width to be a positive finite number, got 0',
    });
  });
});

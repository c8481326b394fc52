import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { withDescription } from '../../lib/charts/with-description';
import { layer } from '../../lib/charts/layer';
import { concat } from '../../lib/charts/concat';
import { lossCurve } from '../../lib/charts/loss-curve';
import { renderSvg } from '../../lib/notebook/render-svg';

const curve = lossCurve([{ name: 'adam', values: [3, 2, 1] }]);

describe('withDescription', () => {
  it('replaces the description of a figure in the spec and in the SVG label', async () => {
    const spec = withDescription(layer(curve), 'Adam climbs from 3 to 1.') as any;
    assert.equal(spec.description, 'Adam climbs from 3 to 1.');
    assert.deepEqual(spec.view, { description: 'Adam climbs from 3 to 1.' });
    assert.ok((await renderSvg(spec)).includes('aria-label="Adam climbs from 3 to 1."'));
  });

  it('updates the described inner view of a concat', () => {
    const spec = withDescription(concat([curve, curve]), 'Twice the same.') as any;
    assert.equal(spec.vconcat[0].description, 'Twice the same.');
    assert.equal('view' in spec, false);
  });

  it('rejects an empty description', () => {
    assert.throws(() => withDescription(curve, ''), {
      name: 'TypeError',
      message: 'withDescription requires description to be a non-empty string',
    });
  });
});

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { layer } from '../../lib/charts/layer';
import { heatmap } from '../../lib/charts/heatmap';
import { pathOverlay } from '../../lib/charts/path-overlay';
import { learningRateSelector } from '../../lib/charts/learning-rate-selector';
import { coordinateTraces } from '../../lib/charts/coordinate-traces';
import { compileWarnings, gaussianGrid, spiralPaths } from './helpers';

describe('layer', () => {
  it('takes figure properties from the first spec and keeps data, marks and encodings per layer', () => {
    const spec = layer(heatmap(gaussianGrid(10), { title: 'L' }), pathOverlay(spiralPaths(5), { title: 'ignored' })) as any;
    assert.equal(spec.title, 'L');
    assert.equal(spec.$schema, 'https://vega.github.io/schema/vega-lite/v5.json');
    assert.equal(spec.layer.length, 2);
    for (const child of spec.layer) {
      for (const key of ['$schema', 'config', 'width', 'height', 'title']) assert.equal(key in child, false, key);
    }
    assert.equal(spec.layer[0].layer[0].mark.type, 'rect');
    assert.equal(spec.layer[1].layer.length, 3);
  });

  it("joins the layers' descriptions into the figure's, also as view.description for the SVG", () => {
    const spec = layer(
      heatmap(gaussianGrid(10), { description: 'Bowl.' }),
      pathOverlay(spiralPaths(5), { description: 'Spirals.' }),
    ) as any;
    assert.equal(spec.description, 'Bowl. Overlaid: Spirals.');
    assert.deepEqual(spec.view, { description: 'Bowl. Overlaid: Spirals.' });
    for (const child of spec.layer) assert.equal('description' in child || 'view' in child, false);
  });

  it('resolves colour scales independently when layers colour by different fields', () => {
    const spec = layer(heatmap(gaussianGrid(10)), pathOverlay(spiralPaths(5))) as any;
    assert.deepEqual(spec.resolve, { scale: { color: 'independent', strokeDash: 'independent' } });
    assert.deepEqual(compileWarnings(spec), []);
    assert.equal('resolve' in (layer(pathOverlay(spiralPaths(5))) as any), false);
  });

  it('moves input-bound params to the top level', () => {
    const spec = layer(learningRateSelector([{ learningRate: 0.1, values: [1, 2] }])) as any;
    assert.equal(spec.params[0].name, 'learningRate');
    assert.equal('params' in spec.layer[0], false);
    assert.deepEqual(compileWarnings(spec), []);
  });

  it('rejects no specs and unlayerable specs with exact messages', () => {
    assert.throws(() => layer(), { name: 'RangeError', message: 'layer requires at least one spec' });
    assert.throws(() => layer(coordinateTraces(spiralPaths(3))), {
      name: 'TypeError',
      message: 'layer requires unit or layer specs, got a vconcat spec at specs[0]',
    });
  });
});

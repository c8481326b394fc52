import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { heatmap } from '../../lib/charts/heatmap';
import { pathOverlay } from '../../lib/charts/path-overlay';
import { layer } from '../../lib/charts/layer';
import { renderSvg } from '../../lib/notebook/render-svg';
import { compileWarnings, gaussianGrid, spiralPaths } from './helpers';

// Budget for one notebook output (spec JSON + rendered SVG): 400 KB. Naively, 10,000 rects of a
// 100x100 grid are > 1 MB of SVG on their own; the heatmap's 50x50 resampling and the SVG
// compaction must keep the worst case of the notebooks (100x100 grid, 3 runs of 200 steps) under it.
const BUDGET_BYTES = 400 * 1024;

describe('heatmap + pathOverlay display bundle', () => {
  it('stays under 400 KB for a 100x100 grid with 3 paths of 200 points', async () => {
    const spec = layer(heatmap(gaussianGrid(100), { title: 'log-likelihood of the mean' }), pathOverlay(spiralPaths(200)));
    assert.deepEqual(compileWarnings(spec), []);
    const specBytes = Buffer.byteLength(JSON.stringify(spec));
    const svgBytes = Buffer.byteLength(await renderSvg(spec));
    console.log(`heatmap+paths bundle: spec ${specBytes} B, svg ${svgBytes} B, total ${specBytes + svgBytes} B`);
    assert.ok(specBytes + svgBytes < BUDGET_BYTES, `bundle is ${specBytes + svgBytes} bytes`);
  });

  it('would blow the budget at full 100x100 resolution, which is why the default resamples', async () => {
    const spec = heatmap(gaussianGrid(100), { maxCellsPerSide: 100 });
    const total = Buffer.byteLength(JSON.stringify(spec)) + Buffer.byteLength(await renderSvg(spec));
    assert.ok(total > BUDGET_BYTES, `full grid is only ${total} bytes`);
  });
});

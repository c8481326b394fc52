import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { heatmap } from '../../lib/charts/heatmap';
import { pathOverlay } from '../../lib/charts/path-overlay';
import { layer } from '../../lib/charts/layer';
import { renderSvg } from '../../lib/notebook/render-svg';
import { renderPng } from '../../lib/notebook/render-png';
import { compileWarnings, gaussianGrid, spiralPaths } from './helpers';

// Budget for one notebook output's text parts (spec JSON + rendered SVG): 400 KB; its PNG has a
// budget of its own (below). Naively, 10,000 rects of a
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

  it('with its 2x PNG (base64, as the notebook stores it), the whole bundle stays under 800 KB', async () => {
    // showChart also ships an image/png (so JupyterLab adds none when it draws the chart). A dense
    // heatmap compresses poorly: this worst case's PNG is about as large as spec and SVG together,
    // so the PNG gets a budget of its own, the same 400 KB. The notebooks' real charts are smaller
    // (60-180 KB of base64 each), and every notebook stays far under its 5 MB cap.
    const spec = layer(heatmap(gaussianGrid(100), { title: 'log-likelihood of the mean' }), pathOverlay(spiralPaths(200)));
    const svg = await renderSvg(spec);
    const pngBytes = Buffer.byteLength((await renderPng(svg)).toString('base64'));
    const total = Buffer.byteLength(JSON.stringify(spec)) + Buffer.byteLength(svg) + pngBytes;
    console.log(`heatmap+paths bundle with PNG: png ${pngBytes} B (base64), total ${total} B`);
    assert.ok(pngBytes < BUDGET_BYTES, `the PNG is ${pngBytes} bytes of base64`);
    assert.ok(total < 2 * BUDGET_BYTES, `bundle with PNG is ${total} bytes`);
  });

  it('would blow the budget at full 100x100 resolution, which is why the default resamples', async () => {
    const spec = heatmap(gaussianGrid(100), { maxCellsPerSide: 100 });
    const total = Buffer.byteLength(JSON.stringify(spec)) + Buffer.byteLength(await renderSvg(spec));
    assert.ok(total > BUDGET_BYTES, `full grid is only ${total} bytes`);
  });
});

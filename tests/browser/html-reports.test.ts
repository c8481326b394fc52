/*
 * The HTML reports (reports/<name>.html, written by `node scripts/report.js` with nbconvert) in
 * headless Chromium, opened from disk with every network request blocked (nbconvert's require.js
 * comes from a CDN; the charts must not need it; MathJax comes from the project's node_modules, and
 * the LaTeX of the notebooks must be typeset, not shown raw): per cell, as many chart images as
 * the committed notebook has chart outputs (nbconvert 7 writes each chart's image/svg+xml as an
 * <img src="data:image/svg+xml;base64,..."> in a .jp-RenderedSVG output), none broken, and no
 * Vega-Lite spec shown as raw JSON text. Reports missing or older than their notebook are made
 * first: from the notebook test's execution of the same notebook when this test run has one
 * (tests/notebooks/execution-cache.ts), else by running every cell (that takes a while).
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import {
  BrowserHandle,
  describeCell,
  ensureReports,
  launchBrowser,
  readNotebooks,
  notebooksDir,
  loadReport,
  reportsDir,
  screenshotsDir,
} from './browser-kit';

const notebooks = readNotebooks();

interface HtmlCell {
  index: number;
  svgImages: number;
  broken: string[];
  rawSpec: string;
}

describe('HTML reports: every chart shows as an image', () => {
  let handle: BrowserHandle | undefined;
  let reportError: Error | undefined;

  before(
    async () => {
      try {
        ensureReports(notebooks, (line) => console.log(`# ${line}`));
      } catch (error) {
        reportError = error as Error;
      }
      handle = await launchBrowser();
    },
    { timeout: 16 * 60 * 1000 },
  );

  after(
    async () => {
      if (handle) await handle.close();
    },
    { timeout: 30000 },
  );

  it('finds the notebooks and made their reports', () => {
    assert.ok(notebooks.length > 0, `no notebooks in ${notebooksDir}`);
    if (reportError) throw reportError;
  });

  for (const info of notebooks) {
    const nb = path.basename(info.file);
    const html = path.join(reportsDir, `${info.name}.html`);
    it(`reports/${info.name}.html shows the ${info.charts} chart(s) of ${nb}`, { timeout: 120000 }, async () => {
      assert.ok(handle, 'browser did not start');
      assert.ok(fs.existsSync(html), `${html} is missing (node scripts/report.js failed?)`);
      const page = await handle.browser.newPage({ viewport: { width: 1100, height: 900 } });
      try {
        const t0 = Date.now();
        const stats = await loadReport(page, html);
        const rawMath = (await page.evaluate(() => {
          const doc = (globalThis as any).document;
          const text = Array.from(doc.querySelectorAll('.jp-MarkdownCell'))
            .map((c: any) => c.innerText || '')
            .join('\n');
          const m = /\$\$|\\frac|\\sum|\\hat/.exec(text);
          return m ? text.slice(Math.max(0, m.index - 40), m.index + 60) : '';
        })) as string;
        const cells = (await page.evaluate(() => {
          const doc = (globalThis as any).document;
          const all: any[] = Array.from(doc.querySelectorAll('.jp-Cell'));
          return all.map((cell, index) => {
            const outputs: any[] = Array.from(cell.querySelectorAll('.jp-OutputArea-output[data-mime-type="image/svg+xml"]'));
            const broken: string[] = [];
            let svgImages = 0;
            for (const out of outputs) {
              const img = out.querySelector('img');
              const svg = out.querySelector('svg');
              if (img) {
                svgImages += 1;
                if (!(img.complete && img.naturalWidth > 0 && img.naturalHeight > 0))
                  broken.push(`img ${img.naturalWidth}x${img.naturalHeight}`);
              } else if (svg) {
                svgImages += 1;
                const box = svg.getBoundingClientRect();
                if (!(box.width > 0 && box.height > 0)) broken.push(`svg ${box.width}x${box.height}`);
              }
            }
            const outputText = Array.from(cell.querySelectorAll('.jp-OutputArea-output'))
              .map((o: any) => o.innerText || '')
              .join('\n');
            const m = /"\$schema"|vega-lite|vegalite|"encoding"\s*:/i.exec(outputText);
            const rawSpec = m ? outputText.slice(Math.max(0, m.index - 40), m.index + 80) : '';
            return { index, svgImages, broken, rawSpec };
          });
        })) as HtmlCell[];

        const problems: string[] = [];
        const source = fs.readFileSync(info.file, 'utf8');
        if (/\$[^$\n]+\$/.test(source)) {
          if (!stats.mathJaxLoaded)
            problems.push('MathJax did not load (expected from ../node_modules/mathjax, see scripts/report.js)');
          if (stats.typesetMath === 0) problems.push('the notebook has LaTeX but the report typeset none');
          if (rawMath) problems.push(`LaTeX shown as raw text: …${rawMath.replace(/\s+/g, ' ')}…`);
        }
        if (cells.length !== info.cells) problems.push(`the report has ${cells.length} cells, ${nb} has ${info.cells}`);
        for (const cell of info.chartCells) {
          const got = cells[cell.cellIndex];
          const n = got ? got.svgImages : 0;
          if (n !== cell.charts)
            problems.push(
              `${describeCell(info, cell)}: ${n} chart image(s) in the report, ${cell.charts} chart output(s) in the notebook`,
            );
        }
        const chartCells = new Set(info.chartCells.map((c) => c.cellIndex));
        for (const cell of cells) {
          if (cell.svgImages > 0 && !chartCells.has(cell.index)) {
            problems.push(
              `${nb} cell ${cell.index}: ${cell.svgImages} SVG image(s) in the report, none in the committed notebook (stale notebook?)`,
            );
          }
          if (cell.broken.length > 0) problems.push(`${nb} cell ${cell.index}: broken chart image(s): ${cell.broken.join(', ')}`);
          if (cell.rawSpec)
            problems.push(`${nb} cell ${cell.index}: a Vega-Lite spec shown as text: …${cell.rawSpec.replace(/\s+/g, ' ')}…`);
        }
        const total = cells.reduce((n, c) => n + c.svgImages, 0);
        console.log(`# ${info.name}.html: ${total}/${info.charts} chart images, checked in ${Date.now() - t0} ms`);
        if (info.chartCells.length > 0) {
          fs.mkdirSync(screenshotsDir, { recursive: true });
          const first = page
            .locator('.jp-Cell')
            .nth(info.chartCells[0].cellIndex)
            .locator('.jp-OutputArea-output[data-mime-type="image/svg+xml"]')
            .first();
          await first
            .screenshot({ path: path.join(screenshotsDir, `${info.name}-html-first-chart.png`), timeout: 15000 })
            .catch(() => undefined);
        }
        if (problems.length > 0) assert.fail(`reports/${info.name}.html:\n  ${problems.join('\n  ')}`);
      } finally {
        await page.close().catch(() => undefined);
      }
    });
  }
});

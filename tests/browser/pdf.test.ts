/*
 * scripts/print-pdf.js on one HTML report: the PDF exists, has pages, and the charts really are
 * in it. To tell chart ink from text ink without guessing where page breaks fall, the report is
 * printed twice, the second time with the chart outputs made invisible (visibility: hidden keeps
 * the layout, so the pages are otherwise identical); both are rasterised in grey at 50 dpi with
 * PDFium (pypdfium2 in .venv, tests/browser/pdf-ink.py) and the non-white pixels of each page
 * compared.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { spawnSync } from 'child_process';
import { BrowserHandle, ensureReports, launchBrowser, printPdf, projectRoot, readNotebooks, reportsDir } from './browser-kit';

const MAX_PAGES = 40;
const venvPython = path.join(projectRoot, '.venv', 'bin', 'python');
const pdfInk = path.join(projectRoot, 'tests', 'browser', 'pdf-ink.py');

/** Page count and non-white pixel counts of the first pages of a PDF (pdf-ink.py). */
function inkPerPage(pdf: string): { pages: number; ink: number[]; pixels: number } {
  const run = spawnSync(venvPython, [pdfInk, pdf, String(MAX_PAGES)], { encoding: 'utf8', timeout: 120000 });
  assert.equal(
    run.status,
    0,
    `pdf-ink.py failed (is pypdfium2 in .venv? npm run setup): ${run.stderr}${run.error ? run.error.message : ''}`,
  );
  return JSON.parse(run.stdout) as { pages: number; ink: number[]; pixels: number };
}

const notebooks = readNotebooks();
const withCharts = notebooks.filter((nb) => nb.charts > 0);

describe('PDF: print-pdf.js puts the charts into the PDF', () => {
  let handle: BrowserHandle | undefined;
  let tmp = '';

  before(
    async () => {
      tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'likelihood-lab-pdf-'));
      if (withCharts[0]) ensureReports([withCharts[0]], (line) => console.log(`# ${line}`));
      handle = await launchBrowser();
    },
    { timeout: 16 * 60 * 1000 },
  );

  after(
    async () => {
      try {
        if (handle) await handle.close();
      } finally {
        if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
      }
    },
    { timeout: 30000 },
  );

  it('prints a report with charts; the chart pages are not blank', { timeout: 180000 }, async () => {
    assert.ok(withCharts.length > 0, 'no committed notebook has a chart output');
    assert.ok(handle, 'browser did not start');
    const info = withCharts[0];
    const html = path.join(reportsDir, `${info.name}.html`);
    assert.ok(fs.existsSync(html), `${html} is missing`);
    const t0 = Date.now();
    const pdf = path.join(tmp, `${info.name}.pdf`);
    const stats = await printPdf(handle.browser, html, pdf);
    const t1 = Date.now();
    const bare = path.join(tmp, `${info.name}-nocharts.pdf`);
    await printPdf(handle.browser, html, bare, {
      css: '.jp-OutputArea-output[data-mime-type="image/svg+xml"] { visibility: hidden !important; }',
    });
    assert.ok(stats.images >= info.charts, `${info.name}.html: ${stats.images} images, expected at least ${info.charts}`);
    assert.ok(fs.statSync(pdf).size > 1000, 'the PDF is (almost) empty');

    const full = inkPerPage(pdf);
    const none = inkPerPage(bare);
    console.log(
      `# ${info.name}.pdf: ${full.pages} pages, printed in ${t1 - t0} ms; ink per page ${full.ink.join(' ')}; without charts ${none.ink.join(' ')}`,
    );
    assert.ok(full.pages >= 1, 'the PDF has no pages');
    assert.equal(full.pages, none.pages, 'hiding the charts changed the page count (layout differs?)');
    // every page with a chart must carry visibly more ink than the same page without it
    const gains = full.ink.map((n, i) => n - (none.ink[i] || 0));
    const chartPages = gains
      .map((g, i) => ({ page: i + 1, gain: g, ink: full.ink[i] }))
      .filter((p) => p.gain > full.pixels * 0.002);
    assert.ok(chartPages.length > 0, `no page of ${info.name}.pdf shows chart ink (gains per page: ${gains.join(' ')})`);
    for (const p of chartPages) assert.ok(p.ink > full.pixels * 0.004, `page ${p.page} of ${info.name}.pdf is nearly blank`);
    // the charts are spread over pages: at least one page per four charts
    assert.ok(full.pages >= Math.ceil(Math.min(info.charts, MAX_PAGES * 4) / 4), `${full.pages} pages for ${info.charts} charts`);
  });
});

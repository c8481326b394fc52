/*
 * scripts/print-pdf.js on one HTML report: the PDF exists, has pages, and the charts really are
 * in it. To tell chart ink from text ink without guessing where page breaks fall, the report is
 * printed twice, the second time with the chart outputs made invisible (visibility: hidden keeps
 * the layout, so the pages are otherwise identical); both are rasterised with
 * `pdftoppm -gray -r 50` (poppler-utils) and the non-white pixels of each page compared.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { spawnSync } from 'child_process';
import { BrowserHandle, ensureReports, launchBrowser, listNotebooks, printPdfModule, reportsDir } from './browser-kit';

const MAX_PAGES = 40;

/** Non-white pixel counts of the first pages of a PDF, from pdftoppm's binary PGM (P5). */
function inkPerPage(pdf: string, workDir: string): { pages: number; ink: number[]; pixels: number } {
  const info = spawnSync('pdfinfo', [pdf], { encoding: 'utf8' });
  assert.equal(info.status, 0, `pdfinfo failed: ${info.stderr}`);
  const pages = Number((/^Pages:\s+(\d+)/m.exec(info.stdout) || [])[1] || 0);
  const prefix = path.join(workDir, path.basename(pdf, '.pdf'));
  const run = spawnSync('pdftoppm', ['-gray', '-r', '50', '-f', '1', '-l', String(MAX_PAGES), pdf, prefix], { encoding: 'utf8', timeout: 120000 });
  assert.equal(run.status, 0, `pdftoppm failed: ${run.stderr}`);
  const files = fs.readdirSync(workDir).filter((f) => f.startsWith(path.basename(prefix) + '-') && f.endsWith('.pgm')).sort();
  let pixels = 0;
  const ink = files.map((f) => {
    const buf = fs.readFileSync(path.join(workDir, f));
    // header: "P5\n<w> <h>\n<max>\n" (pdftoppm writes no comments)
    const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(buf.subarray(0, 64).toString('latin1'));
    assert.ok(header, `${f}: not a binary PGM`);
    const [w, h] = [Number(header[1]), Number(header[2])];
    const data = buf.subarray(header[0].length);
    assert.equal(data.length, w * h, `${f}: truncated`);
    pixels = w * h;
    let n = 0;
    for (let i = 0; i < data.length; i += 1) if (data[i] < 240) n += 1;
    return n;
  });
  return { pages, ink, pixels };
}

const notebooks = listNotebooks();
const withCharts = notebooks.filter((nb) => nb.charts > 0);

describe('PDF: print-pdf.js puts the charts into the PDF', () => {
  let handle: BrowserHandle | undefined;
  let tmp = '';

  before(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'likelihood-lab-pdf-'));
    if (withCharts[0]) ensureReports([withCharts[0]], (line) => console.log(`# ${line}`));
    handle = await launchBrowser();
  }, { timeout: 16 * 60 * 1000 });

  after(async () => {
    try {
      if (handle) await handle.close();
    } finally {
      if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
    }
  }, { timeout: 30000 });

  it('prints a report with charts; the chart pages are not blank', { timeout: 180000 }, async () => {
    assert.ok(withCharts.length > 0, 'no committed notebook has a chart output');
    assert.ok(handle, 'browser did not start');
    const info = withCharts[0];
    const html = path.join(reportsDir, `${info.name}.html`);
    assert.ok(fs.existsSync(html), `${html} is missing`);
    const t0 = Date.now();
    const pdf = path.join(tmp, `${info.name}.pdf`);
    const stats = await printPdfModule.printPdf(handle.browser, html, pdf);
    const t1 = Date.now();
    const bare = path.join(tmp, `${info.name}-nocharts.pdf`);
    await printPdfModule.printPdf(handle.browser, html, bare, {
      css: '.jp-OutputArea-output[data-mime-type="image/svg+xml"] { visibility: hidden !important; }',
    });
    assert.ok(stats.images >= info.charts, `${info.name}.html: ${stats.images} images, expected at least ${info.charts}`);
    assert.ok(fs.statSync(pdf).size > 1000, 'the PDF is (almost) empty');

    const full = inkPerPage(pdf, tmp);
    const none = inkPerPage(bare, tmp);
    console.log(`# ${info.name}.pdf: ${full.pages} pages, printed in ${t1 - t0} ms; ink per page ${full.ink.join(' ')}; without charts ${none.ink.join(' ')}`);
    assert.ok(full.pages >= 1, 'the PDF has no pages');
    assert.equal(full.pages, none.pages, 'hiding the charts changed the page count (layout differs?)');
    // every page with a chart must carry visibly more ink than the same page without it
    const gains = full.ink.map((n, i) => n - (none.ink[i] || 0));
    const chartPages = gains.map((g, i) => ({ page: i + 1, gain: g, ink: full.ink[i] })).filter((p) => p.gain > full.pixels * 0.002);
    assert.ok(chartPages.length > 0, `no page of ${info.name}.pdf shows chart ink (gains per page: ${gains.join(' ')})`);
    for (const p of chartPages) assert.ok(p.ink > full.pixels * 0.004, `page ${p.page} of ${info.name}.pdf is nearly blank`);
    // the charts are spread over pages: at least one page per four charts
    assert.ok(full.pages >= Math.ceil(Math.min(info.charts, MAX_PAGES * 4) / 4), `${full.pages} pages for ${info.charts} charts`);
  });
});

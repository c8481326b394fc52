#!/usr/bin/env node
// @ts-check
/*
 * Prints HTML reports (made by scripts/report.js with nbconvert) to PDF with headless Chromium
 * through playwright-core, charts included: each chart is the SVG nbconvert embeds as an <img>;
 * we wait until every image has loaded before printing. The browser is the system's Chromium
 * where there is one, else the one shipped in the npm package @sparticuz/chromium
 * (scripts/chromium.js says which, and how to choose).
 *
 *   node scripts/print-pdf.js reports/01-theory.html [...]   -> reports/01-theory.pdf [...]
 *   (node scripts/report.js --pdf calls this for every report)
 *
 * Only file:// requests are let through: nbconvert's HTML asks a CDN for require.js and MathJax,
 * which offline would only fail slowly (math then shows as its LaTeX source).
 * Chromium gets a throw-away HOME/XDG folder, so the user's browser profile is never touched.
 * Also a module: { launchChromium, printPdf, loadReport, offline }.
 */
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { pathToFileURL } = require('url');
const { findChromium } = require('./chromium');

/**
 * @typedef {import('playwright-core').Browser} Browser
 * @typedef {import('playwright-core').Page} Page
 */

/**
 * A running headless Chromium and how to close it.
 * @typedef {object} BrowserHandle
 * @property {Browser} browser
 * @property {string} description  which browser and version, e.g. "system Chromium (/usr/bin/chromium) 156.0.7390.54"
 * @property {() => Promise<void>} close  closes the browser and removes its HOME; safe to call twice
 */

/**
 * What {@link loadReport} found on the page.
 * @typedef {object} ReportStats
 * @property {number} images         <img> elements
 * @property {number} broken         images that failed to load
 * @property {boolean} mathJaxLoaded
 * @property {number} typesetMath    elements MathJax typeset
 */

/**
 * Chromium (see scripts/chromium.js for which one) with HOME and XDG folders in a temp folder.
 * @param {{ log?: (line: string) => void }} [options] log: where to say that the npm Chromium is being unpacked
 * @returns {Promise<BrowserHandle>}
 */
async function launchChromium(options = {}) {
  const { chromium } = require('playwright-core');
  const choice = await findChromium(options.log);
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'likelihood-lab-chromium-'));
  /** @type {Record<string, string>} */
  const env = {
    PATH: process.env.PATH || '/usr/bin:/bin',
    HOME: home,
    XDG_CONFIG_HOME: path.join(home, '.config'),
    XDG_CACHE_HOME: path.join(home, '.cache'),
    XDG_DATA_HOME: path.join(home, '.local', 'share'),
    XDG_RUNTIME_DIR: path.join(home, 'runtime'),
  };
  for (const dir of Object.values(env).slice(1)) fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  Object.assign(env, choice.env);
  /** @type {Browser} */
  let browser;
  try {
    browser = await chromium.launch({ executablePath: choice.executablePath, args: choice.args, env, timeout: 60000 });
  } catch (error) {
    fs.rmSync(home, { recursive: true, force: true });
    throw error;
  }
  let closed = false;
  return {
    browser,
    description: `${choice.label} ${browser.version()}`,
    async close() {
      if (closed) return;
      closed = true;
      let timer;
      try {
        await Promise.race([browser.close(), new Promise((r) => (timer = setTimeout(r, 15000)))]);
      } finally {
        clearTimeout(timer);
        fs.rmSync(home, { recursive: true, force: true });
      }
    },
  };
}

/**
 * Lets only file:// (and data:) requests through.
 * @param {Page} page
 */
async function offline(page) {
  await page.route('**/*', (route) => {
    const url = route.request().url();
    return url.startsWith('file:') || url.startsWith('data:') ? route.continue() : route.abort();
  });
}

/**
 * Opens an HTML report and waits until every <img> has loaded (or failed) and MathJax is done.
 * @param {Page} page
 * @param {string} htmlFile
 * @returns {Promise<ReportStats>}
 */
async function loadReport(page, htmlFile) {
  await offline(page);
  await page.goto(pathToFileURL(path.resolve(htmlFile)).href, { waitUntil: 'load', timeout: 60000 });
  await page.waitForFunction(
    () => Array.from(/** @type {any} */ (globalThis).document.images).every((/** @type {any} */ img) => img.complete),
    undefined,
    { timeout: 30000 },
  );
  // The reports load MathJax from the project's node_modules (scripts/report.js): wait until it
  // has typeset the page, so a PDF never catches raw $...$ half-way.
  await page.evaluate(
    () =>
      new Promise((resolve) => {
        const mathJax = /** @type {any} */ (globalThis).MathJax;
        if (!mathJax || !mathJax.Hub) return resolve(undefined);
        mathJax.Hub.Queue(() => resolve(undefined));
      }),
  );
  return page.evaluate(() => {
    const doc = /** @type {any} */ (globalThis).document;
    /** @type {any[]} */
    const imgs = Array.from(doc.images);
    return {
      images: imgs.length,
      broken: imgs.filter((img) => img.naturalWidth === 0).length,
      mathJaxLoaded: Boolean(/** @type {any} */ (globalThis).MathJax?.Hub),
      typesetMath: doc.querySelectorAll('.MathJax_CHTML, .mjx-chtml').length,
    };
  });
}

/**
 * Prints one HTML report to a PDF file with Chromium's print engine (A4, backgrounds on).
 * options.css: extra style sheet (the PDF test hides the charts with it to see what they add).
 * @param {Browser} browser
 * @param {string} htmlFile
 * @param {string} pdfFile
 * @param {{ css?: string }} [options]
 * @returns {Promise<ReportStats>}
 */
async function printPdf(browser, htmlFile, pdfFile, options = {}) {
  const page = await browser.newPage();
  try {
    const stats = await loadReport(page, htmlFile);
    if (stats.broken > 0) throw new Error(`${htmlFile}: ${stats.broken} of ${stats.images} images failed to load`);
    if (options.css) await page.addStyleTag({ content: options.css });
    await page.emulateMedia({ media: 'print' });
    await page.pdf({
      path: pdfFile,
      format: 'A4',
      printBackground: true,
      margin: { top: '12mm', bottom: '12mm', left: '10mm', right: '10mm' },
    });
    return stats;
  } finally {
    await page.close().catch(() => undefined);
  }
}

module.exports = { launchChromium, printPdf, loadReport, offline };

if (require.main === module) {
  const files = process.argv.slice(2);
  if (files.length === 0) {
    console.error('usage: node scripts/print-pdf.js REPORT.html [...]');
    process.exit(2);
  }
  (async () => {
    const handle = await launchChromium({ log: (line) => console.log(`[pdf] ${line}`) });
    console.log(`[pdf] browser: ${handle.description}`);
    let failures = 0;
    try {
      for (const html of files) {
        const pdf = html.replace(/\.html?$/i, '') + '.pdf';
        try {
          const t0 = Date.now();
          const stats = await printPdf(handle.browser, html, pdf);
          console.log(`[pdf] wrote ${path.relative(process.cwd(), pdf)} (${stats.images} images, ${Date.now() - t0} ms)`);
        } catch (error) {
          failures += 1;
          console.error(`[pdf] ${html}: ${error instanceof Error ? error.message : error}`);
        }
      }
    } finally {
      await handle.close();
    }
    process.exit(failures === 0 ? 0 : 1);
  })().catch((error) => {
    console.error(`[pdf] ${error instanceof Error ? error.stack : error}`);
    process.exit(1);
  });
}

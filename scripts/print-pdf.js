#!/usr/bin/env node
/*
 * Prints HTML reports (made by scripts/report.js with nbconvert) to PDF with headless Chromium
 * (Debian's /usr/bin/chromium through playwright-core), charts included: each chart is the SVG
 * nbconvert embeds as an <img>; we wait until every image has loaded before printing.
 *
 *   node scripts/print-pdf.js reports/01-theory.html [...]   -> reports/01-theory.pdf [...]
 *   (node scripts/report.js --pdf calls this for every report)
 *
 * Only file:// requests are let through: nbconvert's HTML asks a CDN for require.js and MathJax,
 * which offline would only fail slowly (math then shows as its LaTeX source).
 * Chromium gets a throw-away HOME/XDG folder, so the user's browser profile is never touched.
 * Also a module: { launchChromium, printPdf, CHROMIUM_ARGS }.
 */
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { pathToFileURL } = require('url');

const CHROMIUM = process.env.LIKELIHOOD_LAB_CHROMIUM || '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/** Chromium with HOME and XDG folders in a temp folder; returns { browser, close() }. */
async function launchChromium() {
  const { chromium } = require('playwright-core');
  if (!fs.existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM} (apt-get install chromium)`);
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'likelihood-lab-chromium-'));
  const env = {
    PATH: process.env.PATH || '/usr/bin:/bin',
    HOME: home,
    XDG_CONFIG_HOME: path.join(home, '.config'),
    XDG_CACHE_HOME: path.join(home, '.cache'),
    XDG_DATA_HOME: path.join(home, '.local', 'share'),
    XDG_RUNTIME_DIR: path.join(home, 'runtime'),
  };
  for (const dir of Object.values(env).slice(1)) fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  let browser;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, env, timeout: 60000 });
  } catch (error) {
    fs.rmSync(home, { recursive: true, force: true });
    throw error;
  }
  let closed = false;
  return {
    browser,
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

/** Lets only file:// (and data:) requests through. */
async function offline(page) {
  await page.route('**/*', (route) => {
    const url = route.request().url();
    return url.startsWith('file:') || url.startsWith('data:') ? route.continue() : route.abort();
  });
}

/** Opens an HTML report and waits until every <img> has loaded (or failed) and MathJax is done. Returns stats. */
async function loadReport(page, htmlFile) {
  await offline(page);
  await page.goto(pathToFileURL(path.resolve(htmlFile)).href, { waitUntil: 'load', timeout: 60000 });
  await page.waitForFunction(
    () => Array.from(globalThis.document.images).every((img) => img.complete),
    undefined,
    { timeout: 30000 },
  );
  // The reports load MathJax from the project's node_modules (scripts/report.js): wait until it
  // has typeset the page, so a PDF never catches raw $...$ half-way.
  await page.evaluate(
    () =>
      new Promise((resolve) => {
        const mathJax = globalThis.MathJax;
        if (!mathJax || !mathJax.Hub) return resolve(undefined);
        mathJax.Hub.Queue(() => resolve(undefined));
      }),
  );
  return page.evaluate(() => {
    const doc = globalThis.document;
    const imgs = Array.from(doc.images);
    return {
      images: imgs.length,
      broken: imgs.filter((img) => img.naturalWidth === 0).length,
      mathJaxLoaded: Boolean(globalThis.MathJax && globalThis.MathJax.Hub),
      typesetMath: doc.querySelectorAll('.MathJax_CHTML, .mjx-chtml').length,
    };
  });
}

/**
 * Prints one HTML report to a PDF file with Chromium's print engine (A4, backgrounds on).
 * options.css: extra style sheet (the PDF test hides the charts with it to see what they add).
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

module.exports = { launchChromium, printPdf, loadReport, offline, CHROMIUM, CHROMIUM_ARGS };

if (require.main === module) {
  const files = process.argv.slice(2);
  if (files.length === 0) {
    console.error('usage: node scripts/print-pdf.js REPORT.html [...]');
    process.exit(2);
  }
  (async () => {
    const handle = await launchChromium();
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
          console.error(`[pdf] ${html}: ${error.message}`);
        }
      }
    } finally {
      await handle.close();
    }
    process.exit(failures === 0 ? 0 : 1);
  })().catch((error) => {
    console.error(`[pdf] ${error.stack || error}`);
    process.exit(1);
  });
}

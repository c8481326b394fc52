// @ts-check
/*
 * Which Chromium the project drives (playwright-core), and how to launch it.
 *
 *   1. LIKELIHOOD_LAB_CHROMIUM=/path/to/chrome   that executable (an error if it is missing);
 *   2. LIKELIHOOD_LAB_CHROMIUM=npm               the Chromium shipped in the npm package
 *                                                @sparticuz/chromium, even where a system one exists;
 *   3. otherwise the first of chromium, chromium-browser, google-chrome-stable, google-chrome
 *      found on PATH (Debian's /usr/bin/chromium on our machines);
 *   4. otherwise the npm package's Chromium, so `npm install && npm test` needs no apt-get.
 *
 * The npm Chromium comes brotli-packed in node_modules. The first use unpacks it (~5 s, ~220 MB)
 * into a cache folder per package version, ~/.cache/likelihood-lab/chromium-<version>
 * ($XDG_CACHE_HOME respected), through a temporary folder renamed at the end, so an interrupted
 * unpack is never taken for a finished one. The package also ships the NSS and expat libraries
 * its binary links to (for machines without them: put on LD_LIBRARY_PATH) and Open Sans; a
 * fonts.conf written beside them lets Chromium find those, the system's fonts where there are
 * any, and DejaVu Sans from node_modules (`dejavu-fonts-ttf`), which Debian's browsers use too.
 */
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');

/** Flags for a system Chromium run headless by tests and scripts. */
const SYSTEM_ARGS = [
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
const SYSTEM_NAMES = ['chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome'];
const NPM_PACKAGE = '@sparticuz/chromium';
/*
 * Flags of the npm package meant for AWS Lambda that we leave out: with --single-process the
 * browser exits when its last page closes (a test opens and closes one page per report), and
 * the web-security relaxations would hide what a real browser refuses.
 */
const DROPPED_NPM_ARGS = ['--single-process', '--disable-web-security', '--allow-running-insecure-content'];

/**
 * @typedef {object} ChromiumChoice
 * @property {'system' | 'npm'} source   where the browser comes from
 * @property {string} executablePath     the binary to launch
 * @property {string[]} args             command-line flags for a headless run
 * @property {Record<string, string>} env  extra environment for the browser process
 * @property {string} label              one line naming the browser, for logs and test output
 */

/**
 * An executable named `name` on PATH, or null.
 * @param {string} name
 * @param {string} [searchPath]
 * @returns {string | null}
 */
function onPath(name, searchPath = process.env.PATH || '') {
  for (const dir of searchPath.split(path.delimiter)) {
    if (!dir) continue;
    const file = path.join(dir, name);
    try {
      fs.accessSync(file, fs.constants.X_OK);
      if (fs.statSync(file).isFile()) return file;
    } catch {
      /* not here */
    }
  }
  return null;
}

/**
 * The system Chromium LIKELIHOOD_LAB_CHROMIUM or PATH names, or null when the npm one is to be used.
 * @param {NodeJS.ProcessEnv} [env]
 * @returns {string | null}
 */
function systemChromium(env = process.env) {
  const wanted = env.LIKELIHOOD_LAB_CHROMIUM;
  if (wanted === 'npm') return null;
  if (wanted) {
    if (!fs.existsSync(wanted)) {
      throw new Error(`LIKELIHOOD_LAB_CHROMIUM=${wanted}: no such file (unset it to use the Chromium on PATH or from npm)`);
    }
    return wanted;
  }
  for (const name of SYSTEM_NAMES) {
    const found = onPath(name, env.PATH);
    if (found) return found;
  }
  return null;
}

/** @returns {string} ~/.cache/likelihood-lab (or under $XDG_CACHE_HOME) */
function cacheRoot() {
  const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(base, 'likelihood-lab');
}

/**
 * The fontconfig file for the npm Chromium: system font folders where they exist (and the
 * system's aliases), DejaVu from node_modules, the package's Open Sans.
 * @param {string} dir the unpacked package folder
 * @returns {string}
 */
function fontsConf(dir) {
  const dejavu = path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
  const dirs = ['/usr/share/fonts', '/usr/local/share/fonts', dejavu, path.join(dir, 'fonts', 'fonts')];
  return [
    '<?xml version="1.0"?>',
    '<!DOCTYPE fontconfig SYSTEM "fonts.dtd">',
    '<fontconfig>',
    ...dirs.map((d) => `  <dir>${d}</dir>`),
    `  <cachedir>${path.join(dir, 'fontconfig-cache')}</cachedir>`,
    '  <include ignore_missing="yes">/etc/fonts/conf.d</include>',
    '  <alias><family>sans-serif</family><prefer><family>DejaVu Sans</family></prefer></alias>',
    '  <alias><family>serif</family><prefer><family>DejaVu Sans</family></prefer></alias>',
    '  <alias><family>monospace</family><prefer><family>DejaVu Sans</family></prefer></alias>',
    '</fontconfig>',
    '',
  ].join('\n');
}

/**
 * Unpacks the npm package's Chromium (once per version) and returns how to launch it.
 * @param {(line: string) => void} [log]
 * @returns {Promise<ChromiumChoice>}
 */
async function npmChromium(log = () => undefined) {
  // the package's "exports" hide its package.json from require.resolve: look in node_modules
  const packageJson = (require.resolve.paths(NPM_PACKAGE) || [])
    .map((dir) => path.join(dir, NPM_PACKAGE, 'package.json'))
    .find((file) => fs.existsSync(file));
  if (!packageJson) {
    throw new Error(`no Chromium on PATH and ${NPM_PACKAGE} is not installed: run \`npm install\``);
  }
  const { version } = JSON.parse(fs.readFileSync(packageJson, 'utf8'));
  const bin = path.join(path.dirname(packageJson), 'bin');
  const dir = path.join(cacheRoot(), `chromium-${version}`);
  const executablePath = path.join(dir, 'chromium');
  if (!fs.existsSync(executablePath)) {
    const t0 = Date.now();
    fs.mkdirSync(cacheRoot(), { recursive: true });
    const partial = fs.mkdtempSync(`${dir}.partial-`);
    /** @type {{ inflate(file: string): Promise<string> }} */
    const packaged = await import(NPM_PACKAGE);
    // the package unpacks into os.tmpdir(), read when each inflate starts: point it at our folder
    const tmpdirBefore = process.env.TMPDIR;
    process.env.TMPDIR = partial;
    let unpacking;
    try {
      unpacking = ['chromium.br', 'swiftshader.tar.br', 'fonts.tar.br', 'al2023.tar.br'].map((file) =>
        packaged.inflate(path.join(bin, file)),
      );
    } finally {
      if (tmpdirBefore === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = tmpdirBefore;
    }
    try {
      await Promise.all(unpacking);
      fs.writeFileSync(path.join(partial, 'fonts.conf'), fontsConf(dir));
      fs.rmSync(dir, { recursive: true, force: true });
      fs.renameSync(partial, dir);
    } catch (error) {
      fs.rmSync(partial, { recursive: true, force: true });
      throw error;
    }
    log(`unpacked ${NPM_PACKAGE} ${version} into ${dir} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  }
  /** @type {{ default: { args: string[] } }} */
  const { default: chromium } = await import(NPM_PACKAGE);
  const libs = path.join(dir, 'al2023', 'lib');
  return {
    source: 'npm',
    executablePath,
    args: chromium.args.filter((flag) => !DROPPED_NPM_ARGS.includes(flag)),
    env: {
      LD_LIBRARY_PATH: [libs, dir, process.env.LD_LIBRARY_PATH].filter(Boolean).join(path.delimiter),
      FONTCONFIG_FILE: path.join(dir, 'fonts.conf'),
    },
    label: `Chromium from npm (${NPM_PACKAGE} ${version}, ${executablePath})`,
  };
}

/**
 * The Chromium to use: see the rules at the top of this file.
 * @param {(line: string) => void} [log]
 * @returns {Promise<ChromiumChoice>}
 */
async function findChromium(log) {
  const system = systemChromium();
  if (system)
    return { source: 'system', executablePath: system, args: SYSTEM_ARGS, env: {}, label: `system Chromium (${system})` };
  return npmChromium(log);
}

module.exports = { findChromium, systemChromium, npmChromium, onPath, SYSTEM_ARGS };

if (require.main === module) {
  // node scripts/chromium.js  -> which browser, unpacking the npm one if that is the choice
  findChromium((line) => console.log(`[chromium] ${line}`)).then(
    (choice) => console.log(`[chromium] ${choice.label}`),
    (error) => {
      console.error(`[chromium] ${error.message}`);
      process.exit(1);
    },
  );
}

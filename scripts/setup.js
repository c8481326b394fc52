#!/usr/bin/env node
/*
 * Likelihood Lab set-up, idempotent: run it as often as you like; a second run changes nothing.
 *
 *   1. checks the Node dependencies are installed (`npm install` comes first, see README);
 *   2. a project-local Python virtual environment `.venv` with the pinned Jupyter stack
 *      (requirements.txt), re-installed only when requirements.txt changes;
 *   3. the tslab TypeScript kernel registered inside `.venv` only, started through an absolute
 *      path (a small launcher script), so nothing has to be on PATH and the user's global
 *      Jupyter is untouched;
 *   4. @tensorflow/tfjs-node made to load natively: its own install script where Google's storage
 *      host is reachable, otherwise libtensorflow from PyPI's tensorflow-cpu wheel (cached in the
 *      user's cache folder); if both fail the lib still runs on the pure-JS backend and we say so;
 *   5. the lib built with tsc (dist/), the package's main entry.
 * Also: the kernel launcher starts tslab through scripts/kernel/ (protocol fixes, pinned to tslab
 * 1.0.22, checked here), and the graders' tools get papermill's TypeScript translator
 * (python/likelihood-lab-jupyter) in .venv.
 */
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const crypto = require('crypto');
const dns = require('dns');
const { spawnSync } = require('child_process');

const root = path.resolve(__dirname, '..');
const venv = path.join(root, '.venv');
const venvPython = path.join(venv, 'bin', 'python');
const requirements = path.join(root, 'requirements.txt');
const tfjsNodeDir = path.join(root, 'node_modules', '@tensorflow', 'tfjs-node');
const TENSORFLOW_WHEEL = { name: 'tensorflow-cpu', version: '2.21.0' };
const LIBTENSORFLOW_VERSION = '2.9.1'; // the file name tfjs-node 4.22 links against

const cacheDir = path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'likelihood-lab');

function log(line) {
  console.log(`[setup] ${line}`);
}

function fail(line) {
  console.error(`[setup] ERROR: ${line}`);
  process.exit(1);
}

function run(cmd, args, options = {}) {
  const result = spawnSync(cmd, args, { stdio: 'inherit', ...options });
  if (result.error) fail(`${cmd} ${args.join(' ')}: ${result.error.message}`);
  if (result.status !== 0) fail(`${cmd} ${args.join(' ')} exited with ${result.status}`);
  return result;
}

function sha256(file) {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

function findPython() {
  for (const candidate of [process.env.PYTHON, 'python3', 'python'].filter(Boolean)) {
    const probe = spawnSync(candidate, ['-c', 'import sys, venv; print(sys.version_info >= (3, 10))'], {
      encoding: 'utf8',
    });
    if (probe.status === 0 && probe.stdout.trim() === 'True') return candidate;
  }
  fail('Python 3.10+ with the venv module is needed (set PYTHON=/path/to/python3)');
}

function checkNodeModules() {
  for (const pkg of ['tslab', '@tensorflow/tfjs', '@tensorflow/tfjs-node', 'vega', 'vega-lite', 'typescript']) {
    if (!fs.existsSync(path.join(root, 'node_modules', pkg, 'package.json'))) {
      fail(`node_modules/${pkg} is missing: run \`npm install\` first (the README's commands do)`);
    }
  }
  log('node dependencies: present');
}

function ensureVenv() {
  const stamp = path.join(venv, '.likelihood-lab-requirements.sha256');
  const want = sha256(requirements);
  if (fs.existsSync(venvPython) && fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === want) {
    log('python environment: .venv up to date with requirements.txt');
    return;
  }
  if (!fs.existsSync(venvPython)) {
    log('python environment: creating .venv');
    run(findPython(), ['-m', 'venv', venv]);
  }
  log('python environment: installing requirements.txt into .venv');
  run(venvPython, ['-m', 'pip', 'install', '--disable-pip-version-check', '-q', '-r', requirements]);
  fs.writeFileSync(stamp, want);
}

function ensureKernel() {
  // A launcher with absolute paths: Jupyter starts it without needing node or tslab on PATH. It
  // starts tslab through scripts/kernel/tslab-kernel.js, which makes tslab 1.0.22 speak the
  // protocol (error messages, stop_on_error, kernel_info status): check its pins first, loudly.
  const wrapper = path.join(root, 'scripts', 'kernel', 'tslab-kernel.js');
  const check = spawnSync(process.execPath, [wrapper, '--check'], { encoding: 'utf8' });
  if (check.status !== 0) fail(`kernel: ${(check.stderr || check.stdout || '').trim()}`);
  const launcher = path.join(venv, 'bin', 'likelihood-lab-tslab');
  const tslabBin = path.join(root, 'node_modules', 'tslab', 'bin', 'tslab');
  const script = `#!/bin/sh\n# Written by scripts/setup.js: starts the project's tslab kernel (scripts/kernel/) with this project's node.\nexec "${process.execPath}" "${wrapper}" "$@"\n`;
  const kernelJson = path.join(venv, 'share', 'jupyter', 'kernels', 'tslab', 'kernel.json');
  const current = fs.existsSync(launcher) ? fs.readFileSync(launcher, 'utf8') : '';
  let registered;
  try {
    registered = JSON.parse(fs.readFileSync(kernelJson, 'utf8')).argv[0] === launcher;
  } catch {
    registered = false;
  }
  if (current === script && registered) {
    log(`kernel: tslab registered in .venv (${path.relative(root, kernelJson)}), protocol wrapper for tslab 1.0.22`);
    return;
  }
  fs.writeFileSync(launcher, script, { mode: 0o755 });
  run(process.execPath, [tslabBin, 'install', `--python=${venvPython}`, '--sys-prefix', `--binary=${launcher}`], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  log(`kernel: tslab registered in .venv only (${path.relative(root, kernelJson)})`);
}

// The graders' tools (README "For graders") need our small Python package in .venv: papermill's
// TypeScript translator (python/likelihood-lab-jupyter, installed editable, re-installed when its
// files change). nbgrader's JupyterLab and server extensions (formgrader, assignment list) are
// switched off inside .venv so JupyterLab stays as students know it; the nbgrader command line
// works without them.
function ensureGraderTools() {
  const pkg = path.join(root, 'python', 'likelihood-lab-jupyter');
  const files = [
    'pyproject.toml',
    ...fs
      .readdirSync(path.join(pkg, 'likelihood_lab_jupyter'))
      .filter((f) => f.endsWith('.py'))
      .map((f) => `likelihood_lab_jupyter/${f}`),
  ];
  const hash = crypto.createHash('sha256');
  for (const file of files.sort()) hash.update(file).update(fs.readFileSync(path.join(pkg, file)));
  const want = hash.digest('hex');
  const stamp = path.join(venv, '.likelihood-lab-jupyter.sha256');
  let did = 'present';
  if (!fs.existsSync(stamp) || fs.readFileSync(stamp, 'utf8') !== want) {
    run(venvPython, ['-m', 'pip', 'install', '--disable-pip-version-check', '-q', '--no-deps', '-e', pkg]);
    fs.writeFileSync(stamp, want);
    did = 'installed';
  }
  const configD = path.join(venv, 'etc', 'jupyter', 'jupyter_server_config.d');
  for (const ext of ['formgrader', 'validate_assignment', 'assignment_list', 'course_list']) {
    const name = `nbgrader.server_extensions.${ext}`;
    const file = path.join(configD, `${name}.json`);
    const text = `${JSON.stringify({ ServerApp: { jpserver_extensions: { [name]: false } } }, null, 2)}\n`;
    if (!fs.existsSync(file) || fs.readFileSync(file, 'utf8') !== text) {
      fs.mkdirSync(configD, { recursive: true });
      fs.writeFileSync(file, text);
    }
  }
  const pageConfig = path.join(venv, 'etc', 'jupyter', 'labconfig', 'page_config.json');
  let page;
  try {
    page = JSON.parse(fs.readFileSync(pageConfig, 'utf8'));
  } catch {
    page = {};
  }
  if (!page.disabledExtensions || page.disabledExtensions['@jupyter/nbgrader'] !== true) {
    page.disabledExtensions = { ...(page.disabledExtensions || {}), '@jupyter/nbgrader': true };
    fs.mkdirSync(path.dirname(pageConfig), { recursive: true });
    fs.writeFileSync(pageConfig, `${JSON.stringify(page, null, 2)}\n`);
  }
  log(`graders' tools: papermill TypeScript translator ${did} in .venv; nbgrader's JupyterLab extensions off`);
}

function nativeLoads() {
  const probe = spawnSync(
    process.execPath,
    ['-e', "const tf = require('@tensorflow/tfjs-node'); if (tf.getBackend() !== 'tensorflow') process.exit(3)"],
    { cwd: root, encoding: 'utf8', env: { ...process.env, TF_CPP_MIN_LOG_LEVEL: '2' } },
  );
  return probe.status === 0;
}

function resolves(host) {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), 5000);
    dns.lookup(host, (err) => {
      clearTimeout(timer);
      resolve(!err);
    });
  });
}

function nodeGypEnv() {
  const env = { ...process.env };
  env.PATH = `${path.join(root, 'node_modules', '.bin')}${path.delimiter}${path.dirname(process.execPath)}${path.delimiter}${env.PATH || ''}`;
  // node-gyp needs Node's headers; without npm's nodedir it would try to download them.
  if (!env.npm_config_nodedir) {
    const prefix = path.resolve(path.dirname(process.execPath), '..');
    if (fs.existsSync(path.join(prefix, 'include', 'node', 'node_api.h'))) env.npm_config_nodedir = prefix;
  }
  if (!env.npm_config_node_gyp) {
    const npmPrefix = spawnSync('npm', ['prefix', '-g'], { encoding: 'utf8' }).stdout?.trim();
    const gyp = npmPrefix && path.join(npmPrefix, 'lib', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js');
    if (gyp && fs.existsSync(gyp)) env.npm_config_node_gyp = gyp;
  }
  return env;
}

function runTfjsNodeInstallScript(extraEnv = {}) {
  const result = spawnSync(process.execPath, ['scripts/install.js'], {
    cwd: tfjsNodeDir,
    env: { ...nodeGypEnv(), ...extraEnv },
    encoding: 'utf8',
    timeout: 15 * 60 * 1000,
  });
  return { ok: result.status === 0, output: `${result.stdout || ''}${result.stderr || ''}` };
}

function findCachedWheel() {
  const dir = path.join(cacheDir, 'wheels');
  if (!fs.existsSync(dir)) return null;
  const prefix = `${TENSORFLOW_WHEEL.name.replace('-', '_')}-${TENSORFLOW_WHEEL.version}-`;
  const wheel = fs.readdirSync(dir).find((f) => f.startsWith(prefix) && f.endsWith('.whl'));
  return wheel ? path.join(dir, wheel) : null;
}

function installLibtensorflowFromWheel() {
  let wheel = findCachedWheel();
  if (wheel) {
    log(`tfjs-node: using the cached ${path.basename(wheel)}`);
  } else {
    const dir = path.join(cacheDir, 'wheels');
    fs.mkdirSync(dir, { recursive: true });
    log(`tfjs-node: downloading ${TENSORFLOW_WHEEL.name}==${TENSORFLOW_WHEEL.version} from PyPI (~270 MB, once) into ${dir}`);
    run(venvPython, [
      '-m',
      'pip',
      'download',
      '--disable-pip-version-check',
      '-q',
      '--no-deps',
      '--only-binary=:all:',
      `${TENSORFLOW_WHEEL.name}==${TENSORFLOW_WHEEL.version}`,
      '-d',
      dir,
    ]);
    wheel = findCachedWheel();
    if (!wheel) fail(`pip download did not leave a ${TENSORFLOW_WHEEL.name} wheel in ${dir}`);
  }
  const deps = path.join(tfjsNodeDir, 'deps');
  const lib = path.join(deps, 'lib');
  fs.rmSync(deps, { recursive: true, force: true });
  fs.mkdirSync(lib, { recursive: true });
  // The wheel is a zip: take the two shared libraries and the whole include tree.
  const extract = `
import sys, zipfile, shutil, os
wheel, deps, version = sys.argv[1:4]
with zipfile.ZipFile(wheel) as z:
    for name in z.namelist():
        if name.startswith('tensorflow/include/') and not name.endswith('/'):
            target = os.path.join(deps, 'include', name[len('tensorflow/include/'):])
            os.makedirs(os.path.dirname(target), exist_ok=True)
            with z.open(name) as src, open(target, 'wb') as dst:
                shutil.copyfileobj(src, dst)
    for member, base in (('tensorflow/libtensorflow_cc.so.2', 'libtensorflow'),
                         ('tensorflow/libtensorflow_framework.so.2', 'libtensorflow_framework')):
        with z.open(member) as src, open(os.path.join(deps, 'lib', base + '.so.' + version), 'wb') as dst:
            shutil.copyfileobj(src, dst)
`;
  run(venvPython, ['-c', extract, wheel, deps, LIBTENSORFLOW_VERSION]);
  const links = {
    'libtensorflow.so': `libtensorflow.so.${LIBTENSORFLOW_VERSION}`,
    'libtensorflow.so.2': `libtensorflow.so.${LIBTENSORFLOW_VERSION}`,
    'libtensorflow_cc.so.2': `libtensorflow.so.${LIBTENSORFLOW_VERSION}`,
    'libtensorflow_framework.so': `libtensorflow_framework.so.${LIBTENSORFLOW_VERSION}`,
    'libtensorflow_framework.so.2': `libtensorflow_framework.so.${LIBTENSORFLOW_VERSION}`,
  };
  for (const [link, target] of Object.entries(links)) fs.symlinkSync(target, path.join(lib, link));
  log("tfjs-node: compiling the native binding against the wheel's libtensorflow (node-gyp, ~1 min)");
  const built = runTfjsNodeInstallScript();
  if (!built.ok) {
    console.error(built.output.split('\n').slice(-30).join('\n'));
    return false;
  }
  return nativeLoads();
}

async function ensureNativeTensorflow() {
  if (process.env.LIKELIHOOD_LAB_SKIP_NATIVE === '1') {
    log('tfjs-node: skipped (LIKELIHOOD_LAB_SKIP_NATIVE=1); the lib runs on the pure-JS cpu backend');
    return;
  }
  if (nativeLoads()) {
    log('tfjs-node: native backend already installed (loads as "tensorflow")');
    return;
  }
  if (await resolves('storage.googleapis.com')) {
    log("tfjs-node: running its own install script (libtensorflow from Google's storage host)");
    const own = runTfjsNodeInstallScript();
    if (own.ok && nativeLoads()) {
      log("tfjs-node: native backend installed by its own script (Google's libtensorflow)");
      return;
    }
    log("tfjs-node: its own install script failed; falling back to PyPI's tensorflow-cpu wheel");
  } else {
    log("tfjs-node: Google's storage host is unreachable; using libtensorflow from PyPI's tensorflow-cpu wheel");
  }
  if (installLibtensorflowFromWheel()) {
    log(`tfjs-node: native backend installed from the ${TENSORFLOW_WHEEL.name} ${TENSORFLOW_WHEEL.version} wheel`);
    return;
  }
  console.error(
    '\n' +
      '************************************************************************************\n' +
      '* Likelihood Lab: the native TensorFlow backend (@tensorflow/tfjs-node) could NOT be *\n' +
      '* installed. Everything still works on the pure-JS cpu backend, only slower.       *\n' +
      '* Fix: see README "Troubleshooting: offline tfjs-node", then run `npm run setup`.    *\n' +
      '************************************************************************************\n',
  );
}

function buildLib() {
  // A clean build: tsc never deletes outputs of moved or deleted sources, which would linger as
  // importable modules and stale tests.
  fs.rmSync(path.join(root, 'dist'), { recursive: true, force: true });
  run(process.execPath, [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', path.join(root, 'tsconfig.json')], {
    cwd: root,
  });
  log('lib: built into dist/ (main entry dist/lib/index.js)');
}

// Notebooks import the library by its package name (`import * as lab from 'likelihood-lab'`), so
// a notebook copied to another folder of the project, or a grader's course folder that links the
// package, still finds it. npm does not link a package to itself: we do, inside node_modules.
function ensureSelfLink() {
  const link = path.join(root, 'node_modules', 'likelihood-lab');
  let current;
  try {
    current = fs.readlinkSync(link);
  } catch {
    current = null;
  }
  if (current === '..') {
    log('package link: node_modules/likelihood-lab -> project root (present)');
    return;
  }
  fs.rmSync(link, { recursive: true, force: true });
  fs.symlinkSync('..', link, 'dir');
  log('package link: node_modules/likelihood-lab -> project root (made)');
}

async function main() {
  const started = Date.now();
  checkNodeModules();
  ensureSelfLink();
  ensureVenv();
  ensureKernel();
  ensureGraderTools();
  await ensureNativeTensorflow();
  buildLib();
  log(`done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

main().catch((error) => fail(error.stack || String(error)));

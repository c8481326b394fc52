// @ts-check
/*
 * Starts the project's JupyterLab (.venv/bin/jupyter lab) for tests and scripts.
 *
 *   const { startLab } = require('./lab-server');
 *   const lab = await startLab({ rootDir: 'notebooks' });   // { url, token, port, stop() }
 *   ...  open `${lab.url}lab/tree/x.ipynb?reset&token=${lab.token}`
 *   await lab.stop();                                        // always; safe to call twice
 *
 * Isolated by default: 127.0.0.1, a free port, a random token, and HOME, JUPYTER_CONFIG_DIR,
 * JUPYTER_DATA_DIR, JUPYTER_RUNTIME_DIR, JUPYTERLAB_SETTINGS_DIR and JUPYTERLAB_WORKSPACES_DIR in a
 * fresh temporary folder, so the user's Jupyter and browser config are never read nor written.
 * Notebook checkpoints go there too (JupyterLab writes one for every notebook it opens).
 * Settings written there: no news pop-up, no update check, and (unless `autosave: true`) no
 * autosave, so a test that runs a notebook never writes over the committed file.
 * The tslab kernelspec lives inside .venv (sys.prefix), which Jupyter finds regardless.
 *
 * `isolated: false` (used by `npm run lab`) keeps the user's own HOME and Jupyter settings.
 *
 * stop(): asks the server to shut down (kernels included), then kills the server's process
 * group, then any kernel still running from our runtime folder (kernels run in their own
 * session, so killing the server's group alone would leave them behind), and removes the
 * temporary folder.
 */
'use strict';
const fs = require('fs');
const os = require('os');
const net = require('net');
const path = require('path');
const http = require('http');
const crypto = require('crypto');
const { spawn } = require('child_process');

const root = path.resolve(__dirname, '..');
const jupyter = path.join(root, '.venv', 'bin', 'jupyter');

/**
 * A running JupyterLab, as {@link startLab} returns it.
 * @typedef {object} LabServer
 * @property {string} url       e.g. http://127.0.0.1:41234/
 * @property {string} token
 * @property {number} port
 * @property {string} rootDir   the folder it serves
 * @property {number | undefined} pid
 * @property {() => Promise<void>} stop  shuts it down (kernels included); safe to call twice
 * @property {Promise<Exit>} exited       resolves when the server process exits
 * @property {() => string} log            the last 20,000 characters of its log (when kept in memory)
 */

/**
 * @typedef {{ code: number | null, signal: NodeJS.Signals | null }} Exit
 */

/**
 * Options of {@link startLab}.
 * @typedef {object} StartLabOptions
 * @property {string} [rootDir]     folder JupyterLab serves (default: <project>/notebooks)
 * @property {number} [port]        default: a free port
 * @property {string} [token]       default: random
 * @property {boolean} [isolated]   default true: temp HOME and Jupyter dirs
 * @property {boolean} [autosave]   default false (isolated only)
 * @property {boolean} [exposeApp]  default true: window.jupyterapp for tests
 * @property {number} [timeoutMs]   how long to wait for /api/status (default 60 s)
 * @property {boolean | string} [log] true: server log to stderr; a path: into that file;
 *                                  default: kept in memory and shown if start fails
 */

/**
 * A TCP port free on `host` right now.
 * @param {string} [host]
 * @returns {Promise<number>}
 */
function freePort(host = '127.0.0.1') {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, host, () => {
      const { port } = /** @type {import('net').AddressInfo} */ (server.address());
      server.close(() => resolve(port));
    });
  });
}

/**
 * An HTTP request that never rejects: status 0 and the error's message when it fails.
 * @param {string} url
 * @param {{ method?: string, timeoutMs?: number }} [options]
 * @returns {Promise<{ status: number, body: string }>}
 */
function request(url, { method = 'GET', timeoutMs = 2000 } = {}) {
  return new Promise((resolve) => {
    const req = http.request(url, { method, timeout: timeoutMs }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode || 0, body }));
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', (error) => resolve({ status: 0, body: String(error.message) }));
    req.end();
  });
}

/** @param {number} ms */
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Resolves with `promise`'s value or `undefined` after `ms`, without leaving a timer behind.
 * @template T
 * @param {Promise<T>} promise
 * @param {number} ms
 * @returns {Promise<T | undefined>}
 */
function within(promise, ms) {
  /** @type {NodeJS.Timeout | undefined} */
  let timer;
  const timeout = new Promise((r) => (timer = setTimeout(r, ms)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * @param {string} file
 * @param {unknown} value
 */
function writeJson(file, value) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(value, null, 2));
}

/**
 * Settings for an isolated lab: no news, no update check, optionally no autosave.
 * @param {string} settingsDir
 * @param {{ autosave: boolean }} options
 */
function writeSettings(settingsDir, { autosave }) {
  writeJson(path.join(settingsDir, '@jupyterlab', 'apputils-extension', 'notification.jupyterlab-settings'), {
    fetchNews: 'false',
    checkForUpdates: false,
  });
  writeJson(path.join(settingsDir, '@jupyterlab', 'docmanager-extension', 'plugin.jupyterlab-settings'), {
    autosave,
  });
}

/**
 * pids of processes whose command line mentions `needle` (our kernels name their connection file).
 * @param {string} needle
 * @returns {number[]}
 */
function pidsMentioning(needle) {
  /** @type {number[]} */
  const found = [];
  /** @type {string[]} */
  let entries;
  try {
    entries = fs.readdirSync('/proc');
  } catch {
    return found;
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      const cmdline = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (cmdline.includes(needle)) found.push(Number(entry));
    } catch {
      /* gone */
    }
  }
  return found;
}

/** @param {number} pid */
function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * @param {number} pid
 * @param {NodeJS.Signals} signal
 */
function killGroupOrPid(pid, signal) {
  try {
    process.kill(-pid, signal);
    return;
  } catch {
    /* not a group leader */
  }
  try {
    process.kill(pid, signal);
  } catch {
    /* gone */
  }
}

/**
 * The server's environment: the caller's, plus (isolated) HOME and every Jupyter folder in `tmp`,
 * with the lab's settings written there. The runtime folder (connection files) is always ours:
 * it is how stop() finds stray kernels.
 * @param {string} tmp
 * @param {{ isolated: boolean, autosave: boolean }} options
 * @returns {NodeJS.ProcessEnv & { JUPYTER_RUNTIME_DIR: string }}
 */
function labEnvironment(tmp, { isolated, autosave }) {
  const runtime = path.join(tmp, 'runtime');
  /** @type {NodeJS.ProcessEnv & { JUPYTER_RUNTIME_DIR: string }} */
  const env = { ...process.env, TF_CPP_MIN_LOG_LEVEL: process.env.TF_CPP_MIN_LOG_LEVEL || '2', JUPYTER_RUNTIME_DIR: runtime };
  if (isolated) {
    const home = path.join(tmp, 'home');
    Object.assign(env, {
      HOME: home,
      JUPYTER_CONFIG_DIR: path.join(tmp, 'config'),
      JUPYTER_DATA_DIR: path.join(tmp, 'data'),
      JUPYTERLAB_SETTINGS_DIR: path.join(tmp, 'settings'),
      JUPYTERLAB_WORKSPACES_DIR: path.join(tmp, 'workspaces'),
      XDG_CONFIG_HOME: path.join(home, '.config'),
      XDG_CACHE_HOME: path.join(home, '.cache'),
      XDG_DATA_HOME: path.join(home, '.local', 'share'),
      IPYTHONDIR: path.join(tmp, 'ipython'),
    });
    for (const dir of [home, path.join(tmp, 'config'), path.join(tmp, 'data')]) fs.mkdirSync(dir, { recursive: true });
    writeSettings(path.join(tmp, 'settings'), { autosave });
  }
  fs.mkdirSync(runtime, { recursive: true });
  // the kernel finds tslab through the venv; put the venv first on PATH for anything else
  env.PATH = `${path.dirname(jupyter)}${path.delimiter}${env.PATH || ''}`;
  return env;
}

/**
 * `jupyter lab` arguments: loopback, the port and token, the served folder, no browser, no news.
 * @param {{ port: number, token: string, rootDir: string, tmp: string, isolated: boolean, exposeApp: boolean }} o
 * @returns {string[]}
 */
function labArguments(o) {
  const args = [
    'lab',
    '--no-browser',
    '--ip=127.0.0.1',
    `--port=${o.port}`,
    '--ServerApp.port_retries=0',
    `--IdentityProvider.token=${o.token}`,
    `--ServerApp.root_dir=${o.rootDir}`,
    '--ServerApp.open_browser=False',
    '--LabApp.news_url=',
    '--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate',
  ];
  // JupyterLab makes a checkpoint of every notebook it opens (<folder>/.ipynb_checkpoints/): an
  // isolated lab keeps them in its temp folder, so the served folder is never written to
  if (o.isolated) args.push(`--FileCheckpoints.checkpoint_dir=${path.join(o.tmp, 'checkpoints')}`);
  if (o.exposeApp) args.push('--LabApp.expose_app_in_browser=True');
  if (typeof process.getuid === 'function' && process.getuid() === 0) args.push('--allow-root');
  return args;
}

/**
 * Spawns the server in its own process group, never keeping the caller's event loop alive.
 * Its log goes to stderr (`log: true`), a file (a path) or a 20,000-character memory.
 * @param {string[]} args
 * @param {NodeJS.ProcessEnv} env
 * @param {string} cwd
 * @param {boolean | string | undefined} log
 * @returns {{ child: import('child_process').ChildProcess, exited: Promise<Exit>, hasExited: () => boolean, logText: () => string, closeLog: () => void }}
 */
function spawnLab(args, env, cwd, log) {
  let logText = '';
  const logFd = typeof log === 'string' ? fs.openSync(log, 'a') : null;
  const child = spawn(jupyter, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  /** @param {Buffer} chunk */
  const onData = (chunk) => {
    if (log === true) process.stderr.write(chunk);
    else if (logFd !== null) fs.writeSync(logFd, chunk);
    else logText = (logText + chunk.toString()).slice(-20000);
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  let hasExited = false;
  /** @type {Promise<Exit>} */
  const exited = new Promise((resolve) =>
    child.on('exit', (code, signal) => {
      hasExited = true;
      resolve({ code, signal });
    }),
  );
  child.unref();
  for (const stream of [child.stdout, child.stderr]) /** @type {any} */ (stream)?.unref?.();
  return {
    child,
    exited,
    hasExited: () => hasExited,
    logText: () => logText,
    closeLog: () => {
      if (logFd !== null) fs.closeSync(logFd);
    },
  };
}

/**
 * Shuts a lab down: the shutdown API (kernels included), then SIGTERM and SIGKILL to the server's
 * group, then any kernel still running from our runtime folder (kernels run in their own session,
 * so killing the server's group alone would leave them behind); removes the temporary folder.
 * @param {ReturnType<typeof spawnLab>} server
 * @param {{ url: string, token: string, runtimeDir: string, tmp: string }} where
 */
async function shutDown(server, { url, token, runtimeDir, tmp }) {
  const pid = /** @type {number} */ (server.child.pid);
  try {
    if (!server.hasExited()) {
      await request(`${url}api/shutdown?token=${token}`, { method: 'POST', timeoutMs: 3000 });
      await within(server.exited, 8000);
    }
    if (!server.hasExited()) {
      killGroupOrPid(pid, 'SIGTERM');
      await within(server.exited, 3000);
    }
    if (!server.hasExited()) killGroupOrPid(pid, 'SIGKILL');
    for (let round = 0; round < 2; round += 1) {
      const strays = pidsMentioning(runtimeDir);
      if (strays.length === 0) break;
      for (const stray of strays) killGroupOrPid(stray, round === 0 ? 'SIGTERM' : 'SIGKILL');
      const until = Date.now() + 3000;
      while (Date.now() < until && strays.some(alive)) await sleep(100);
    }
  } finally {
    server.closeLog();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/**
 * Polls /api/status until the server answers 200; throws (with its log) if it exits or times out.
 * @param {ReturnType<typeof spawnLab>} server
 * @param {string} url
 * @param {string} token
 * @param {number} timeoutMs
 */
async function waitUntilUp(server, url, token, timeoutMs) {
  const started = Date.now();
  for (;;) {
    if (server.hasExited()) {
      throw new Error(`jupyter lab exited early (${JSON.stringify(await server.exited)}):\n${server.logText()}`);
    }
    if (Date.now() - started > timeoutMs) {
      throw new Error(`jupyter lab did not answer /api/status within ${timeoutMs} ms:\n${server.logText()}`);
    }
    const res = await request(`${url}api/status?token=${token}`, { timeoutMs: 2000 });
    if (res.status === 200) return;
    await sleep(250);
  }
}

/**
 * Starts the project's JupyterLab and waits until it answers.
 * @param {StartLabOptions} [options]
 * @returns {Promise<LabServer>}
 */
async function startLab(options = {}) {
  if (!fs.existsSync(jupyter)) {
    throw new Error(`lab-server: ${jupyter} is missing: run \`npm run setup\` first`);
  }
  const rootDir = path.resolve(options.rootDir || path.join(root, 'notebooks'));
  const isolated = options.isolated !== false;
  const port = options.port || (await freePort());
  const token = options.token || crypto.randomBytes(24).toString('hex');
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'likelihood-lab-jupyter-'));
  const env = labEnvironment(tmp, { isolated, autosave: options.autosave === true });
  const args = labArguments({ port, token, rootDir, tmp, isolated, exposeApp: options.exposeApp !== false });
  const server = spawnLab(args, env, rootDir, options.log);
  const url = `http://127.0.0.1:${port}/`;
  const where = { url, token, runtimeDir: env.JUPYTER_RUNTIME_DIR, tmp };

  let stopped = false;
  // last resort if the caller dies without stop(): SIGTERM makes Jupyter shut its kernels down
  const onExit = () => {
    if (stopped) return;
    if (!server.hasExited() && server.child.pid) killGroupOrPid(server.child.pid, 'SIGTERM');
    try {
      fs.rmSync(tmp, { recursive: true, force: true });
    } catch {
      /* best effort */
    }
  };
  process.once('exit', onExit);
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    process.removeListener('exit', onExit);
    await shutDown(server, where);
  };
  try {
    await waitUntilUp(server, url, token, options.timeoutMs || 60000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, token, port, rootDir, pid: server.child.pid, stop, exited: server.exited, log: server.logText };
}

module.exports = { startLab, freePort };

if (require.main === module) {
  // smoke test: node scripts/lab-server.js  -> starts, prints the URL, stops
  (async () => {
    const t0 = Date.now();
    const lab = await startLab();
    console.log(`up after ${Date.now() - t0} ms at ${lab.url}?token=${lab.token}`);
    await lab.stop();
    console.log(`stopped after ${Date.now() - t0} ms`);
  })().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}

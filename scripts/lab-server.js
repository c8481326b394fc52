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

function freePort(host = '127.0.0.1') {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, host, () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function request(url, { method = 'GET', timeoutMs = 2000 } = {}) {
  return new Promise((resolve) => {
    const req = http.request(url, { method, timeout: timeoutMs }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode, body }));
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', (error) => resolve({ status: 0, body: String(error.message) }));
    req.end();
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Resolves with `promise`'s value or `undefined` after `ms`, without leaving a timer behind. */
function within(promise, ms) {
  let timer;
  const timeout = new Promise((r) => (timer = setTimeout(r, ms)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function writeJson(file, value) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(value, null, 2));
}

/** Settings for an isolated lab: no news, no update check, optionally no autosave. */
function writeSettings(settingsDir, { autosave }) {
  writeJson(path.join(settingsDir, '@jupyterlab', 'apputils-extension', 'notification.jupyterlab-settings'), {
    fetchNews: 'false',
    checkForUpdates: false,
  });
  writeJson(path.join(settingsDir, '@jupyterlab', 'docmanager-extension', 'plugin.jupyterlab-settings'), {
    autosave,
  });
}

/** pids of processes whose command line mentions `needle` (our kernels name their connection file). */
function pidsMentioning(needle) {
  const found = [];
  let entries = [];
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

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

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
 * @param {object} [options]
 * @param {string} [options.rootDir]     folder JupyterLab serves (default: <project>/notebooks)
 * @param {number} [options.port]        default: a free port
 * @param {string} [options.token]       default: random
 * @param {boolean} [options.isolated]   default true: temp HOME and Jupyter dirs
 * @param {boolean} [options.autosave]   default false (isolated only)
 * @param {boolean} [options.exposeApp]  default true: window.jupyterapp for tests
 * @param {number} [options.timeoutMs]   how long to wait for /api/status (default 60 s)
 * @param {boolean|string} [options.log] true: server log to stderr; a path: into that file;
 *                                        default: kept in memory and shown if start fails
 */
async function startLab(options = {}) {
  if (!fs.existsSync(jupyter)) {
    throw new Error(`lab-server: ${jupyter} is missing: run \`npm run setup\` first`);
  }
  const rootDir = path.resolve(options.rootDir || path.join(root, 'notebooks'));
  const isolated = options.isolated !== false;
  const port = options.port || (await freePort());
  const token = options.token || crypto.randomBytes(24).toString('hex');
  const timeoutMs = options.timeoutMs || 60000;

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'likelihood-lab-jupyter-'));
  const env = { ...process.env, TF_CPP_MIN_LOG_LEVEL: process.env.TF_CPP_MIN_LOG_LEVEL || '2' };
  // the runtime dir (connection files) is always ours: it is how stop() finds stray kernels
  env.JUPYTER_RUNTIME_DIR = path.join(tmp, 'runtime');
  if (isolated) {
    env.HOME = path.join(tmp, 'home');
    env.JUPYTER_CONFIG_DIR = path.join(tmp, 'config');
    env.JUPYTER_DATA_DIR = path.join(tmp, 'data');
    env.JUPYTERLAB_SETTINGS_DIR = path.join(tmp, 'settings');
    env.JUPYTERLAB_WORKSPACES_DIR = path.join(tmp, 'workspaces');
    env.XDG_CONFIG_HOME = path.join(tmp, 'home', '.config');
    env.XDG_CACHE_HOME = path.join(tmp, 'home', '.cache');
    env.XDG_DATA_HOME = path.join(tmp, 'home', '.local', 'share');
    env.IPYTHONDIR = path.join(tmp, 'ipython');
    for (const dir of [env.HOME, env.JUPYTER_CONFIG_DIR, env.JUPYTER_DATA_DIR, env.JUPYTER_RUNTIME_DIR]) {
      fs.mkdirSync(dir, { recursive: true });
    }
    writeSettings(env.JUPYTERLAB_SETTINGS_DIR, { autosave: options.autosave === true });
  } else {
    fs.mkdirSync(env.JUPYTER_RUNTIME_DIR, { recursive: true });
  }
  // the kernel finds tslab through the venv; put the venv first on PATH for anything else
  env.PATH = `${path.dirname(jupyter)}${path.delimiter}${env.PATH || ''}`;

  const args = [
    'lab',
    '--no-browser',
    '--ip=127.0.0.1',
    `--port=${port}`,
    '--ServerApp.port_retries=0',
    `--IdentityProvider.token=${token}`,
    `--ServerApp.root_dir=${rootDir}`,
    '--ServerApp.open_browser=False',
    '--LabApp.news_url=',
    '--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate',
  ];
  // JupyterLab makes a checkpoint of every notebook it opens (<folder>/.ipynb_checkpoints/): an
  // isolated lab keeps them in its temp folder, so the served folder is never written to
  if (isolated) args.push(`--FileCheckpoints.checkpoint_dir=${path.join(tmp, 'checkpoints')}`);
  if (options.exposeApp !== false) args.push('--LabApp.expose_app_in_browser=True');
  if (typeof process.getuid === 'function' && process.getuid() === 0) args.push('--allow-root');

  let logText = '';
  let logFd = null;
  const stdio = ['ignore', 'pipe', 'pipe'];
  if (typeof options.log === 'string') logFd = fs.openSync(options.log, 'a');
  const child = spawn(jupyter, args, { cwd: rootDir, env, stdio, detached: true });
  const onData = (chunk) => {
    if (options.log === true) process.stderr.write(chunk);
    else if (logFd !== null) fs.writeSync(logFd, chunk);
    else logText = (logText + chunk.toString()).slice(-20000);
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  let exited = null;
  const exitPromise = new Promise((resolve) =>
    child.on('exit', (code, signal) => {
      exited = { code, signal };
      resolve(exited);
    }),
  );
  // never keep the caller's event loop alive because of the server
  child.unref();
  child.stdout.unref && child.stdout.unref();
  child.stderr.unref && child.stderr.unref();

  const url = `http://127.0.0.1:${port}/`;
  let stopped = false;
  // last resort if the caller dies without stop(): SIGTERM makes Jupyter shut its kernels down
  const onExit = () => {
    if (stopped) return;
    if (exited === null) killGroupOrPid(child.pid, 'SIGTERM');
    try {
      fs.rmSync(tmp, { recursive: true, force: true });
    } catch {
      /* best effort */
    }
  };
  process.once('exit', onExit);
  async function stop() {
    if (stopped) return;
    stopped = true;
    process.removeListener('exit', onExit);
    try {
      if (exited === null) {
        await request(`${url}api/shutdown?token=${token}`, { method: 'POST', timeoutMs: 3000 });
        await within(exitPromise, 8000);
      }
      if (exited === null) {
        killGroupOrPid(child.pid, 'SIGTERM');
        await within(exitPromise, 3000);
      }
      if (exited === null) killGroupOrPid(child.pid, 'SIGKILL');
      // kernels run in their own session: find them by their connection file in our runtime dir
      for (let round = 0; round < 2; round += 1) {
        const strays = pidsMentioning(env.JUPYTER_RUNTIME_DIR);
        if (strays.length === 0) break;
        for (const pid of strays) killGroupOrPid(pid, round === 0 ? 'SIGTERM' : 'SIGKILL');
        const until = Date.now() + 3000;
        while (Date.now() < until && strays.some(alive)) await sleep(100);
      }
    } finally {
      if (logFd !== null) fs.closeSync(logFd);
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  }

  const started = Date.now();
  try {
    for (;;) {
      if (exited !== null) {
        throw new Error(`jupyter lab exited early (${JSON.stringify(exited)}):\n${logText}`);
      }
      if (Date.now() - started > timeoutMs) {
        throw new Error(`jupyter lab did not answer /api/status within ${timeoutMs} ms:\n${logText}`);
      }
      const res = await request(`${url}api/status?token=${token}`, { timeoutMs: 2000 });
      if (res.status === 200) break;
      await sleep(250);
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, token, port, rootDir, pid: child.pid, stop, exited: exitPromise, log: () => logText };
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

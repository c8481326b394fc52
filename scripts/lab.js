#!/usr/bin/env node
// @ts-check
/*
 * `npm run lab`: opens the project's notebooks in JupyterLab (the one in .venv, with the tslab
 * "TypeScript" kernel) on this machine only (127.0.0.1), with the user's normal Jupyter settings.
 * Prints the URL with its token; runs in the foreground until Ctrl-C.
 *
 *   LAB_PORT=9999 npm run lab     (default port 8888; PORT works too)
 *   npm run lab -- path/to/folder (serve another folder than notebooks/)
 */
'use strict';
const path = require('path');
const { startLab } = require('./lab-server');

const root = path.resolve(__dirname, '..');

async function main() {
  const port = Number(process.env.LAB_PORT || process.env.PORT || 8888);
  const folder = process.argv[2] ? path.resolve(process.argv[2]) : path.join(root, 'notebooks');
  /** @type {import('./lab-server').LabServer} */
  let lab;
  try {
    lab = await startLab({ rootDir: folder, port, isolated: false, exposeApp: false, log: true, timeoutMs: 120000 });
  } catch (error) {
    console.error(`\n[lab] JupyterLab did not start: ${String(error instanceof Error ? error.message : error).split('\n')[0]}`);
    console.error(`[lab] is port ${port} taken? Try LAB_PORT=<another port> npm run lab; is .venv set up? npm run setup`);
    process.exit(1);
  }
  console.log(
    `\n[lab] JupyterLab serves ${path.relative(process.cwd(), folder) || '.'} at:\n\n    ${lab.url}lab?token=${lab.token}\n`,
  );
  console.log('[lab] Ctrl-C stops the server and its kernels.');

  let stopping = false;
  /** @param {string} signal */
  const shutdown = async (signal) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n[lab] ${signal}: stopping JupyterLab ...`);
    await lab.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  const keepAlive = setInterval(() => {}, 1 << 30);
  const exited = await lab.exited;
  clearInterval(keepAlive);
  if (!stopping) {
    console.error(`[lab] JupyterLab exited by itself (${JSON.stringify(exited)})`);
    await lab.stop();
    process.exit(1);
  }
}

main();

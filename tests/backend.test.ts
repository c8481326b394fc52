/**
 * lib/backend.ts in child processes (the backend is chosen once, at load): what it reports on the
 * backend this run forces, and the loud fallback when @tensorflow/tfjs-node cannot load.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { backendInfo, backendSummary, tf } from '../lib/backend';

const backendModule = path.join(__dirname, '..', 'lib', 'backend.js');

/** Loads lib/backend in a fresh node with `env`, optionally making tfjs-node fail to load. */
function loadBackend(env: Record<string, string>, breakNative: boolean) {
  const args: string[] = [];
  if (breakNative) {
    const preload = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'likelihood-lab-backend-')), 'break.js');
    fs.writeFileSync(
      preload,
      "const Module = require('module'); const load = Module._load;\n" +
        "Module._load = function (request, ...rest) { if (request === '@tensorflow/tfjs-node') throw new Error('simulated: libtensorflow.so.2: cannot open shared object file'); return load.call(this, request, ...rest); };\n",
    );
    args.push('--require', preload);
  }
  args.push('-e', `process.stdout.write(JSON.stringify(require(${JSON.stringify(backendModule)}).backendInfo()))`);
  const child = spawnSync(process.execPath, args, { encoding: 'utf8', env: { ...process.env, ...env } });
  return { status: child.status, info: child.status === 0 ? JSON.parse(child.stdout) : null, stderr: child.stderr };
}

describe('backendInfo', () => {
  it('reports the backend TensorFlow.js really runs on, with versions', () => {
    const info = backendInfo();
    assert.equal(info.backend, tf.getBackend());
    assert.equal(info.tfjsVersion, tf.version_core);
    assert.equal(info.nodeVersion, process.version);
    if (process.env.LIKELIHOOD_LAB_BACKEND === 'tensorflow' || process.env.LIKELIHOOD_LAB_BACKEND === 'cpu') {
      assert.equal(info.backend, process.env.LIKELIHOOD_LAB_BACKEND);
    }
    if (info.backend === 'tensorflow') {
      assert.match(String(info.tfjsNodeVersion), /^\d+\.\d+\.\d+$/);
      assert.match(String(info.libtensorflowVersion), /^\d+\.\d+\.\d+/);
    } else {
      assert.equal(info.libtensorflowVersion, null);
    }
  });

  it('returns a copy, so a caller cannot change what the next call reports', () => {
    const first = backendInfo();
    (first as { backend: string }).backend = 'webgl';
    assert.notEqual(backendInfo().backend, 'webgl');
  });
});

describe('backendSummary', () => {
  it('names the backend and every version backendInfo reports, on one line', () => {
    const info = backendInfo();
    const line = backendSummary();
    assert.equal(
      line,
      `backend ${info.backend} | tfjs ${info.tfjsVersion} | tfjs-node ${info.tfjsNodeVersion ?? 'none'} | node ${info.nodeVersion}`,
    );
    assert.ok(!line.includes('\n'));
  });
});

describe('backend choice when @tensorflow/tfjs-node does not load', () => {
  it('falls back to the cpu backend and says so once, loudly, with the fix', () => {
    const run = loadBackend({ LIKELIHOOD_LAB_BACKEND: 'auto' }, true);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.info.backend, 'cpu');
    assert.match(
      run.info.reason,
      /^native addon failed to load \(simulated: libtensorflow\.so\.2: cannot open shared object file\)$/,
    );
    assert.equal(run.stderr.match(/falling back to the SLOW pure-JS cpu backend/g)?.length, 1);
    assert.match(run.stderr, /Fix: run `npm run setup`/);
  });

  it('refuses to start when the native backend is forced but cannot load', () => {
    const run = loadBackend({ LIKELIHOOD_LAB_BACKEND: 'tensorflow' }, true);
    assert.notEqual(run.status, 0);
    assert.match(
      run.stderr,
      /backend requires @tensorflow\/tfjs-node \(LIKELIHOOD_LAB_BACKEND=tensorflow\) but it failed to load: simulated/,
    );
  });

  it('uses the cpu backend without touching tfjs-node when cpu is forced', () => {
    const run = loadBackend({ LIKELIHOOD_LAB_BACKEND: 'cpu' }, true);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.info.backend, 'cpu');
    assert.equal(run.info.reason, 'forced by LIKELIHOOD_LAB_BACKEND=cpu');
    assert.doesNotMatch(run.stderr, /SLOW/);
  });
});

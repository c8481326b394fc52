/**
 * What the set-up promises, checked on the machine it ran on: pins agree, the kernel lives in the
 * project's .venv only and starts by absolute path, the native backend loads, and the package's
 * main entry is the built lib.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(__dirname, '..', '..', '..');
const venvPython = path.join(root, '.venv', 'bin', 'python');

function pins(text: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const match of text.matchAll(/^\s*(?:-\s+)?([A-Za-z0-9_.-]+)==([^\s#]+)/gm)) {
    found.set(match[1].toLowerCase(), match[2]);
  }
  return found;
}

describe('project set-up', () => {
  it('pins the same Python packages, exactly, in requirements.txt and environment.yml', () => {
    const requirements = pins(fs.readFileSync(path.join(root, 'requirements.txt'), 'utf8'));
    const environment = pins(fs.readFileSync(path.join(root, 'environment.yml'), 'utf8'));
    assert.ok(requirements.size >= 3, 'requirements.txt pins at least jupyterlab, nbconvert, nbclient');
    assert.deepEqual([...environment.entries()].sort(), [...requirements.entries()].sort());
    assert.match(requirements.get('jupyterlab') ?? '', /^4\./);
    assert.match(requirements.get('nbconvert') ?? '', /^7\./);
    assert.ok(requirements.has('nbclient'));
  });

  it('asks conda for Node 20 beside the pinned Python stack', () => {
    const environment = fs.readFileSync(path.join(root, 'environment.yml'), 'utf8');
    assert.match(environment, /^\s*-\s*nodejs=20\b/m);
    assert.match(environment, /^\s*-\s*python=3\.\d+/m);
  });

  it('installs the pinned versions into the project virtual environment', () => {
    const requirements = pins(fs.readFileSync(path.join(root, 'requirements.txt'), 'utf8'));
    const script = 'import importlib.metadata as m, json, sys; print(json.dumps({n: m.version(n) for n in sys.argv[1:]}))';
    const probe = spawnSync(venvPython, ['-c', script, ...requirements.keys()], { encoding: 'utf8' });
    assert.equal(probe.status, 0, probe.stderr);
    const installed = JSON.parse(probe.stdout) as Record<string, string>;
    for (const [name, version] of requirements) assert.equal(installed[name], version, name);
  });

  it('registers the tslab kernel inside .venv, started through an absolute path', () => {
    const probe = spawnSync(path.join(root, '.venv', 'bin', 'jupyter'), ['kernelspec', 'list', '--json'], {
      encoding: 'utf8',
    });
    assert.equal(probe.status, 0, probe.stderr);
    const specs = JSON.parse(probe.stdout).kernelspecs as Record<string, { resource_dir: string; spec: { argv: string[] } }>;
    assert.ok(specs.tslab, 'a kernel named tslab is registered');
    assert.ok(specs.tslab.resource_dir.startsWith(path.join(root, '.venv')), specs.tslab.resource_dir);
    const launcher = specs.tslab.spec.argv[0];
    assert.ok(path.isAbsolute(launcher), `kernel argv[0] is absolute: ${launcher}`);
    const script = fs.readFileSync(launcher, 'utf8');
    assert.ok(script.includes(process.execPath), 'the launcher names this node by absolute path');
  });

  it('leaves the user-level Jupyter kernel folders without a tslab kernel from this project', () => {
    const home = process.env.HOME ?? '';
    for (const dir of [
      path.join(home, '.local', 'share', 'jupyter', 'kernels', 'tslab'),
      '/usr/local/share/jupyter/kernels/tslab',
      '/usr/share/jupyter/kernels/tslab',
    ]) {
      if (!fs.existsSync(path.join(dir, 'kernel.json'))) continue;
      const spec = JSON.parse(fs.readFileSync(path.join(dir, 'kernel.json'), 'utf8'));
      assert.ok(!String(spec.argv[0]).startsWith(root), `${dir} points into this project`);
    }
  });

  it(
    'loads @tensorflow/tfjs-node with the native tensorflow backend',
    { skip: process.env.LIKELIHOOD_LAB_SKIP_NATIVE === '1' },
    () => {
      const probe = spawnSync(process.execPath, ['-e', "process.stdout.write(require('@tensorflow/tfjs-node').getBackend())"], {
        cwd: root,
        encoding: 'utf8',
        env: { ...process.env, TF_CPP_MIN_LOG_LEVEL: '2' },
      });
      assert.equal(probe.status, 0, probe.stderr);
      assert.equal(probe.stdout, 'tensorflow');
    },
  );

  it("returns the public API from require('.') at the project root", () => {
    const probe = spawnSync(
      process.execPath,
      [
        '-e',
        "const lab = require('.'); process.stdout.write(JSON.stringify({ info: lab.backendInfo(), f: typeof lab.gaussianMle }))",
      ],
      { cwd: root, encoding: 'utf8', env: { ...process.env, TF_CPP_MIN_LOG_LEVEL: '2', LIKELIHOOD_LAB_BACKEND: 'cpu' } },
    );
    assert.equal(probe.status, 0, probe.stderr);
    const out = JSON.parse(probe.stdout);
    assert.equal(out.f, 'function');
    assert.equal(out.info.backend, 'cpu');
    assert.equal(out.info.reason, 'forced by LIKELIHOOD_LAB_BACKEND=cpu');
  });

  it('refuses an unknown LIKELIHOOD_LAB_BACKEND with a message naming it', () => {
    const probe = spawnSync(process.execPath, ['-e', "require('.')"], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, LIKELIHOOD_LAB_BACKEND: 'webgl' },
    });
    assert.notEqual(probe.status, 0);
    assert.match(probe.stderr, /backend requires LIKELIHOOD_LAB_BACKEND to be 'tensorflow', 'cpu' or 'auto', got 'webgl'/);
  });

  it('runs a second set-up that reinstalls and downloads nothing', () => {
    const kernelJson = path.join(root, '.venv', 'share', 'jupyter', 'kernels', 'tslab', 'kernel.json');
    const before = fs.statSync(kernelJson).mtimeMs;
    const probe = spawnSync(process.execPath, [path.join(root, 'scripts', 'setup.js')], { cwd: root, encoding: 'utf8' });
    assert.equal(probe.status, 0, probe.stderr);
    assert.match(probe.stdout, /python environment: \.venv up to date/);
    assert.match(probe.stdout, /kernel: tslab registered in \.venv \(/);
    assert.match(probe.stdout, /tfjs-node: native backend already installed|LIKELIHOOD_LAB_SKIP_NATIVE/);
    assert.doesNotMatch(probe.stdout, /downloading|installing|compiling|creating/);
    assert.equal(fs.statSync(kernelJson).mtimeMs, before, 'kernel.json untouched');
  });
});

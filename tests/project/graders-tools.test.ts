/**
 * What the set-up promises the graders' tools: the kernel launcher starts tslab through the
 * project's protocol wrapper, whose pins on tslab's internals hold (and a changed tslab file is
 * caught); papermill finds our TypeScript translator in .venv; nbgrader's JupyterLab and server
 * extensions are off inside .venv.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const root = path.resolve(__dirname, '..', '..', '..');
const venvBin = path.join(root, '.venv', 'bin');
const wrapper = path.join(root, 'scripts', 'kernel', 'tslab-kernel.js');

// eslint-disable-next-line @typescript-eslint/no-require-imports
const protocol = require(path.join(root, 'scripts', 'kernel', 'protocol.js')) as {
  TSLAB_VERSION: string;
  WRAPPED_FILES: Record<string, string>;
  verifyTslab(dir: string): string[];
};

describe("graders' tools in the set-up", () => {
  it('starts the registered kernel through the protocol wrapper', () => {
    const launcher = fs.readFileSync(path.join(venvBin, 'likelihood-lab-tslab'), 'utf8');
    assert.ok(launcher.includes(`"${wrapper}"`), launcher);
    const spec = JSON.parse(
      fs.readFileSync(path.join(root, '.venv', 'share', 'jupyter', 'kernels', 'tslab', 'kernel.json'), 'utf8'),
    );
    assert.deepEqual(spec.argv, [path.join(venvBin, 'likelihood-lab-tslab'), 'kernel', '--config-path', '{connection_file}']);
  });

  it("finds tslab's internals as the wrapper expects them (tslab 1.0.22)", () => {
    const check = spawnSync(process.execPath, [wrapper, '--check'], { encoding: 'utf8' });
    assert.equal(check.status, 0, check.stderr);
    assert.match(check.stdout, /tslab 1\.0\.22 internals as expected/);
  });

  it('refuses a tslab whose wrapped files changed, naming the file', () => {
    const tslab = path.join(root, 'node_modules', 'tslab');
    const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'll-tslab-'));
    fs.copyFileSync(path.join(tslab, 'package.json'), path.join(copy, 'package.json'));
    fs.mkdirSync(path.join(copy, 'dist'));
    for (const file of Object.keys(protocol.WRAPPED_FILES)) fs.copyFileSync(path.join(tslab, file), path.join(copy, file));
    assert.deepEqual(protocol.verifyTslab(copy), []);
    fs.appendFileSync(path.join(copy, 'dist', 'jupyter.js'), '\n// a newer tslab\n');
    const problems = protocol.verifyTslab(copy);
    assert.equal(problems.length, 1);
    assert.match(problems[0], /dist\/jupyter\.js changed/);
  });

  it('makes papermill find the TypeScript translator for the tslab kernel', () => {
    const probe = spawnSync(
      path.join(venvBin, 'python'),
      [
        '-c',
        "import papermill.engines\nfrom papermill.translators import papermill_translators as t\nprint(t.find_translator('tslab', 'typescript').codify({'n': 5, 'mean': [1.5, -2]}))",
      ],
      { encoding: 'utf8' },
    );
    assert.equal(probe.status, 0, probe.stderr);
    assert.equal(probe.stdout, '// Parameters\nlet n = 5;\nlet mean = [1.5, -2];\n\n');
  });

  it("switches nbgrader's JupyterLab and server extensions off inside .venv", () => {
    const server = spawnSync(path.join(venvBin, 'jupyter'), ['server', 'extension', 'list'], { encoding: 'utf8' });
    // eslint-disable-next-line no-control-regex -- the list is coloured with ANSI escapes
    const listed = `${server.stdout}${server.stderr}`.replace(/\x1b\[[0-9;]*m/g, '');
    for (const ext of ['formgrader', 'validate_assignment', 'assignment_list', 'course_list']) {
      assert.match(listed, new RegExp(`nbgrader\\.server_extensions\\.${ext} disabled`), ext);
    }
    const page = JSON.parse(fs.readFileSync(path.join(root, '.venv', 'etc', 'jupyter', 'labconfig', 'page_config.json'), 'utf8'));
    assert.equal(page.disabledExtensions['@jupyter/nbgrader'], true);
  });
});

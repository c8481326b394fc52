import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'path';
import { spawnSync } from 'child_process';
import { OPTIMIZER_NAMES } from '../../lib/optimize/fit-gaussian-mean';

const root = path.resolve(__dirname, '..', '..', '..');
const script = path.join(root, 'scripts', 'explore.js');
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS tool outside the compiled tree
const explore = require(script) as {
  parseExploreArgs(argv: string[]): Record<string, unknown>;
  HELP: string;
  OPTIMIZERS: string[];
};

function run(args: string[]) {
  return spawnSync(process.execPath, [script, ...args], { cwd: root, encoding: 'utf8', timeout: 60000 });
}

describe('npm run explore: the command line', () => {
  it('reads the example of its help into settings', () => {
    assert.deepEqual(
      explore.parseExploreArgs([
        '--optimizers',
        'adam,momentum',
        '--lr',
        '0.05',
        '--batch',
        '100',
        '--n',
        '10000',
        '--seed',
        '1',
      ]),
      {
        help: false,
        optimizers: ['adam', 'momentum'],
        learningRate: 0.05,
        objective: 'mean',
        n: 10000,
        batchSize: 100,
        seed: 1,
        steps: 200,
        range: 3,
        batchSurfaces: 3,
        port: 0,
        serveOnly: false,
        exitAfterSeconds: undefined,
      },
    );
  });

  it('defaults to the full batch without mini-batch surfaces, and reads the test mode', () => {
    const settings = explore.parseExploreArgs(['--serve-only', '--exit-after', '2.5', '--objective', 'sum', '--range', '4']);
    assert.deepEqual(settings.optimizers, ['adam', 'momentum']);
    assert.equal(settings.learningRate, 0.05);
    assert.equal(settings.batchSize, 10000);
    assert.equal(settings.batchSurfaces, 0);
    assert.equal(settings.serveOnly, true);
    assert.equal(settings.exitAfterSeconds, 2.5);
    assert.equal(settings.objective, 'sum');
    assert.equal(settings.range, 4);
  });

  it('offers exactly the optimizers the library has', () => {
    assert.deepEqual(explore.OPTIMIZERS, [...OPTIMIZER_NAMES]);
    assert.ok(explore.HELP.includes(OPTIMIZER_NAMES.join(', ')));
  });

  it('prints its help with --help and -h, exit 0', () => {
    for (const flag of ['--help', '-h']) {
      const result = run([flag]);
      assert.equal(result.status, 0);
      assert.equal(result.stdout, explore.HELP);
      assert.match(result.stdout, /^Usage: npm run explore -- \[options\]/);
    }
  });

  it('rejects bad options with one clear line and exit code 2', () => {
    const cases: [string[], string][] = [
      [['--lr', 'abc'], "--lr must be a number > 0, got 'abc'"],
      [['--lr=-1'], "--lr must be a number > 0, got '-1'"],
      [['--lr', '-1'], "--lr: write a value that starts with '-' as --lr=VALUE"],
      [['--lr'], '--lr needs a value'],
      [['--foo'], 'unknown option --foo'],
      [['extra'], 'unexpected argument extra'],
      [['--optimizers', 'adam,sgd'], `--optimizers: unknown optimizer 'sgd' (choose from ${OPTIMIZER_NAMES.join(', ')})`],
      [['--optimizers', 'adam,adam'], "--optimizers lists an optimizer twice: 'adam,adam'"],
      [['--objective', 'max'], "--objective must be 'mean' or 'sum', got 'max'"],
      [['--n', '1'], "--n must be an integer from 2 to 1000000, got '1'"],
      [['--n', '100', '--batch', '101'], "--batch must be an integer from 1 to 100, got '101'"],
      [['--seed', '1.5'], "--seed must be an integer from 0 to 4294967295, got '1.5'"],
      [['--steps', '0'], "--steps must be an integer from 1 to 100000, got '0'"],
      [['--range', '0'], "--range must be a number > 0, got '0'"],
      [['--batch-surfaces', '11'], "--batch-surfaces must be an integer from 0 to 10, got '11'"],
      [['--port', '70000'], "--port must be an integer from 0 to 65535, got '70000'"],
      [['--exit-after', ''], "--exit-after must be a number > 0, got ''"],
    ];
    for (const [args, message] of cases) {
      const result = run(args);
      assert.equal(result.status, 2, `${args.join(' ')}: exit ${result.status}, ${result.stderr}`);
      assert.equal(result.stdout, '');
      assert.equal(result.stderr, `explore: ${message}\nRun \`npm run explore -- --help\` for the options.\n`, args.join(' '));
    }
  });
});

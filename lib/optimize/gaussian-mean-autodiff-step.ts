import type { Optimizer, Scalar, Tensor, Tensor2D, Variable } from '@tensorflow/tfjs';
import { tf } from '../backend';
import type { RowMatrix } from '../data/dense-rows';
import { rowsTensor } from '../data/rows-tensor';
import { disposeOptimizer, makeOptimizer } from './make-optimizer';
import type { OptimizerName } from './types';

/**
 * At most this many float32 entries per block of the uploaded data (8 MB). Every op of a step
 * allocates temporaries the size of its input; glibc's malloc serves blocks above 32 MB with fresh
 * mmap'd pages (unmapped again on free and page-faulted on every reuse), which made one step at
 * n = 10^7 four times slower than ten steps over blocks of 10^6 rows. Below this size the
 * temporaries come from the heap and are reused.
 */
const BLOCK_ENTRIES = 2 ** 21;

/**
 * Data of at most this many entries (n d) keep the starter code's layout, a point per row: there
 * the fixed cost per op dominates and both layouts cost about the same, and this one runs the same
 * float32 operations as a hand-written loop over `L(X, mu, Sigma)`, so the notebooks can check the
 * library against their own loops bit for bit.
 */
const ROW_LAYOUT_ENTRIES = 2 ** 17;

/** Settings of the autodiff step (internal; validated by `fitGaussianMean`). */
export interface AutodiffStepSettings {
  /** The optimizer's update rule and its learning rate. */
  optimizer: OptimizerName;
  learningRate: number;
  /** The starting mean, length d. */
  init: number[];
  /** The constant c of the cost c x sum_i (x_i - mu)^T P (x_i - mu) that the optimizer minimises. */
  factor: number;
  /** Float32 entries per uploaded block (tests set it small to exercise several blocks). Default 2^21. */
  blockEntries?: number;
  /** Largest n d kept in the row layout (tests set it to compare the layouts). Default 2^17. */
  rowLayoutEntries?: number;
}

/** The autodiff step of a fit: call `step` once per step, `dispose` once at the end (internal). */
export interface AutodiffStep {
  /**
   * One optimizer step on the rows `indices` (all rows when null): returns the new mean (entries
   * 0..d-1) and the cost the optimizer saw at the old mean (entry d), as float32.
   */
  step: (indices: number[] | null) => Float32Array;
  /** Frees every tensor of the step (the data, P, mu, the optimizer's state). */
  dispose: () => void;
}

/** How the data sit in tensors: the variable, the batches of a step and a batch's cost (internal). */
interface Layout {
  mu: Variable;
  /** The tensors a step differentiates over (one, or several blocks); made inside the step's tidy. */
  batches: (indices: number[] | null) => Tensor2D[];
  /** c x sum over the batch of (x - mu)^T P (x - mu). */
  cost: (batch: Tensor2D) => Scalar;
}

/**
 * The tensor side of `fitGaussianMean`'s autodiff path: the data uploaded once and a step that
 * minimises c x sum_i (x_i - mu)^T P (x_i - mu) by `optimizer.minimize` (TensorFlow.js autodiff),
 * reading back d + 1 numbers and uploading nothing per step but a mini-batch's indices.
 *
 * Up to 2^17 entries the data keep the starter code's layout and formula, a point per row:
 * c x sum(((X - mu) P) * (X - mu)), the same float32 operations as a loop written by hand. Larger
 * data go into d x m blocks, a point per column, of at most 2^21 entries each: the broadcast of mu
 * then runs along the long axis (three times faster in TensorFlow's kernels than X - mu on n x 2
 * rows) and every temporary stays below glibc's mmap threshold; c P is one float32 matrix (three
 * ops fewer), and several blocks are differentiated one by one (`tf.variableGrads`, so memory stays
 * at one block's tape) with one `optimizer.applyGradients` of the summed gradient. The two layouts
 * agree to float32 rounding.
 *
 * @param matrix the validated data (float32's range checked by the caller)
 * @param precision P = Sigma^-1, d x d (float64; rounded to float32 once)
 * @param settings optimizer, learning rate, start and the cost's constant
 * @returns `{ step, dispose }`; the caller must call `dispose` (also when a step throws)
 * @example
 * const autodiff = createAutodiffStep(matrix, precision, { optimizer: 'gradient-ascent', learningRate: 1e-4, init: [0, 0], factor: 0.5 });
 * try { autodiff.step(null); } finally { autodiff.dispose(); }
 */
export function createAutodiffStep(matrix: RowMatrix, precision: number[][], settings: AutodiffStepSettings): AutodiffStep {
  const { n, d } = matrix;
  const owned: Tensor[] = [];
  let optimizer: Optimizer | null = null;
  try {
    const layout =
      n * d <= (settings.rowLayoutEntries ?? ROW_LAYOUT_ENTRIES)
        ? rowLayout(matrix, precision, settings, owned)
        : columnBlockLayout(matrix, precision, settings, owned);
    const { mu } = layout;
    optimizer = makeOptimizer(settings.optimizer, settings.learningRate);
    const active = optimizer;
    return {
      step: (indices) => {
        const seen = tf.tidy(() => {
          const batch = layout.batches(indices);
          if (batch.length === 1) return active.minimize(() => layout.cost(batch[0]), true, [mu]) as Scalar;
          // Block by block: each block's tape (its forward temporaries) is freed before the next
          // one is taped, so memory stays at one block's worth; the gradient of the sum is the sum
          // of the blocks' gradients.
          let total: Scalar | null = null;
          let gradient: Tensor | null = null;
          for (const block of batch) {
            const { value, grads } = tf.variableGrads(() => layout.cost(block), [mu]);
            total = total === null ? value : (tf.add(total, value) as Scalar);
            gradient = gradient === null ? grads[mu.name] : tf.add(gradient, grads[mu.name]);
          }
          active.applyGradients({ [mu.name]: gradient as Tensor });
          return total as Scalar;
        });
        try {
          const values = new Float32Array(d + 1);
          values.set(mu.dataSync() as Float32Array);
          values[d] = (seen.dataSync() as Float32Array)[0];
          return values;
        } finally {
          seen.dispose();
        }
      },
      dispose: () => {
        disposeOptimizer(active);
        for (const tensor of owned) tensor.dispose();
      },
    };
  } catch (error) {
    disposeOptimizer(optimizer);
    for (const tensor of owned) tensor.dispose();
    throw error;
  }
}

/** The starter code's layout: X as n x d rows, mu of shape [d], c applied to the sum at the end; tensors go to `owned`. */
function rowLayout(matrix: RowMatrix, precision: number[][], settings: AutodiffStepSettings, owned: Tensor[]): Layout {
  const { d } = matrix;
  const data = rowsTensor(matrix);
  if (data !== matrix.tensor) owned.push(data); // a caller's tensor is used as it is, never disposed
  const precisionTensor = tf.tensor2d(precision, [d, d], 'float32');
  owned.push(precisionTensor);
  const factor = tf.scalar(settings.factor, 'float32');
  owned.push(factor);
  const mu: Variable = tf.tidy(() => tf.variable(tf.tensor1d(settings.init, 'float32'), true, undefined, 'float32'));
  owned.push(mu);
  return {
    mu,
    batches: (indices) => [indices === null ? data : tf.gather(data, tf.tensor1d(indices, 'int32'))],
    cost: (batch) => {
      const deviation = tf.sub(batch, mu);
      return tf.mul(tf.sum(tf.mul(tf.matMul(deviation, precisionTensor), deviation)), factor) as Scalar;
    },
  };
}

/** Blocks of d x m columns, a point per column, with c P as one matrix (see `createAutodiffStep`); tensors go to `owned`. */
function columnBlockLayout(matrix: RowMatrix, precision: number[][], settings: AutodiffStepSettings, owned: Tensor[]): Layout {
  const { d } = matrix;
  const blockRows = Math.max(1, Math.floor((settings.blockEntries ?? BLOCK_ENTRIES) / d));
  const blocks = uploadColumnBlocks(matrix, blockRows);
  owned.push(...blocks);
  const scaledPrecision: Tensor2D = tf.tensor2d(
    precision.map((row) => row.map((p) => settings.factor * p)),
    [d, d],
    'float32',
  );
  owned.push(scaledPrecision);
  const mu: Variable = tf.tidy(() => tf.variable(tf.tensor2d(settings.init, [d, 1], 'float32'), true));
  owned.push(mu);
  return {
    mu,
    batches: (indices) => (indices === null ? blocks : [gatherColumns(blocks, blockRows, indices)]),
    cost: (block) => {
      const deviation = tf.sub(block, mu);
      return tf.sum(tf.mul(tf.matMul(scaledPrecision, deviation, true, false), deviation)) as Scalar;
    },
  };
}

/** The data as d x m float32 blocks, a point per column, rounded to float32 once (internal). */
function uploadColumnBlocks(matrix: RowMatrix, blockRows: number): Tensor2D[] {
  const { values, n, d } = matrix;
  const blocks: Tensor2D[] = [];
  try {
    for (let start = 0; start < n; start += blockRows) {
      const m = Math.min(blockRows, n - start);
      const columns = new Float32Array(d * m);
      for (let i = 0; i < m; i++) {
        const row = (start + i) * d;
        for (let j = 0; j < d; j++) columns[j * m + i] = values[row + j];
      }
      blocks.push(tf.tensor2d(columns, [d, m], 'float32'));
    }
    return blocks;
  } catch (error) {
    for (const block of blocks) block.dispose();
    throw error;
  }
}

/** The columns `indices` of the blocked data, in the order drawn within each block (inside a tidy). */
function gatherColumns(blocks: Tensor2D[], blockRows: number, indices: number[]): Tensor2D {
  if (blocks.length === 1) return tf.gather(blocks[0], tf.tensor1d(indices, 'int32'), 1);
  const perBlock: number[][] = blocks.map(() => []);
  for (const index of indices) {
    const block = Math.floor(index / blockRows);
    perBlock[block].push(index - block * blockRows);
  }
  const parts = perBlock.flatMap((local, b) =>
    local.length === 0 ? [] : [tf.gather(blocks[b], tf.tensor1d(local, 'int32'), 1)],
  );
  return parts.length === 1 ? parts[0] : tf.concat(parts, 1);
}

import type { Optimizer, Tensor } from '@tensorflow/tfjs';
import { tf } from '../backend';
import type { OptimizerName } from './fit-gaussian-mean';

/**
 * The TensorFlow.js optimizer behind an {@link OptimizerName}, with tfjs defaults:
 * 'gradient-ascent' = `tf.train.sgd(lr)`, 'momentum' = `tf.train.momentum(lr, 0.9)`,
 * 'nesterov' = `tf.train.momentum(lr, 0.9, true)`, the others `tf.train.<name>(lr)`.
 * The same mapping as `fitGaussianMean`'s, in a file of its own so that the joint fits
 * (`fitGaussian`, `fitBernoulliLogit`) share it. Caller disposes with {@link disposeOptimizer}.
 *
 * @param name an optimizer name (validated by the caller)
 * @param learningRate the step size, > 0 (validated by the caller)
 * @returns a fresh optimizer (caller disposes)
 * @example
 * const optimizer = makeOptimizer('adam', 0.01);
 * disposeOptimizer(optimizer);
 */
export function makeOptimizer(name: OptimizerName, learningRate: number): Optimizer {
  switch (name) {
    case 'gradient-ascent':
      return tf.train.sgd(learningRate);
    case 'momentum':
      return tf.train.momentum(learningRate, 0.9);
    case 'nesterov':
      return tf.train.momentum(learningRate, 0.9, true);
    case 'adagrad':
      return tf.train.adagrad(learningRate);
    case 'adadelta':
      return tf.train.adadelta(learningRate);
    case 'rmsprop':
      return tf.train.rmsprop(learningRate);
    case 'adam':
      return tf.train.adam(learningRate);
    case 'adamax':
      return tf.train.adamax(learningRate);
  }
}

/**
 * Frees an optimizer's state, including the learning-rate scalar that tfjs 4.22's
 * `MomentumOptimizer.dispose()` forgets (it inherits `c` from `SGDOptimizer`).
 *
 * @param optimizer an optimizer from {@link makeOptimizer}, or null (nothing to do)
 * @example
 * disposeOptimizer(makeOptimizer('momentum', 0.1)); // leaves no tensor behind
 */
export function disposeOptimizer(optimizer: Optimizer | null): void {
  if (optimizer === null) return;
  optimizer.dispose();
  const inherited = (optimizer as unknown as { c?: Tensor }).c;
  if (inherited instanceof tf.Tensor && !inherited.isDisposed) inherited.dispose();
}

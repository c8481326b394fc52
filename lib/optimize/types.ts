/**
 * Types shared by the optimisation functions (fits, learning-rate theory, gradient noise), in one
 * place so that every function names the same choices the same way.
 */

/** Which quantity an optimizer maximises: the starter code's sum over the (batch) data, or the mean per point. */
export type Objective = 'sum' | 'mean';

/** Every {@link Objective}, for validation. */
export const OBJECTIVES: readonly Objective[] = ['sum', 'mean'];

/** The TensorFlow.js optimizers the fits can use (see `FitGaussianMeanOptions.optimizer`). */
export type OptimizerName = 'gradient-ascent' | 'momentum' | 'nesterov' | 'adagrad' | 'adadelta' | 'rmsprop' | 'adam' | 'adamax';

/** All optimizer names, in the order the notebooks compare them. */
export const OPTIMIZER_NAMES: readonly OptimizerName[] = [
  'gradient-ascent',
  'momentum',
  'nesterov',
  'adagrad',
  'adadelta',
  'rmsprop',
  'adam',
  'adamax',
];

/** Why a fit stopped. */
export type FitStatus = 'converged' | 'max-steps' | 'diverged';

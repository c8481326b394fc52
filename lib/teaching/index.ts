// Teaching helpers for the notebooks: small float64 functions that turn a point of the theory
// into numbers (underflow of a product of densities, curves over a grid, a derivative-free check
// of closed-form MLEs). Re-exported by lib/index.ts, so notebooks call them as `lab.<name>`.

// Why the log
export { densityProductVersusLogSum } from './density-product';
export type { DensityProductVersusLogSum } from './density-product';

// Grids and curves
export { linspace, argmaxOnGrid } from './grid';
export { bernoulliCurves } from './bernoulli-curves';
export type { BernoulliCurves } from './bernoulli-curves';
export { bernoulliNormalMapCubic, evaluatePolynomial } from './map-cubic';

// Numerical checks of closed forms
export { nelderMeadMaximize } from './nelder-mead';
export type { NelderMeadOptions, NelderMeadResult } from './nelder-mead';
export { linearRegressionLogLikelihood, sampleLinearModel } from './linear-regression-log-likelihood';
export type { LinearModel } from './linear-regression-log-likelihood';

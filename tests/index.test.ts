import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as lab from '../lib/index';

describe('the lib barrel', () => {
  it('re-exports the public API by name', () => {
    const names = [
      'backendInfo',
      'backendSummary',
      'tf',
      'gaussianMle',
      'multivariateGaussianMle',
      'linearRegressionMle',
      'bernoulliMle',
      'bernoulliMap',
      'betaBernoulliPosterior',
      'gaussianLogLikelihood',
      'gaussianLogLikelihoodTensor',
      'logLikelihoodGrid',
      'fitGaussianMean',
      'OPTIMIZER_NAMES',
      'learningRateBound',
      'minibatchGradientVariance',
      'createUniformGenerator',
      'createStandardNormalGenerator',
      'sampleWithoutReplacement',
      'sampleMultivariateNormal',
      'toDenseRows',
      'cholesky',
      'spdInverse',
      'symmetricEigenvalues',
      'compensatedSum',
      'sgdNoiseFloor',
      'meanSquaredDistance',
      'createUpdateRule',
      // Formerly in lib/teaching, now in the folders of their ideas: the names stay public.
      'linspace',
      'argmaxOnGrid',
      'evaluatePolynomial',
      'bernoulliCurves',
      'densityProductVersusLogSum',
      'nelderMeadMaximize',
      'linearRegressionLogLikelihood',
      'sampleLinearModel',
      'bernoulliNormalMapCubic',
    ];
    for (const name of names) assert.ok(name in lab, `${name} missing`);
    assert.equal(typeof lab.backendInfo().backend, 'string');
  });

  it("answers the seed's Task 3 through the barrel", () => {
    const D = [0, 0, 1, 1, 0, 0, 1];
    assert.ok(Math.abs(lab.bernoulliMap(D, { kind: 'normal', mean: 0.5, variance: 0.1 }) - 1 / Math.sqrt(5)) < 1e-12);
    assert.equal(lab.betaBernoulliPosterior(D).predictiveHead, 4 / 9);
  });
});

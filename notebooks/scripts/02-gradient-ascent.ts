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
// # 02 · Gradient ascent on a Gaussian log-likelihood
//
// *Likelihood Lab, Assignment 1.2, Praxis, Task 1.* We sample $n$ points from a 2-D Gaussian $\mathcal{N}(\mu, \Sigma)$ with known $\Sigma$ and find the maximum-likelihood mean $\hat\mu$ numerically, by gradient ascent $\mu_{t+1} = \mu_t + \lambda\, \nabla_\mu L(\mu_t)$ with the gradient from TensorFlow.js automatic differentiation. First we write the loop ourselves, in ten lines, and check that the library's `lab.fitGaussianMean` takes exactly the same steps; from then on we use the library. The closed-form answer, the sample mean, is the target we check against. Then: how does the learning rate $\lambda$ (`learningRate`) affect convergence, and why?
//
// **Run All** takes about a minute or less with the default parameters (measured on two cores shared with other jobs; a few minutes for $n = 10^6$).
//
// **What to change:** the first code cell holds the parameters (random seed, $n$, the true mean, the covariance $\Sigma$, the start $\mu_0$, the learning rate, the step limit and the stopping tolerance). Change them and Run All: the learning rates compared, the chart ranges and titles all follow. Sentences that quote numbers (the factor 0.8 per step, 57 steps, the rates $10^{-3}$ and $5\cdot10^{-4}$) hold for the defaults ($n = 10^4$, $\Sigma = 5I$, $\lambda = 10^{-4}$) and say so. **Predict, then run** boxes ask you to guess first; **Exercises** have their answer in a collapsed cell just below.
//
// Numbers from the optimizer are float32 (TensorFlow.js), so fitted means are printed with 5 decimals; closed forms are float64.

// %% tags=["parameters"]
// Parameters a grader may change
const seed = 0;                        // seed of the data draw
const n = 10000;                       // number of samples
const trueMean = [1, 1];               // mu of the ground truth
const covariance = [[5, 0], [0, 5]];   // Sigma, known to the estimator (the assignment's 5 I)
const init = [0, 0];                   // mu_0: the task's (0, 0) (the starter code's is (-1, -1))
const learningRate = 1e-4;             // lambda, the starter code's value
const maxSteps = 1000;                 // at most this many steps per run
const tolerance = 1e-6;                // converged: two steps in a row move no coordinate this much

// %%
import * as lab from 'likelihood-lab';
console.log(lab.backendSummary());

// Everything below is derived from the parameters above.
const rows = lab.sampleMultivariateNormal(n, trueMean, covariance, { seed: seed });
const sampleMean = lab.multivariateGaussianMle(rows).mean;
const bound = lab.learningRateBound(n, covariance, 'sum');   // rates from the curvature
const extent = Math.max(5, Math.ceil(1.2 * Math.max(...[...sampleMean, ...init].map(Math.abs))));
const box: [number, number] = [-extent, extent];             // [-5, 5] unless the data lie outside
const vec = (v: number[], digits = 5) => `(${v.map((x) => x.toFixed(digits)).join(', ')})`;
const rate = (lr: number) => lr.toExponential(1);
const inBox = (points: number[][]) => {                      // a path up to where it leaves the box
  const out = points.findIndex((p) => p.some((v) => Math.abs(v) > extent));
  return out < 0 ? points : points.slice(0, out);
};
const sigmaText = `[[${covariance[0].join(', ')}], [${covariance[1].join(', ')}]]`;

// %% [markdown]
// We start at $\mu_0 = (0, 0)$ as the task asks; the starter code starts at $(-1, -1)$, which only makes the path a little longer (the objective is a bowl centred on the sample mean, so any start converges the same way). Change `init` to compare.
//
// ## The data

// %%
await lab.showChart(lab.scatter(rows, {
  title: `${n} samples of N(${vec(trueMean, 0)}, ${sigmaText})`, xTitle: 'x₁', yTitle: 'x₂',
  description: `Scatter plot of ${n} points drawn from a 2-D Gaussian with mean` +
    ` ${vec(trueMean, 1)}` +
    ` and covariance ${sigmaText}` }), { title: 'data' });

// %% [markdown]
// With the default $\Sigma = 5I$ the cloud is round, centred near $(1, 1)$, with standard deviation $\sqrt5 \approx 2.24$ in every direction; another $\Sigma$ gives a tilted ellipse.

// %%
const standardErrors = covariance.map((row, j) => Math.sqrt(row[j] / n));
console.log(`sample mean (closed-form MLE) = ${vec(sampleMean, 7)}`);
console.log(`standard error per coordinate sqrt(Sigma_jj / n) = ${vec(standardErrors, 4)}`);

// %% [markdown]
// The sample mean is the maximum-likelihood estimate of $\mu$ (notebook 01, Task 1, in each coordinate); it differs from the true mean by sampling noise of the size of the standard error printed (0.022 with the defaults). Gradient ascent should find this point, not the true mean.
//
// ## The log-likelihood $L(\mu)$
//
// As in the starter code, $L(\mu) = \sum_{i=1}^n -\tfrac12 (x_i - \mu)\,\Sigma^{-1} (x_i - \mu)^T$, **without** the normalising constant $-\tfrac n2 \log\big((2\pi)^2|\Sigma|\big)$: the constant does not depend on $\mu$, so it changes neither the maximiser nor the gradient, only the values (ours are $\le 0$).

// %%
const bestL = lab.gaussianLogLikelihood(rows, sampleMean, covariance);
const startL = lab.gaussianLogLikelihood(rows, init, covariance);
console.log(`L(sample mean) = ${bestL.toFixed(4)},  L(init) = ${startL.toFixed(4)},` +
  `  difference ${(bestL - startL).toFixed(4)}`);

// %% [markdown]
// $L$ at the start is lower than at the sample mean by $\tfrac n2 (\bar x - \mu_0)^T\Sigma^{-1}(\bar x - \mu_0)$ (for $\Sigma = 5I$: $\tfrac{n}{10}\lVert\bar x - \mu_0\rVert^2$, about 2000 with the defaults): the objective is a quadratic bowl (upside down) centred on $\bar x$, with Hessian $-n\Sigma^{-1}$. The heatmap over $[-5, 5]^2$ (wider if the data or the start lie outside) comes from one call that uses the sufficient statistics ($\bar x$ and the scatter matrix), not from $101^2$ evaluations of $L$ over all $n$ points:

// %%
const grid = lab.logLikelihoodGrid(rows, covariance, { xRange: box, yRange: box, steps: 101 });

// %% [markdown]
// ## Task 1.1: gradient ascent with automatic differentiation, written out
//
// The assignment asks us to implement the loop: initialise $\mu_0$, compute $L(\mu)$, get $\nabla_\mu L$ by automatic differentiation, update $\mu \leftarrow \mu + \lambda \nabla_\mu L(\mu)$, repeat until convergence or a step limit. Here it is on TensorFlow.js tensors (`lab.tf` is the TensorFlow.js instance the library uses). First $L$, in the starter code's three lines:

// %%
const tf = lab.tf;
const X = tf.tensor2d(rows);                          // n x 2 data, float32
const P = tf.tensor2d(lab.spdInverse(covariance));    // Sigma^-1
function L(mu) {                                      // the starter code's L(X, mu, sigma)
  const diff = tf.sub(X, mu);
  return tf.mul(-0.5, tf.sum(tf.mul(tf.matMul(diff, P), diff)));
}

// %% [markdown]
// Then the loop. `tf.grad(L)` is a new function that returns $\nabla_\mu L(\mu)$ by reverse-mode automatic differentiation (what PyTorch's `backward()` does). `tf.tidy` frees every intermediate tensor of a step; the loop stops after two consecutive steps that move no coordinate by `tolerance` or more (one small step alone could be a momentary pause, as with the momentum methods of notebook 03), or when the iterate blows up to infinity:

// %%
const mu = tf.variable(tf.tensor1d(init));            // mu_0, a tensor we can update in place
const gradL = tf.grad(L);                             // mu -> dL/dmu, by autodiff
const path = [init.slice()];                          // every iterate, as plain numbers
for (let step = 1, small = 0; step <= maxSteps && small < 2; step++) {
  tf.tidy(() => { mu.assign(tf.add(mu, tf.mul(learningRate, gradL(mu)))); }); // mu += lr grad
  const next = Array.from(mu.dataSync());
  if (!next.every(Number.isFinite)) break;            // blown up: stop
  small = Math.max(...next.map((v, j) => Math.abs(v - path[path.length - 1][j]))) < tolerance
    ? small + 1 : 0;
  path.push(next);
}
mu.dispose();
console.log(`from scratch: ${path.length - 1} steps, last mu = ${vec(path[path.length - 1])}`);

// %% [markdown]
// ### The packaged version: `lab.fitGaussianMean`
//
// The library's `fitGaussianMean` runs this same loop with TensorFlow.js's `tf.train.sgd` optimizer on $-L$ (optimizers minimise, so it descends $-L$; the update is the same $\mu + \lambda\nabla L$), plus argument checks, a progress line, divergence detection, other optimizers (notebook 03) and mini-batches (notebook 04). With the same settings it must take the same steps, to float32 precision:

// %%
const progress = lab.progressLine();
const vanilla = lab.fitGaussianMean(rows, covariance, { optimizer: 'gradient-ascent',
  learningRate: learningRate, maxSteps: maxSteps, init: init, tolerance: tolerance,
  progressEvery: 10,
  onProgress: (step, mean) => progress.update(`step ${step}: mean = ${vec(mean)}`) });
progress.done(`gradient ascent, learning rate ${learningRate}: ${vanilla.status}` +
  ` after ${vanilla.steps} steps`);

// %%
const compared = Math.min(path.length, vanilla.path.length);
const pathGap = Math.max(0, ...path.slice(0, compared)
  .flatMap((point, s) => point.map((v, j) => Math.abs(v - vanilla.path[s][j]))));
const scale = Math.max(1, ...vanilla.path.slice(0, compared).flat().map(Math.abs));
const samePath = compared === vanilla.path.length && pathGap <= 4 * 2 ** -23 * scale;
console.log(`from-scratch path ${samePath ? '=' : '≠'} library path: ${compared - 1} steps,` +
  ` max difference ${pathGap.toExponential(1)} (float32)`);
X.dispose();
P.dispose();

// %% [markdown]
// Every iterate agrees (a difference of 0, or within a few float32 rounding units of the coordinates' size, prints `=`): the library call is our loop, packaged, and the rest of the notebook uses it. (When a run diverges, the library stops as soon as the iterate is absurdly far away, and the comparison covers the library's steps.)

// %%
console.log(`learning rate ${rate(learningRate)} = ${(learningRate / bound.stable).toFixed(2)} x` +
  ` the stable limit ${rate(bound.stable)}: ${vanilla.status} after ${vanilla.steps} steps`);
if (learningRate >= bound.stable) {
  console.log(`WARNING: the rate is at or above the stable limit, so the run diverges` +
    ` (status ${vanilla.status}); choose learningRate below ${rate(bound.stable)}`);
}
console.log(`fitted mean = ${vec(vanilla.mean)}, sample mean = ${vec(sampleMean)}`);

// %% [markdown]
// Gradient ascent converges to the closed-form MLE: with the defaults the two agree to the 5 decimals that a float32 computation supports (the stable limit is explained in Task 1.3).

// %% [markdown]
// ### The same steps from sufficient statistics
//
// The gradient the autodiff computes has a closed form: $\nabla_\mu L = \sum_i \Sigma^{-1}(x_i - \mu) = n\,\Sigma^{-1}(\bar x - \mu)$. The data enter only through $n$ and the sample mean $\bar x$, their *sufficient statistics*. So after one pass over the data every step costs $O(d^2)$, whatever $n$, where the autodiff step touches all $n$ points again. `gradient: 'sufficient-statistics'` takes these steps (in float64, with the same update formula as the tfjs optimizer):

// %%
const viaStatistics = lab.fitGaussianMean(rows, covariance, { optimizer: 'gradient-ascent',
  learningRate: learningRate, maxSteps: maxSteps, init: init, tolerance: tolerance,
  gradient: 'sufficient-statistics' });
const shared = Math.min(viaStatistics.path.length, vanilla.path.length);
const statisticsGap = Math.max(0, ...viaStatistics.path.slice(0, shared)
  .flatMap((point, s) => point.map((v, j) => Math.abs(v - vanilla.path[s][j]))));
console.log(`sufficient statistics: ${viaStatistics.status} after ${viaStatistics.steps} steps,` +
  ` mean = ${vec(viaStatistics.mean)}; largest gap to the autodiff path` +
  ` ${statisticsGap.toExponential(1)}`);

// %% [markdown]
// With the defaults both stop after the same number of steps at the same mean; the gap printed is float32 rounding in the autodiff path (a few units of $2^{-23} \approx 1.2\cdot10^{-7}$ at coordinates near 1). What differs is the price of a step: the autodiff step runs over all $n$ points again, this one over $d^2$ numbers (`npm run bench` measures both side by side with the starter code's PyTorch step, in `bench/RESULTS.md`). The shortcut exists because this $L$ depends on the data only through $n$ and $\bar x$ (for the covariance as well, through the sample covariance: notebook 05); automatic differentiation needs no such luck, which is why the assignment asks for it. Mini-batch steps (notebook 04) sum their $k$ rows at every step instead.

// %% [markdown]
// ## Task 1.2: visualising the updates
//
// > **Predict, then run.** The default rate is a tenth of the stable limit. Will $L(\mu_t)$ rise steadily, overshoot, or oscillate? And on a log scale, what shape will the gap $L(\bar x) - L(\mu_t)$ have?

// %%
const vanillaName = `lr ${rate(learningRate)}`;
const lossChart = lab.lossCurve([{ name: vanillaName, values: vanilla.logLikelihoods }], {
  title: 'Log-likelihood L(μ_t) per step', width: 300,
  description: `Line chart of the log-likelihood after each of ${vanilla.steps} gradient-ascent` +
    ` steps at learning rate ${rate(learningRate)}` });
const gapChart = lab.lossCurve([{ name: vanillaName, values: vanilla.logLikelihoods }], {
  optimum: bestL, logScale: true, title: 'Gap to the maximum (log scale)', width: 300,
  description: `Line chart, log scale, of the gap between the maximum log-likelihood and the` +
    ` log-likelihood after each step at learning rate ${rate(learningRate)}` });
await lab.showChart(lab.concat([lossChart, gapChart], { columns: 2 }),
  { title: 'log-likelihood per step, and its gap to the maximum' });
const lastGap = bestL - vanilla.logLikelihoods[vanilla.logLikelihoods.length - 1];
console.log(`gap to the maximum after the last step: ${lastGap.toExponential(1)}`);

// %% [markdown]
// On the left, $L$ rises fast in the first ten steps and then flattens: most of the gap to the maximum is closed early. On the right, on a log scale, the gap to the optimum $L(\bar x) - L(\mu_t)$ is a straight line: it shrinks by a constant **factor** per step. With the defaults that factor is $0.8^2 = 0.64$ (a slope of $\log_{10} 0.64 \approx -0.19$ decades per step): the error $\mu_t - \bar x$ shrinks by the factor $0.8$ per step (explained in Task 1.3), and the gap is quadratic in the error. The line ends when the run stops: two consecutive steps moved $\mu$ by less than the tolerance, with the gap down to the value printed below the charts.

// %%
const tracesChart = lab.coordinateTraces([{ name: vanillaName, points: vanilla.path }], {
  reference: sampleMean, referenceTitle: 'sample mean', title: 'Each coordinate of μ per step',
  width: 300, description: `Two line charts, one per coordinate of the mean, over` +
    ` ${vanilla.steps} steps, with the sample mean as a dashed reference line` });
const planeChart = lab.layer(
  lab.heatmap(grid, { title: `L(μ) over [${box.join(', ')}]² with the gradient-ascent path`,
    contours: 8, description: `Heatmap with contour lines of the log-likelihood over the square` +
      ` [${box.join(', ')}]², with the gradient-ascent path from ${vec(init, 1)}` +
      ` to ${vec(vanilla.mean, 2)} drawn on top` }),
  lab.pathOverlay([{ name: vanillaName, points: inBox(vanilla.path) }],
    { domain: { x: box, y: box } }));
await lab.showChart(lab.concat([tracesChart, planeChart], { columns: 2 }),
  { title: 'coordinates per step, and the path over the log-likelihood' });

// %% [markdown]
// With the defaults, left: both coordinates approach the dashed sample mean monotonically, without overshoot, at the same rate (the bowl is round). Right: the path runs straight from $\mu_0$ up the gradient to the bright peak at the sample mean, crossing the circular contour lines at right angles: for an isotropic $\Sigma = 5I$ the gradient $\tfrac{n}{5}(\bar x - \mu)$ always points at the maximum, and the steps shrink by the factor 0.8 as the slope flattens. (With a non-isotropic $\Sigma$ the contours are ellipses and the path bends; a path that leaves the square is drawn up to where it leaves it.)
//
// ## Task 1.3: how the learning rate affects convergence
//
// $L$ is quadratic with Hessian $-n\Sigma^{-1}$, so one step maps the error $e_t = \mu_t - \bar x$ to
//
// $$e_{t+1} = \big(I - \lambda\, n\, \Sigma^{-1}\big)\, e_t \qquad\Big(= \Big(1 - \frac{\lambda n}{5}\Big)\, e_t \text{ for } \Sigma = 5I\Big).$$
//
// Each eigen-direction of $\Sigma$ contracts by $|1 - \lambda c|$ with $c$ an eigenvalue of the curvature $n\Sigma^{-1}$ (for $\Sigma = 5I$: $c = n/5$ in both directions). Convergence needs $|1 - \lambda c| < 1$ for every $c$, i.e. $\lambda < 2/c_{\max}$; the worst factor is smallest at $\lambda = 2/(c_{\min} + c_{\max})$, and when all $c$ are equal that rate, $1/c$, lands on $\bar x$ in one step. This is the same curvature that sets the standard error $\sqrt{5/n}$ (notebook 01, Task 1).

// %%
console.log(`curvature eigenvalues c = n x eig(Sigma^-1): ${bound.curvatureMin.toFixed(1)},` +
  ` ${bound.curvatureMax.toFixed(1)}`);
console.log(`stable limit 2/c_max = ${bound.stable.toExponential(3)},` +
  `  fastest 2/(c_min + c_max) = ${bound.fastest.toExponential(3)},` +
  `  one-step rate = ${bound.oneStep === null ? 'none' : bound.oneStep.toExponential(3)}`);
const contraction = (lr: number) => Math.max(Math.abs(1 - lr * bound.curvatureMin),
  Math.abs(1 - lr * bound.curvatureMax));
const errorAt = (s: number) => Math.hypot(...vanilla.path[s].map((v, j) => v - sampleMean[j]));
const measured = vanilla.path.length > 2 ? (errorAt(2) / errorAt(1)).toFixed(4) : 'n/a';
console.log(`at learningRate ${rate(learningRate)}: predicted factor max |1 - lr c| =` +
  ` ${contraction(learningRate).toFixed(4)}, measured |e_2| / |e_1| = ${measured}`);

// %% [markdown]
// With the defaults ($n = 10000$, $\Sigma = 5I$): rates below $10^{-3}$ converge and $5\cdot10^{-4}$ is optimal (one step). The starter code's $10^{-4}$ is safe but five times smaller than optimal; its factor is $|1 - 0.2| = 0.8$. We run seven rates, all derived from the stable limit (0.001, 0.01, 0.1, 0.9, 1.1 and 2 times it, and the fastest rate), from a crawl to divergence, each from the same start for at most `maxSteps` steps:
//
// > **Predict, then run.** At 0.9 times the stable limit, does the run converge? Faster or slower than at 0.1 times the limit?

// %%
const ratios = [0.001, 0.01, 0.1, 0.9, 1.1, 2];
const rates = [...ratios.map((r) => r * bound.stable), bound.fastest].sort((p, q) => p - q);
const runs = await lab.mapWithProgress(rates, (lr) => lab.fitGaussianMean(rows, covariance,
  { learningRate: lr, maxSteps: maxSteps, init: init, tolerance: tolerance }),
  { label: (lr) => `learning rate ${rate(lr)}`,
    summary: (r) => `${r.length} runs: ${r.map((f) => f.status).join(', ')}` });

// %%
const finalMean = (run, j: number) => (run.status === 'diverged' ? null : run.mean[j]);
const table = runs.map((run, k) => [rate(rates[k]), (rates[k] / bound.stable).toFixed(3),
  contraction(rates[k]).toFixed(3), run.status, run.steps, finalMean(run, 0), finalMean(run, 1)]);
lab.showTable(table, ['learning rate', 'lr / stable limit', 'max |1 − lr·c|', 'status', 'steps',
  'final μ_x', 'final μ_y'], { digits: 5 });

// %% [markdown]
// Reading the table by the contraction factor $\max|1 - \lambda c|$ (the rates and factors after each colon are those of the defaults, $\Sigma = 5I$ and $n = 10^4$):
//
// * **crawl** (0.001 and 0.01 of the limit: $10^{-6}$, $10^{-5}$, factors 0.998, 0.98): the error shrinks by 0.2 % or 2 % per step; the slowest is still far from $\bar x$ after `maxSteps` steps. The next one is reported `converged` after hundreds of steps but its final mean is still off in the 5th decimal: a step-size test stops a slow run early, because a step of $0.02\,e_t$ is below the tolerance while the error $e_t$ itself is 50 times larger;
// * **smooth** (0.1 of the limit: $10^{-4}$, factor 0.8): monotone convergence in a few dozen steps;
// * **fastest** (half the limit for a round bowl: $5\cdot10^{-4}$, factor 0): the first update lands on the sample mean (the remaining steps only confirm convergence). For an elongated $\Sigma$ the fastest rate still leaves a factor $(\kappa - 1)/(\kappa + 1)$, $\kappa = c_{\max}/c_{\min}$;
// * **oscillating** (0.9 of the limit: $9\cdot10^{-4}$, factor $|{-0.8}| = 0.8$): each step overshoots to the other side of $\bar x$, by 0.8 of the previous error, and still converges at the same rate as 0.1 of the limit (it needs a few more steps to pass the step-size test, because each of its steps moves $1.8\,e_t$ instead of $0.2\,e_t$);
// * **diverging** (1.1 and 2 times the limit: $1.1\cdot10^{-3}$, $2\cdot10^{-3}$, factors 1.2, 3): past the stable limit every step overshoots by more than it corrects; the error grows geometrically and the fit stops with status `diverged` (final mean not shown). With a small `maxSteps` such a run may stop with `max-steps` before it is detected; it is still above the limit.
//
// The step counts of converging runs depend on float32 rounding near the stopping test: on the pure-JS `cpu` backend they can differ by a few steps from the native backend's (the fitted means agree to the 5 decimals shown).

// %% [markdown]
// How many steps does each rate need? A finer sweep: 25 rates, log-spaced from 0.001 to 2.5 times the stable limit, each run until the iterate stays within $10^{-3}$ of $\bar x$ (`lab.learningRateSweep`, which runs `fitGaussianMean` and measures the distance to the sample mean; with the sufficient-statistics step of Task 1.1, the same path to float32 rounding, so that 25 runs of up to 1000 steps take a fraction of a second instead of many seconds), next to the prediction of the contraction factor, $\lceil \log(10^{-3}/\lVert e_0\rVert) / \log \max|1 - \lambda c| \rceil$ steps (exact for a round bowl, an upper bound otherwise):

// %%
const sweepRates = Array.from({ length: 25 }, (_, k) => bound.stable * 10 ** (-3 + (3.4 * k) / 24));
const sweep = lab.learningRateSweep(rows, covariance, { learningRates: sweepRates, init: init,
  optimizers: ['gradient-ascent'], objective: 'sum', maxSteps: maxSteps, tolerance: 1e-3,
  gradient: 'sufficient-statistics' });                      // the same steps, O(d^2) each
const startError = Math.hypot(...init.map((v, j) => v - sampleMean[j]));
const predictedSteps = (lr: number) => {
  const factor = contraction(lr);
  if (startError <= 1e-3) return 0;
  if (factor >= 1) return null;
  const steps = factor === 0 ? 1 : Math.ceil(Math.log(1e-3 / startError) / Math.log(factor));
  return steps <= maxSteps ? steps : null;
};

// %%
const sweepChart = lab.stepsToTolerance([
  { name: 'gradient-ascent', points: sweep.map((r) => ({ learningRate: r.learningRate,
    steps: r.steps })) },
  { name: 'predicted', points: sweepRates.map((lr) => ({ learningRate: lr,
    steps: predictedSteps(lr) })) },
], { maxSteps: maxSteps, title: 'Steps to within 1e-3 of the sample mean, by learning rate',
  description: `Steps needed to come within 0.001 of the sample mean for 25 learning rates from` +
    ` ${rate(sweepRates[0])} to ${rate(sweepRates[24])} on a log axis, measured and predicted` });
await lab.showChart(sweepChart, { title: 'steps to tolerance by learning rate' });
const fewest = sweep.filter((r) => r.steps !== null).reduce((a, r) => (r.steps < a.steps ? r : a),
  { learningRate: NaN, steps: Infinity });
console.log((Number.isFinite(fewest.steps) ? `fewest steps: ${fewest.steps} at` +
  ` ${rate(fewest.learningRate)}` : 'no rate reached the tolerance') +
  `; not reached: ${sweep.filter((r) => r.steps === null).length} of ${sweep.length} rates`);
const agreeing = sweep.filter((r, k) => r.steps === predictedSteps(sweepRates[k])).length;
console.log(`measured = predicted at ${agreeing} of ${sweep.length} rates`);

// %% [markdown]
// With the defaults the measured counts equal the prediction at every rate (the two lines coincide; the measured one is hidden under the predicted one). The smallest rates do not get there within `maxSteps` (crosses on the top line); then the count falls like $1/\lambda$ (a line of slope $-1$ on these log–log axes: half the rate, twice the steps), down to 2 steps at the grid point next to $5\cdot10^{-4}$ (at $5\cdot10^{-4}$ itself it is 1), rises again towards the stable limit, where the factor climbs back to 1, and beyond the limit no run converges. The window of good rates is narrow and ends in a cliff: plain gradient ascent forgives a rate that is too small (slowly) but not one that is too large. Notebook 03 shows optimizers with wider windows.

// %%
const stableRuns = runs.map((run, k) => ({ run: run, learningRate: rates[k] }))
  .filter((r) => r.learningRate < bound.stable && r.run.status !== 'diverged');
const unstable = rates.filter((lr) => !stableRuns.some((r) => r.learningRate === lr));
console.log(`left out of the charts below (at or above the stable limit ${rate(bound.stable)}): ` +
  (unstable.length === 0 ? 'none' : unstable.map(rate).join(', ')));
const shownRate = stableRuns.map((r) => r.learningRate).reduce((best, lr) =>
  (Math.abs(Math.log(lr / learningRate)) < Math.abs(Math.log(best / learningRate)) ? lr : best));

// %% [markdown]
// The log-likelihood per step of the converging runs, one learning rate at a time (pick it from the menu in JupyterLab; the static image shows the rate closest to `learningRate`). Runs at or above the stable limit are left out: their $L$ only plunges towards $-\infty$ and would flatten every other curve.

// %%
const selectorRuns = stableRuns.map((r) => ({ learningRate: r.learningRate,
  values: r.run.logLikelihoods }));
await lab.showChart(lab.learningRateSelector(selectorRuns, { defaultLearningRate: shownRate,
  description: `Line chart of the log-likelihood per step for one learning rate at a time,` +
    ` chosen from a menu of ${selectorRuns.length} stable rates; shown: ${rate(shownRate)}` }),
  { title: 'log-likelihood per step, by learning rate' });

// %% [markdown]
// Stepping through the menu shows the regimes: with the defaults, a slow rise over all 1000 steps for $10^{-6}$, a faster one for $10^{-5}$, the smooth curve for $10^{-4}$, a single jump for $5\cdot10^{-4}$, and for $9\cdot10^{-4}$ the same curve as $10^{-4}$ (the log-likelihood does not see on which side of $\bar x$ the iterate is). The paths over the log-likelihood, one small chart per rate, show where the iterates go:

// %%
const firstSteps = Math.min(40, maxSteps);
const smallMultiples = stableRuns.map((r) => lab.layer(
  lab.heatmap(grid, { title: `lr ${rate(r.learningRate)}: ${r.run.status}, ${r.run.steps} steps`,
    contours: 8, maxCellsPerSide: 25, width: 200, height: 200,
    description: `Contours of the log-likelihood with the path of gradient ascent at learning` +
      ` rate ${rate(r.learningRate)} over its first ${firstSteps} steps` }),
  lab.pathOverlay([{ name: `lr ${rate(r.learningRate)}`,
    points: inBox(r.run.path.slice(0, firstSteps + 1)) }], { domain: { x: box, y: box } })));
await lab.showChart(lab.concat(smallMultiples, { columns: 3 }),
  { title: 'paths by learning rate' });

// %% [markdown]
// With the defaults: $10^{-6}$ has barely left $\mu_0$ after 40 steps and $10^{-5}$ is about halfway ($1 - 0.98^{40} \approx 0.55$); $10^{-4}$ walks straight in with shrinking steps; $5\cdot10^{-4}$ jumps to the peak at once; $9\cdot10^{-4}$ zig-zags across it along the same line, with a shrinking amplitude. The first coordinate over the first steps makes the overshoot visible:

// %%
const firstPaths = stableRuns.map((r) => ({ name: `lr ${rate(r.learningRate)}`,
  points: r.run.path.slice(0, firstSteps + 1) }));
await lab.showChart(lab.coordinateTraces(firstPaths, { reference: sampleMean,
  referenceTitle: 'sample mean', title: `μ per step, first ${firstSteps} steps, by learning rate`,
  description: `Line charts of each coordinate of the mean over the first ${firstSteps} steps,` +
    ` one line per stable learning rate, with the sample mean dashed` }),
  { title: 'coordinates by learning rate' });

// %% [markdown]
// With the defaults, $5\cdot10^{-4}$ jumps onto the dashed line at step 1; $10^{-4}$ approaches it from below and $9\cdot10^{-4}$ zig-zags around it with the same shrinking amplitude; $10^{-5}$ is about halfway and $10^{-6}$ has barely moved.
//
// > **Exercise 1.** Predict, without running: if $n$ doubles to 20000 and the rate stays at $10^{-4}$, what is the contraction factor per step? At what $n$ does $10^{-4}$ become unstable? Check with `lab.learningRateBound`.

// %% jupyter={"outputs_hidden": true, "source_hidden": true} tags=["answer"]
// Answer to Exercise 1: c = n/5 doubles to 4000, the factor |1 - 1e-4 * 4000| = 0.6 (faster);
// unstable once 1e-4 > 2 * 5 / n, i.e. n > 100000. The curvature grows with n; the limit shrinks.
for (const size of [20000, 100000, 200000]) {
  const b2 = lab.learningRateBound(size, [[5, 0], [0, 5]]);
  console.log(`n = ${size}: stable limit ${rate(b2.stable)},` +
    ` factor at 1e-4: ${Math.abs(1 - 1e-4 * b2.curvatureMax).toFixed(2)}`);
}

// %% [markdown]
// > **Exercise 2.** Our loop writes the update by hand. Replace it by one step of TensorFlow.js's own optimizer, `tf.train.sgd(learningRate).minimize(() => tf.neg(L(mu)))`, from $\mu_0$, and check that it lands on the first point of the path. Why `tf.neg`?

// %% jupyter={"outputs_hidden": true, "source_hidden": true} tags=["answer"]
// Answer to Exercise 2: optimizers minimise, so we minimise -L; one sgd step is mu - lr grad(-L)
// = mu + lr grad L, the same float32 operations as our update.
const Xe = tf.tensor2d(rows);
const Pe = tf.tensor2d(lab.spdInverse(covariance));
const muE = tf.variable(tf.tensor1d(init));
const sgd = tf.train.sgd(learningRate);
tf.tidy(() => sgd.minimize(() => {
  const diff = tf.sub(Xe, muE);
  return tf.neg(tf.mul(-0.5, tf.sum(tf.mul(tf.matMul(diff, Pe), diff)))) as lab.tf.Scalar;
}, false, [muE]));
console.log(`one sgd step: ${vec(Array.from(muE.dataSync()))}, path[1] = ${vec(path[1] ?? init)}`);
[Xe, Pe, muE].forEach((t) => t.dispose());
sgd.dispose();

// %% [markdown]
// > **Exercise 3.** The starter code runs 35 steps at $10^{-4}$ from $(-1, -1)$ and stops. With the defaults, how far from $\bar x$ is it then, as a fraction of its starting error? Is it converged?

// %% jupyter={"outputs_hidden": true, "source_hidden": true} tags=["answer"]
// Answer to Exercise 3: the error shrinks by |1 - 1e-4 * c| per step, so after 35 steps it is
// that factor to the 35th power of the start's (0.8^35 ~ 4e-4 with the defaults): close, but
// not converged; a convergence test instead of a fixed step count avoids that.
const starter = lab.fitGaussianMean(rows, covariance, { learningRate: 1e-4, maxSteps: 35,
  init: [-1, -1], tolerance: 0 });
const errorNorm = (m: number[]) => Math.hypot(...m.map((v, j) => v - sampleMean[j]));
console.log(`after ${starter.steps} steps: error ${errorNorm(starter.mean).toExponential(2)}` +
  ` = ${(errorNorm(starter.mean) / errorNorm([-1, -1])).toExponential(2)} of the start's`);

// %% [markdown]
// ## Conclusions
//
// * Gradient ascent with autodiff fits in ten lines: $L$ on tensors, `tf.grad`, the update $\mu \leftarrow \mu + \lambda\nabla L$, a stopping test. The library's `fitGaussianMean` takes exactly the same steps, and (with the defaults) the fitted mean equals the closed-form sample mean to 5 decimals (float32).
// * $L(\mu)$ is a concave quadratic, so plain gradient ascent is a linear recursion on the error with factor $I - \lambda n\Sigma^{-1}$ per step ($1 - \lambda n/5$ for $\Sigma = 5I$). Its eigenvalues predict everything above: monotone convergence below $1/c$, one step at $1/c$ for a round bowl, oscillating convergence up to the stable limit $2/c_{\max}$ ($10^{-3} = 2\cdot5/n$ with the defaults), divergence beyond. On a log scale the gap to the maximum falls by a constant factor per step, the square of the error's factor.
// * The curvature $n\Sigma^{-1}$ that limits the rate also sets the standard error $\sqrt{5/n}$ of the answer: the better the data pin $\mu$ down, the smaller the steps must be. So the stable rate scales like $1/n$ for the starter code's summed objective: a fixed rate crawls for small $n$ and diverges for large $n$ ($10^{-4}$ beyond $n = 10^5$, Exercise 1). Averaging the objective (`objective: 'mean'`) removes that dependence (notebooks 03 and 04).
// * The starter code's run (35 steps at $10^{-4}$ from $(-1,-1)$) stops while the error is still about $0.8^{35}\approx 4\cdot10^{-4}$ of its start (Exercise 3): close, but not converged; a convergence test instead of a fixed step count avoids that.

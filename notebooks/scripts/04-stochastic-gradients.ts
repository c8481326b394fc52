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
// # 04 · Stochastic gradients
//
// *Likelihood Lab, assignment 1.2, Praxis Task 3.* Instead of the log-likelihood of all data, $L(\mu) = \log p(D;\mu,\Sigma)$, each step now climbs the log-likelihood of a fresh random subset $\hat D \subset D$ of $k$ points, $\hat L(\mu) = \log p(\hat D;\mu,\Sigma)$. How does $k$ affect convergence, and what do the full-data and subset log-likelihoods look like?
//
// **What this notebook covers:** the mini-batch loop written out (the random subset, `tf.gather`, the autodiff gradient, the update) and checked against the library; the starter code's settings for every $k$ and why small batches crawl there; the mean objective, where $k$ sets only the noise; the subset log-likelihoods side by side with the full one; the gradient variance against $k$; the noise floor and two remedies that break through it (a $1/t$ decaying rate and iterate averaging); cost per data point touched.
//
// **Run All** takes one to two minutes on two cores. **What to change:** the first code cell holds every parameter (data, batch sizes, steps, rates); batch sizes above $n$ are dropped and the full batch $k = n$ is always added; every rate, index and title is derived from the parameters. Sentences that quote a number hold for the default parameters.
//
// Data as in the assignment's starter code: $n = 10\,000$ points from $\mathcal N\big((1,1)^\top, 5I\big)$, Σ known; every run starts at the task's $\mu_0 = (0,0)^\top$ (the starter code used $(-1,-1)$). Each step draws its batch without replacement from one seeded stream (the starter code's `get_random_batch`) and updates μ by plain gradient ascent (`tf.train.sgd` minimising $-\hat L$).

// %% tags=["parameters"]
// Parameters a grader may change
const seed = 0;                     // random seed of the data and of every batch draw
const n = 10000;                    // number of samples (the starter code's)
const trueMean = [1, 1];
const covariance = [[5, 0], [0, 5]];
const init = [0, 0];                // the task's mu_0
const batchSizes = [1, 5, 10, 100, 1000, 5000, 8000]; // the assignment's k (k > n are dropped)
const starterSteps = 50;            // the starter code's Task 3: 50 steps ...
const starterLearningRate = 1e-4;   // ... at lr 1e-4 on the 'sum' objective
const meanSteps = 300;              // steps of the runs on the 'mean' objective
const shownBatchSizes = [10, 1000]; // two k looked at in detail (those <= n)
const varianceSamples = 1000;       // batches per k for the measured gradient variance
const remedyBatchSize = 10;         // k of the noise-floor remedies (capped at n)
const remedySteps = 2000;           // steps of the remedies' runs

// %%
import * as lab from 'likelihood-lab';
console.log(lab.backendSummary());
const tf = lab.tf;
const fmt = (v: number[], digits = 5) => `(${v.map((x) => x.toFixed(digits)).join(', ')})`;
const last = <T,>(xs: T[]): T => xs[xs.length - 1];
type Fit = lab.FitGaussianMeanResult;
const ks = [...new Set([...batchSizes.filter((k) => Number.isInteger(k) && k >= 1 && k <= n), n])]
  .sort((a, b) => a - b);                                        // k <= n, the full batch last
const shown = shownBatchSizes.filter((k) => ks.includes(k) && k < n);
const detail = shown.length > 0 ? shown : [ks[0]];               // at least one k in detail
const meanLearningRate = 0.1 * lab.learningRateBound(n, covariance, 'mean').stable;
const remedyK = Math.min(remedyBatchSize, n);
console.log(`batch sizes k = ${ks.join(', ')}; mean-objective lr = ${meanLearningRate}`);

// %% [markdown]
// The mean-objective rate is a tenth of its stable limit, $0.1 \cdot 2/\lambda_{\max}(\Sigma^{-1})$: 1 for $\Sigma = 5I$, the rate at which every full-batch step closes 20 % of the gap, as the starter code's lr $10^{-4}$ does on the sum over $n = 10\,000$ points.
//
// ## Data and the target

// %%
const data = lab.sampleMultivariateNormal(n, trueMean, covariance, { seed: seed });
const sampleMean = lab.multivariateGaussianMle(data).mean;
const bestLogLikelihood = lab.gaussianLogLikelihood(data, sampleMean, covariance);
console.log(`sample mean = ${fmt(sampleMean)}, L(sample mean) = ${bestLogLikelihood.toFixed(3)}`);

// %% [markdown]
// The maximiser of the full-data $L$ is the sample mean $\bar x$; $L^*$ is its value. Every subset objective has a *different* maximiser (the batch mean), so a stochastic run can only hover around $\bar x$.
//
// ## Task 3.1 — The mini-batch loop, written out
//
// One step of stochastic gradient ascent: draw $k$ row indices without replacement, take those rows with `tf.gather`, evaluate the starter code's $L$ on them, get the gradient from autodiff, step. The draws come from the lib's seeded generator, so the same seed gives the same batches as `lab.fitGaussianMean(..., { batchSize: k, seed })`.

// %%
const X = tf.tensor2d(data), P = tf.tensor2d(lab.spdInverse(covariance));
const logLikelihood = (rows: lab.tf.Tensor, mu: lab.tf.Tensor) => {
  const diff = tf.sub(rows, mu);                                  // x_i - mu for the batch's rows
  return tf.mul(-0.5, tf.sum(tf.mul(tf.matMul(diff, P), diff)));  // the starter code's L
};
/** One ascent step on a batch: mu <- mu + lr d(scale L)/d mu (tf.train.sgd on -scale L). */
const ascentStep = (mu: lab.tf.Variable, batch: lab.tf.Tensor, lr: number, scale: number) => {
  const g = tf.grad((m) => tf.mul(-scale, logLikelihood(batch, m)))(mu); // autodiff gradient
  mu.assign(tf.sub(mu, tf.mul(lr, g)));
};

// %%
function miniBatchAscent(k: number, steps: number, rate: (t: number) => number, scale: number) {
  const uniform = lab.createUniformGenerator(seed);              // one seeded stream for all draws
  const mu = tf.variable(tf.tensor1d(init)), path = [init.slice()];
  for (let t = 1; t <= steps; t++) {
    const indices = lab.sampleWithoutReplacement(n, k, uniform); // the random subset D-hat
    tf.tidy(() => ascentStep(mu, tf.gather(X, indices), rate(t), scale)); // its k rows
    path.push(Array.from(mu.dataSync()));
  }
  mu.dispose();
  return path;
}

// %% [markdown]
// *Predict, then run:* with the starter code's lr $10^{-4}$ and 50 steps, how far from $\mu_0$ will a $k = 10$ run get? The check against the library:

// %%
const checkK = detail[0];
const libraryRun = lab.fitGaussianMean(data, covariance, { batchSize: checkK, seed: seed,
  init: init, learningRate: starterLearningRate, maxSteps: starterSteps, tolerance: 0 });
const loopRun = miniBatchAscent(checkK, libraryRun.steps, () => starterLearningRate, 1);
const gap = Math.max(...libraryRun.path.map((p, t) => Math.max(...p.map((v, j) =>
  Math.abs(v - loopRun[t][j]) / Math.max(1, Math.abs(v))))));
console.log(`mini-batch loop and lab.fitGaussianMean (batchSize ${checkK}) `
  + `${gap <= 1e-4 ? 'agree to float32 precision' : 'DIFFER'} (largest relative difference `
  + `${gap.toExponential(1)} over ${libraryRun.steps} steps); `
  + `mean after them ${fmt(last(loopRun), 4)}`);

// %% [markdown]
// Same seed, same batches, same float32 operations: the two paths agree (bit for bit with the default parameters). From here on `lab.fitGaussianMean` with `batchSize` is the packaged version of this loop. The run has hardly moved from $(0, 0)$ (default parameters), the first hint of what follows.
//
// ## Task 3.1 — Random subsets with the starter code's settings
//
// The starter code kept its Task 1 update, $\mu \leftarrow \mu + \text{lr}\,\nabla \hat L(\mu)$ with lr $= 10^{-4}$, 50 steps, and only swapped the data for a batch of $k$ points. We do the same for every $k$.

// %%
const sumFits = await lab.mapWithProgress(ks, (k) => lab.fitGaussianMean(data, covariance,
  { batchSize: k, seed: seed, init: init, learningRate: starterLearningRate, maxSteps: starterSteps,
    tolerance: 0 }),
  { label: (k) => `k = ${k}`,
    summary: (r) => `${r.length} runs, 'sum' objective, ${starterSteps} steps each` });
const warnDiverged = (runs: Fit[]) => runs.forEach((f, i) => {
  if (f.status === 'diverged') console.log(`warning: k = ${ks[i]} diverged after ${f.steps} steps`
    + ' (left out of the charts)');
});
warnDiverged(sumFits);

// %%
const gapText = (f: Fit) => (bestLogLikelihood - last(f.logLikelihoods)).toFixed(1);
lab.showTable(ks.map((k, i) => [k, fmt(sumFits[i].mean, 4), gapText(sumFits[i])]),
  ['k', `mean after ${starterSteps} steps`, 'L* − L (full data)'],
  { title: `The starter code's settings: 'sum' objective, lr ${starterLearningRate}` });

// %% [markdown]
// With the default parameters small batches hardly move: after 50 steps $k = 1$ is still within $10^{-3}$ of the start, $k = 100$ has covered a tenth of the way, only $k \ge 5000$ arrive. This is **not noise, it is step size**. $\hat L$ is a *sum* over $k$ points, so its gradient $\nabla\hat L = \Sigma^{-1}\sum_{i\in\hat D}(x_i-\mu) \approx \tfrac{k}{5}(\bar x - \mu)$ is proportional to $k$. With a fixed lr each step closes a fraction $\text{lr}\cdot k/5$ of the gap: 20 % for $k = n$, 0.002 % for $k = 1$. The starter code's $k = 1$ run would need about a hundred thousand steps to get anywhere.

// %%
const ok = (fits: Fit[]) => ks.map((k, i) => ({ k: k, fit: fits[i] }))
  .filter((r) => r.fit.status !== 'diverged');
await lab.showChart(lab.lossCurve(ok(sumFits).map((r) => ({ name: `k = ${r.k}`,
  values: r.fit.logLikelihoods })), { optimum: bestLogLikelihood, logScale: true,
  title: "Full-data gap L* − L per step, starter code's settings",
  description: 'Gap to the maximum of the full-data log-likelihood per step, one line per '
    + 'batch size k, sum objective at the starter code\'s rate: larger k fall faster.' }),
  { title: 'Sum objective: gap per step' });

// %% [markdown]
// The full-data gap per step, on a log scale: the curves are ordered by $k$ and small $k$ are flat lines, exactly as the step-size argument predicts.
//
// ## Same speed, different noise: the mean objective
//
// Divide by the batch size: maximise $\hat L / k$, the *average* log-likelihood of the batch. Its gradient $\Sigma^{-1}(\bar x_{\hat D} - \mu)$ has the same expected size for every $k$, so one learning rate fits all; we use the rate derived above. (The same is obtained with the 'sum' objective and lr $= 10^{-4}\cdot n/k$.) Now the runs differ only in noise. *Predict, then run:* will the $k = 1$ run reach $\bar x$?

// %%
const meanFits = await lab.mapWithProgress(ks, (k) => lab.fitGaussianMean(data, covariance,
  { batchSize: k, seed: seed, init: init, objective: 'mean', learningRate: meanLearningRate,
    maxSteps: meanSteps, tolerance: 0 }),
  { label: (k) => `k = ${k}`,
    summary: (r) => `${r.length} runs, 'mean' objective, ${meanSteps} steps each` });
warnDiverged(meanFits);
const fullBatch = last(meanFits);
console.log(`full-batch fitted mean = ${fmt(fullBatch.mean)}, sample mean = ${fmt(sampleMean)}`);

// %% [markdown]
// With the full batch ($k = n$) the mean objective is the starter code's gradient ascent, and it lands on $\bar x$ to five decimals (float32 precision). The first steps of each run, one panel per $k$, over the full-data log-likelihood:

// %%
const box = { xRange: [-5, 5] as [number, number], yRange: [-5, 5] as [number, number] };
const grid = lab.logLikelihoodGrid(data, covariance, { ...box, steps: 16 });
const panel = (k: number, path: number[][]) => lab.layer(
  lab.heatmap(grid, { title: k === n ? `k = n = ${n}` : `k = ${k}`, width: 170, height: 170 }),
  lab.pathOverlay([{ name: `k = ${k}`, points: path.slice(0, starterSteps + 1) }]));
await lab.showChart(lab.concat(ok(meanFits).map((r) => panel(r.k, r.fit.path)), { columns: 4,
  title: `First ${starterSteps} steps per k (mean objective) over the full-data log-likelihood`,
  description: `Paths of the first ${starterSteps} mini-batch steps, one panel per batch size k, `
    + 'over the heatmap of the full-data log-likelihood: small k zig-zag, large k go straight.' }),
  { title: `First ${starterSteps} steps per k` });

// %% [markdown]
// All runs head for $\bar x$ at the same pace; the small batches zig-zag because each step follows the mean of a few random points, which can lie anywhere in the cloud (the data's standard deviation is $\sqrt5 \approx 2.2$). $k = 1$ keeps jumping around at about a unit from $\bar x$; from $k = 100$ on the paths are hard to tell from the full batch at this scale (default parameters).

// %%
await lab.showChart(lab.lossCurve(ok(meanFits).map((r) => ({ name: `k = ${r.k}`,
  values: r.fit.logLikelihoods })), { optimum: bestLogLikelihood, logScale: true,
  maxPointsPerSeries: 100,
  title: 'Full-data gap L* − L per step, mean objective',
  description: 'Gap to the full-data maximum per step for each batch size k with the mean '
    + 'objective: all fall together, then level off at a floor that is lower for larger k.' }),
  { title: 'Mean objective: gap per step' });

// %% [markdown]
// The full-data gap drops along the same line for every $k$ for the first steps, then each run hits a **noise floor** and stays there: the smaller $k$, the higher the floor (about a factor 10 per factor 10 in $k$). Only the full batch keeps descending geometrically, down to the float32 rounding level of about $10^{-10}$ (default parameters). (About every third step is drawn, to keep the notebook small.)
//
// ## Task 3.2 — Log-likelihood over the whole data and over the subsets
//
// What does the *objective* of one step look like? For each $k$ of the assignment we draw one subset (the first batch of the seeded stream) and map its log-likelihood $\hat L$ over $[-5, 5]^2$, next to the full-data $L$. Each panel has its own colour scale: $\hat L$ sums $k$ terms, so its values scale with $k$. *Predict, then run:* where will the maximum of the $k = 1$ panel be?

// %%
const subsetOf = (k: number) => lab.sampleWithoutReplacement(n, k, seed).map((i) => data[i]);
const subsetPanel = (k: number) => {
  const rows = k === n ? data : subsetOf(k), centre = lab.multivariateGaussianMle(rows).mean;
  return lab.layer(lab.heatmap(lab.logLikelihoodGrid(rows, covariance, { ...box, steps: 16 }),
    { title: k === n ? `all ${n} points` : `k = ${k}`, width: 150, height: 150, contours: 6 }),
    lab.pathOverlay([{ name: 'maximum (subset mean)', points: [centre] }]));
};
await lab.showChart(lab.concat(ks.map(subsetPanel), { columns: 4,
  title: 'Log-likelihood of one random subset of k points, and of all data',
  description: 'One heatmap per batch size k of the log-likelihood of a single random subset, '
    + 'next to the full-data log-likelihood: the same bowl shape, centred at the subset mean.' }),
  { title: 'Subset log-likelihoods' });

// %% [markdown]
// Every panel is the same round bowl (its curvature is $k\,\Sigma^{-1}$, so its contours have the same shape), centred at the **subset's own mean**: for $k = 1$ that is the single drawn point, which can sit anywhere in the data cloud; with growing $k$ the centre closes in on $\bar x$ (its spread is $\sqrt{5/k}$ per coordinate), and the bowl deepens in proportion to $k$. A gradient step on $\hat L$ therefore points at a random target near $\bar x$: that is the noise of stochastic gradients, seen in the objective itself.
//
// The starter code plotted only the subset log-likelihood $\hat L$ of each step, and it jumped. Two reasons: $\hat L$ sums $k$ terms, so its scale is $k/n$ of the full $L$; and every step evaluates it on a different sample, so it fluctuates even with μ fixed. Rescaling by $n/k$ makes it an estimate of $L$:

// %%
const at = Math.min(starterSteps,
  ...detail.map((k) => sumFits[ks.indexOf(k)].batchLogLikelihoods.length));
const batchRows = detail.map((k) => {
  const f = sumFits[ks.indexOf(k)], subset = f.batchLogLikelihoods[at - 1];
  return [k, subset, subset * n / k, f.logLikelihoods[at - 1]];
});
lab.showTable(batchRows, ['k', `subset L̂ (step ${at})`, 'L̂ × n/k', `full L (step ${at})`],
  { digits: 1, title: "Starter code's settings, last step" });

// %% [markdown]
// The raw subset values are tiny next to the full one; rescaled by $n/k$ they estimate it, with an error that shrinks with $k$: about 30 % off for this step's $k = 10$ batch, 2 % for $k = 1000$ (default parameters). Per step, on one scale (average log-likelihood per point: full $L/n$ and subset $\hat L/k$, which is the mean objective itself), one panel per $k$:

// %%
const perPointPanel = (k: number) => {
  const f = meanFits[ks.indexOf(k)], steps = Math.min(starterSteps, f.batchLogLikelihoods.length);
  return lab.lossCurve([{ name: 'full data, L/n', values: f.logLikelihoods.slice(0, steps + 1)
    .map((v) => v / n) }, { name: `subset, L̂/k`, values: f.batchLogLikelihoods.slice(0, steps) }],
  { yTitle: 'log-likelihood per point', title: `k = ${k}`, width: 300, height: 200 });
};
await lab.showChart(lab.concat(detail.map(perPointPanel), {
  title: 'Full-data against subset log-likelihood per point (mean objective)',
  description: 'Per step, the full-data log-likelihood per point and the subset one that the '
    + 'step saw, one panel per batch size: the subset curve scatters around the full one, less '
    + 'for larger k.' }),
  { title: 'Full vs subset' });

// %% [markdown]
// The full-data curves are smooth and rise to $L^*/n \approx -1.01$; the subset curve for $k = 10$ scatters widely around its full-data partner (one step's batch may happen to sit close to μ, the next far away), the one for $k = 1000$ hugs it. The subset log-likelihood is a noisy, unbiased estimate of the full one: fine for computing a gradient, poor as a progress monitor. To judge convergence, evaluate the full $L$ (or a fixed held-out set) now and then.
//
// ### How noisy is the gradient? Variance against $k$
//
// At a fixed μ (here $\mu_0$) we draw `varianceSamples` seeded batches per $k$ and measure the total variance of the mean-objective gradient $\tfrac1k\sum_{i\in\hat D}\Sigma^{-1}(x_i-\mu)$. Sampling theory predicts $\operatorname{tr}(\Sigma^{-1} S \Sigma^{-1})/k \cdot (n-k)/(n-1)$: the $1/k$ law times the finite-population factor for drawing without replacement, which is 0 at $k = n$.

// %% [markdown]
// ### The same surfaces in 3-D
//
// The heatmaps flatten $L$ into colour. One call, `lab.showSurface3d`, draws the full-data $L$ as a surface, the mean-objective runs for one subset size and for the full batch as lines lying on it ($z = L$ at each iterate), and three random subsets' $\hat L \cdot n/k$ as grey meshes: the same bowl, each shifted to its subset's mean. It opens a browser window through nodeplotlib, served on 127.0.0.1 only and with no internet needed. When the notebook is run by nbconvert (as for the saved outputs) no window can open: the cell says so in one line, and `npm run explore -- --help` in a terminal shows the same picture for any optimizer and batch size.

// %%
const k3d = detail[0];                                      // a subset size looked at above
const box3d = { xRange: [-3, 3] as [number, number], yRange: [-3, 3] as [number, number] };
const runs3d = [k3d, n].map((k) => ({ ...meanFits[ks.indexOf(k)],
  name: k === n ? 'full batch' : `k = ${k}` }));
const meshes = lab.minibatchLogLikelihoodGrids(data, covariance,
  { batchSize: k3d, seed: seed, steps: 61, ...box3d });

// %%
const surface3d = lab.logLikelihoodGrid(data, covariance, { steps: 61, ...box3d });
await lab.showSurface3d(surface3d, runs3d,
  { extraSurfaces: meshes, title: `L(μ): runs for k = ${k3d} and n, 3 subsets' L̂·n/k as meshes` });

// %% [markdown]
// In the window (JupyterLab on your own machine), the $k$-subset line climbs as fast as the full batch and then scribbles around the top, hiding the full batch's straight climb beneath it (click a name in the legend to hide a line). The meshes show why: each subset's surface, scaled by $n/k$, has the same shape as $L$ but its peak somewhere else (and a little higher or lower: it is only an estimate of $L$), so every step aims at a different peak.

// %%
const variances = ks.map((k) => lab.minibatchGradientVariance(data, covariance, init, k,
  { samples: varianceSamples, seed: seed, objective: 'mean' }));
const fpc = (k: number) => (n > 1 ? (n - k) / (n - 1) : 0);
lab.showTable(ks.map((k, i) => [k, variances[i].measured.toExponential(3),
  variances[i].theoretical.toExponential(3), fpc(k).toFixed(4)]),
  ['k', 'measured variance', 'theory', '(n − k)/(n − 1)'],
  { title: 'Gradient variance at mu_0, mean objective' });

// %%
const partial = ks.filter((k) => k < n), head = variances.slice(0, partial.length);
await lab.showChart(lab.logLogCurves([
  { name: 'theory, 1/k only', xs: partial,
    ys: head.map((v, i) => v.theoretical / fpc(partial[i])) },
  { name: 'theory', xs: partial, ys: head.map((v) => v.theoretical) },
  { name: 'measured', xs: partial, ys: head.map((v) => v.measured), pointsOnly: true },
], { xTitle: 'batch size k', yTitle: 'gradient variance',
  title: 'Gradient variance against k (log-log)',
  description: 'Measured variance of the mini-batch gradient against the batch size k on log-log '
    + 'axes, with the 1/k law and the finite-population theory: the points sit on the theory '
    + 'line.' }),
  { title: 'Gradient variance against k' });

// %% [markdown]
// On log-log axes the $1/k$ law is a line of slope −1, and the measurements (1000 batches each, within a few per cent, their sampling error) sit on the theory line. At $k = 5000$ the finite-population factor $(n-k)/(n-1)$ halves the variance (the theory line bends away from the pure $1/k$ line), and at $k = n$ (not drawable on a log axis) every batch is the whole data set and the variance is exactly 0: the measured value in the table is rounding-level (default parameters). With the 'sum' objective the gradient is $k$ times larger and its variance $k^2$ times larger, so the *relative* noise, standard deviation over size, is the same $1/\sqrt k$ either way.
//
// ### The noise floor
//
// With a constant learning rate the iterates never settle: each step is pulled towards $\bar x$ (by 20 % of the gap here) and kicked by the gradient noise. The balance is a stationary spread, predicted from the variance above (`lab.sgdNoiseFloor` solves $C = A C A^\top + \text{lr}^2 Q$ for this linear recursion); for small steps it is about $\text{lr} \times$ gradient variance / (2 × curvature). We measure the mean squared distance from $\bar x$ over the steps after the first `starterSteps`:

// %%
const from = Math.min(starterSteps, meanSteps - 1);
const floors = ok(meanFits).map((r) => [r.k, lab.meanSquaredDistance(r.fit.path, sampleMean,
  Math.min(from, r.fit.path.length - 1)), lab.sgdNoiseFloor(data, covariance,
  { learningRate: meanLearningRate, batchSize: r.k, objective: 'mean' }).meanSquaredDistance]);
lab.showTable(floors.map(([k, measured, predicted]) => [k, measured.toExponential(2),
  predicted.toExponential(2)]), ['k', 'measured E|mu − x̄|²', 'predicted'],
  { title: `Noise floor, mean objective, lr ${meanLearningRate}, steps ${from}–${meanSteps}` });

// %% [markdown]
// Measured and predicted spreads agree within the sampling error of 250 correlated steps: about 1.1 squared units at $k = 1$, falling like $1/k$, and essentially 0 for the full batch (default parameters).
//
// ### Breaking through the floor: a decaying rate and iterate averaging
//
// The floor is set by the rate: halve lr and the spread halves, but so does the speed. Two classic remedies keep the speed early and remove the floor late (Robbins–Monro; Polyak–Ruppert):
//
// - **a decaying rate** $\text{lr}_t = \text{lr}/(1 + t/50)$: early steps are full size, later ones shrink like $1/t$, so the kicks shrink while their sum still reaches any distance ($\sum_t \text{lr}_t = \infty$, $\sum_t \text{lr}_t^2 < \infty$);
// - **iterate averaging**: keep the constant rate, but report the running average of the iterates after a burn-in (`lab.iterateAverage`); the wandering around $\bar x$ averages out.
//
// Both with $k$ = `remedyBatchSize`, from the same seeded batches; the decaying rate through our loop from Task 3.1 with a rate that depends on $t$. *Predict, then run:* how will the squared distance fall with $t$ for the two remedies?

// %%
const constant = lab.fitGaussianMean(data, covariance, { batchSize: remedyK, seed: seed, init: init,
  objective: 'mean', learningRate: meanLearningRate, maxSteps: remedySteps, tolerance: 0 });
const decayingRate = (t: number) => meanLearningRate / (1 + t / 50);
const decaying = miniBatchAscent(remedyK, constant.steps, decayingRate, 1 / remedyK);
const burnIn = Math.min(starterSteps, constant.path.length - 1);
const averaged = lab.iterateAverage(constant.path, burnIn);

// %%
const squared = (p: number[]) => p.reduce((s, v, j) => s + (v - sampleMean[j]) ** 2, 0);
const remedies = [{ name: 'constant rate', path: constant.path, offset: 0 },
  { name: 'lr / (1 + t/50)', path: decaying, offset: 0 },
  { name: `average after step ${burnIn}`, path: averaged, offset: burnIn }];
for (const r of remedies) console.log(`k = ${remedyK}, ${r.name}: |mu − x̄|² after ${r.offset
  + r.path.length - 1} steps = ${squared(last(r.path)).toExponential(2)}`);

// %%
const logSpaced = (length: number) => [...new Set(Array.from({ length: 120 }, (_, i) =>
  Math.round(Math.exp(i * Math.log(length) / 119)) - 1))];           // ~120 indices, log-spaced
const curves = remedies.map((r) => { const at = logSpaced(r.path.length);
  return { name: r.name, xs: at.map((t) => t + r.offset + 1),
    ys: at.map((t) => Math.max(squared(r.path[t]), 1e-12)) }; });
await lab.showChart(lab.logLogCurves(curves, { xTitle: 'step + 1', yTitle: '|mu − x̄|²',
  title: `Beyond the noise floor (k = ${remedyK})`,
  description: 'Squared distance to the sample mean against the step on log-log axes for a '
    + 'constant rate, a 1/t decaying rate and the running average of the constant-rate '
    + 'iterates.' }),
  { title: 'Beyond the noise floor' });

// %% [markdown]
// The constant-rate run levels off at its floor (about 0.1 for $k = 10$, default parameters) and wanders there. The decaying rate and the average keep falling, roughly like $1/t$ (a line of slope −1 on these axes, with the wiggles of a single random run): after 2000 steps both are more than two orders of magnitude below the floor (about $4\cdot10^{-4}$ against 0.1, default parameters). This is the statistical limit, not an optimisation one: after $t$ steps the run has seen about $kt$ random points, and an average of $kt$ draws cannot be closer to $\bar x$ than about $\operatorname{tr}\Sigma/(kt)$ in squared distance.
//
// ### Cost per step: data points touched
//
// A step with $k$ points costs about $k$ gradient evaluations, so steps are the wrong clock. Against the number of data points touched ($k \times$ steps):

// %%
const early = (f: Fit) => f.logLikelihoods.slice(0, 151).map((v, t) => [t, v])
  .filter(([t]) => t % 3 === 0);
const touched = ok(meanFits).map((r) => ({ name: `k = ${r.k}`,
  xs: early(r.fit).map(([t]) => Math.max(t, 0.5) * r.k),
  ys: early(r.fit).map(([, v]) => Math.max(bestLogLikelihood - v, 1e-12)) }));
await lab.showChart(lab.logLogCurves(touched, { xTitle: 'data points touched (k × steps)',
  yTitle: 'L* − L (full data)', title: 'Gap against data touched',
  description: 'Full-data gap against the number of data points touched, one line per batch size: '
    + 'small batches make progress sooner, then level off at their noise floors.' }),
  { title: 'Gap against data touched' });

// %% [markdown]
// (First 150 steps, every third one drawn; step 0 is placed at half a batch so that it can sit on the log axis.) Measured in data touched, small batches make progress far sooner: $k = 10$ and $k = 100$ are down to a gap of order 10–100 after a few hundred to a few thousand points, while the full batch needs $10^4$ points for its first step and about $10^5$ to get as low (default parameters). But each small-$k$ curve flattens at its noise floor; the full batch is the only one that gets to the exact optimum at a constant rate. Large data sets and cheap, imprecise answers favour small $k$; a precise answer favours large $k$, a decaying learning rate or averaging.
//
// ## Exercises
//
// **Exercise 1.** In `miniBatchAscent`, replace `lab.sampleWithoutReplacement(n, k, uniform)` by $k$ indices drawn *with* replacement (`Math.floor(uniform() * n)`, $k$ times). Does the noise floor for $k = 1000$ change? Predict with the finite-population factor, then check against the table above. (Answer below, collapsed.)

// %% [markdown] jupyter={"source_hidden": true}
// *Answer.* With replacement the factor $(n-k)/(n-1)$ disappears: the gradient variance is the pure $1/k$ law. For $k = 1000$ and $n = 10\,000$ the factor is 0.90, so the floor rises by about 11 %; for $k = 5000$ it would double, and $k = n$ would no longer be noise-free.

// %% [markdown]
// **Exercise 2.** For the 'sum' objective, which learning rate gives a batch of $k$ points the same expected step as the full batch at the starter code's lr $10^{-4}$? Check it with one run. (Answer below, collapsed.)

// %% jupyter={"source_hidden": true}
// lr_k = 1e-4 n / k: the sum over k points is about k/n of the full sum, so the rate is n/k larger.
const kCheck = detail[0];
const scaled = lab.fitGaussianMean(data, covariance, { batchSize: kCheck, seed: seed, init: init,
  learningRate: starterLearningRate * n / kCheck, maxSteps: meanSteps, tolerance: 0 });
const meanRun = meanFits[ks.indexOf(kCheck)];
const scaledRate = (starterLearningRate * n / kCheck).toExponential(1);
console.log(`k = ${kCheck}: sum objective at lr ${scaledRate} ends at ${fmt(scaled.mean, 4)}; `
  + `mean objective at lr ${meanLearningRate} at ${fmt(meanRun.mean, 4)}`);

// %% [markdown]
// **Exercise 3.** Iterate averaging with a *decaying* rate: is it better still? Try `lab.iterateAverage(decaying, burnIn)` and compare its final squared distance with the two remedies above.

// %% jupyter={"source_hidden": true}
const both = lab.iterateAverage(decaying, burnIn);
console.log(`decaying rate, then averaged: |mu − x̄|² = ${squared(last(both)).toExponential(2)}`);
// With the default parameters it lands between the two: a decaying rate already damps the
// wandering, so averaging adds little, and it carries the early, larger errors along.

// %% [markdown]
// ## Conclusions
//
// - **With the starter code's 'sum' objective and a fixed lr, small batches crawl**: the gradient of a sum over $k$ points is proportional to $k$, so the step is too. The starter code's $k = 1$ run barely moves in 50 steps because its steps are $10^4$ times smaller than the full batch's, not because of noise.
// - **The mini-batch step is a few lines**: draw $k$ indices, `tf.gather` the rows, autodiff, update; with the lib's seeded generator it reproduces `lab.fitGaussianMean` exactly.
// - **Make the objective an average** (or scale lr by $n/k$): then every $k$ approaches the optimum at the same speed per step, and $k$ only sets the noise.
// - **Every subset log-likelihood is the same bowl**, $k/n$ as deep as the full one and centred at the subset's mean, which scatters around $\bar x$ with spread $\sqrt{5/k}$ per coordinate.
// - **The gradient noise falls like $1/k$**, exactly $\operatorname{tr}(\Sigma^{-1}S\Sigma^{-1})/k\cdot(n-k)/(n-1)$ when sampling without replacement: measured and predicted agree, and the full batch has none.
// - **Constant-lr SGD stalls at a noise floor** of spread ≈ lr × gradient variance / (2 × curvature); a $1/t$ decaying rate or iterate averaging break through it, at the statistical rate $1/t$.
// - **The subset log-likelihood is a noisy estimate on a $k/n$ scale**: rescale by $n/k$ to compare, and track the full $L$ to judge convergence.
// - **Count data touched, not steps**: small batches buy fast early progress per data point, large batches buy precision.

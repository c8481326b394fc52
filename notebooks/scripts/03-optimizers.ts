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
// # 03 · Better gradient updates
//
// *Likelihood Lab, assignment 1.2, Praxis Task 2.* Notebook 02 found the mean μ of a 2-D Gaussian by plain gradient ascent on the log-likelihood $L(\mu) = -\tfrac12 \sum_i (x_i-\mu)^\top \Sigma^{-1} (x_i-\mu)$. Here the same $L$ goes to every optimizer of TensorFlow.js's `tf.train` family. **What this notebook covers:** momentum and Adam written out as a few lines of tensor code and checked against `tf.train`; all eight optimizers on the starter code's round bowl (Σ = 5I), where tuned vanilla ascent cannot be beaten; a fair contest on an ill-conditioned, correlated bowl (steps to tolerance against the learning rate); RMSprop's ±lr cycle and its cure; the starter code's sign slip.
//
// **Run All** takes one to two minutes on two cores (most of it is the learning-rate contest). **What to change:** the first code cell holds every parameter (the data, the start, the step cap, the rates, the contest's covariance and rate grid); every later number, rate and title is derived from them. Sentences that quote a number hold for the default parameters; each says so where it matters.
//
// Data as in the assignment's starter code: $n = 10\,000$ points from $\mathcal N\big((1,1)^\top, 5I\big)$, Σ known. Runs start at $\mu_0 = (0, 0)^\top$, the task's initial value (the starter code started at $(-1,-1)$; we use that only where we reproduce its Adam run).

// %% tags=["parameters"]
// Parameters a grader may change
const seed = 0;                     // random seed of the data
const n = 10000;                    // number of samples (the starter code's)
const trueMean = [1, 1];
const covariance = [[5, 0], [0, 5]]; // the starter code's round bowl
const init = [0, 0];                // the task's mu_0
const farStart = [-4, 3];           // a start off the diagonal (also the contest's start)
const maxSteps = 500;               // step cap of every run
const tolerance = 1e-6;             // converged: no coordinate moves by this, twice in a row
const vanillaRateFraction = 0.1;    // vanilla, momentum, nesterov: lr = this x the stable limit
const adaptiveRate = 0.1;           // adagrad, rmsprop, adam, adamax: lr is a distance per step
const contestEigenvalues = [1, 25]; // the ill-conditioned Sigma: these eigenvalues ...
const contestAngleDegrees = 30;     // ... with the eigenvectors rotated by this angle
const contestN = 1000;              // samples of the contest's data
const contestRates = [0.018, 0.056, 0.18, 0.56, 1.8, 5.6]; // a coarse log grid, mean objective
const contestMaxSteps = 250;        // step cap per contest run
const contestTolerance = 1e-2;      // reached: within this distance of the sample mean

// %%
import * as lab from 'likelihood-lab';
console.log(lab.backendSummary());
const tf = lab.tf;
const fmt = (v: number[], digits = 5) => `(${v.map((x) => x.toFixed(digits)).join(', ')})`;
const last = <T,>(xs: T[]): T => xs[xs.length - 1];
// The pictures span [-half, half]^2: [-5, 5]^2 as in the starter code, wider for a far start.
const half = Math.ceil(Math.max(5, ...[...init, ...farStart].map((v) => Math.abs(v) + 1)));
// A path up to where it runs far off the picture (the charts cut it at the edge anyway).
const nearby = (points: number[][], limit = 3 * half) => {
  const far = points.findIndex((p) => p.some((v) => !(Math.abs(v) <= limit)));
  return far < 0 ? points : points.slice(0, Math.max(far, 1));
};
const bound = lab.learningRateBound(n, covariance, 'sum');
const vanillaRate = vanillaRateFraction * bound.stable;

// %% [markdown]
// ## Data and the target
//
// The maximiser of $L$ is known in closed form: for a known Σ it is the sample mean $\bar x$. Every optimizer below should end there, to float32 precision.

// %%
const data = lab.sampleMultivariateNormal(n, trueMean, covariance, { seed: seed });
const sampleMean = lab.multivariateGaussianMle(data).mean;
const bestLogLikelihood = lab.gaussianLogLikelihood(data, sampleMean, covariance);
console.log(`sample mean = ${fmt(sampleMean)}, L(sample mean) = ${bestLogLikelihood.toFixed(3)}`);

// %% [markdown]
// With the default $n = 10\,000$ the sample mean sits a few hundredths from the true (1, 1) (standard error $\sqrt{5/n} \approx 0.022$). $L^* = L(\bar x)$ is the value every run is trying to reach.
//
// ## Task 2.1 — On a round bowl, nothing beats tuned vanilla ascent
//
// The gradient is $\nabla L(\mu) = \Sigma^{-1}\sum_i (x_i - \mu) = n\,\Sigma^{-1}(\bar x - \mu)$. For the starter code's $\Sigma = 5I$ that is $\tfrac{n}{5}(\bar x - \mu)$: it points *straight at* $\bar x$ from everywhere, and its length is $n/5$ times the distance. So vanilla ascent with lr $= 1/(n/5) = 5/n$ lands on $\bar x$ in **one step**, from any start. No optimizer can do better than one step; on this bowl the others can only tie or lose, and every difference we see below is about how well each one's rate happens to be tuned. (For a non-isotropic Σ no single rate does it in one step; then the lib's `fastest` rate is the best constant one.)

// %%
const oneStepRate = bound.oneStep ?? bound.fastest;
const oneStep = lab.fitGaussianMean(data, covariance,
  { learningRate: oneStepRate, init: farStart, maxSteps: maxSteps, tolerance: tolerance });
const afterOne = oneStep.path[Math.min(1, oneStep.path.length - 1)];
console.log(`stable below lr = ${bound.stable.toExponential(2)}; `
  + `lr = ${oneStepRate.toExponential(2)} from ${fmt(farStart, 0)}: `
  + `after one step ${fmt(afterOne)} (sample mean ${fmt(sampleMean)})`);

// %% [markdown]
// From the far start $(-4, 3)$ one step at $5/n = 5\cdot10^{-4}$ (default $n$) lands on $\bar x$ to float32 precision; the fit then needs two more steps only to confirm that it has stopped moving. Above $2/(n/5) = 10^{-3}$ vanilla ascent overshoots more each step and diverges.
//
// **Choosing the rates for the tour.** We give vanilla, momentum and Nesterov a tenth of the stable limit (`vanillaRateFraction`; $10^{-4}$ by default, the starter code's rate, each step closes 20 % of the gap). The adaptive methods (Adagrad, RMSprop, Adam, Adamax) divide the gradient by a running measure of its own size, so each coordinate moves about **lr per step whatever the gradient's scale**: for them lr is a distance in parameter space. The optimum is about 1 away in each coordinate, so lr = 0.1 (ten steps' worth) is a sensible common choice. Adadelta is special in TensorFlow.js (see the end of Task 2.3); we run it at lr = 1, the default of its paper and of PyTorch, and show what happens.
//
// ### The loop in plain sight: momentum and Adam, written out
//
// Before handing $L$ to `tf.train`, here is what two of its optimizers do, as tensor code a student could write. $L$ is the starter code's, on tensors; TensorFlow.js's autodiff (`tf.grad`) gives the gradient of $-L$ (the `tf.train` optimizers minimise, so they are given $-L$).

// %%
const logLikelihood = (X: lab.tf.Tensor, P: lab.tf.Tensor, mu: lab.tf.Tensor) => {
  const diff = tf.sub(X, mu);                                     // x_i - mu, one row per point
  return tf.mul(-0.5, tf.sum(tf.mul(tf.matMul(diff, P), diff)));  // the starter code's L
};
const gradientOf = (rows: number[][], sigma: number[][], scale = 1) => {
  const X = tf.tensor2d(rows), P = tf.tensor2d(lab.spdInverse(sigma));
  return tf.grad((mu) => tf.mul(-scale, logLikelihood(X, P, mu))); // g = d(-scale L)/d mu
};
const gradient = gradientOf(data, covariance);

// %%
/** Runs `step(t)` for t = 1..steps and records mu after each: the path. */
function walk(mu: lab.tf.Variable, steps: number, step: (t: number) => void): number[][] {
  const path = [Array.from(mu.dataSync())];
  for (let t = 1; t <= steps; t++) { step(t); path.push(Array.from(mu.dataSync())); }
  return path;
}

// %% [markdown]
// **Momentum** keeps a velocity $v$, the running sum of past gradients with decay β: $v \leftarrow \beta v + g$, then $\mu \leftarrow \mu - \text{lr}\, v$ (TensorFlow.js's form; `tf.train.momentum(lr, 0.9)`).

// %%
type Gradient = typeof gradient;
function momentumPath(grad: Gradient, start: number[], lr: number, beta: number, steps: number) {
  const mu = tf.variable(tf.tensor1d(start)), v = tf.variable(tf.zerosLike(mu));
  const path = walk(mu, steps, () => tf.tidy(() => {
    const g = grad(mu);
    v.assign(tf.add(tf.mul(beta, v), g));  // v <- beta v + g
    mu.assign(tf.sub(mu, tf.mul(lr, v)));   // mu <- mu - lr v
  }));
  tf.dispose([mu, v]);
  return path;
}

// %% [markdown]
// **Adam** keeps two running averages, of the gradient ($m$, decay $\beta_1 = 0.9$) and of its square ($v$, decay $\beta_2 = 0.999$), corrects both for their start at zero, and steps by lr × $\hat m / (\sqrt{\hat v} + \varepsilon)$, coordinate by coordinate ($\varepsilon$ = `tf.backend().epsilon()`, $10^{-7}$ in float32, as `tf.train.adam` uses).

// %%
function adamPath(grad: typeof gradient, start: number[], lr: number, steps: number) {
  const [beta1, beta2, epsilon] = [0.9, 0.999, tf.backend().epsilon()];
  const mu = tf.variable(tf.tensor1d(start));
  const m = tf.variable(tf.zerosLike(mu)), v = tf.variable(tf.zerosLike(mu));
  const path = walk(mu, steps, (t) => tf.tidy(() => {
    const g = grad(mu);
    m.assign(tf.add(tf.mul(beta1, m), tf.mul(1 - beta1, g)));            // first moment
    v.assign(tf.add(tf.mul(beta2, v), tf.mul(1 - beta2, tf.square(g)))); // second moment
    const mHat = tf.div(m, 1 - beta1 ** t), vHat = tf.div(v, 1 - beta2 ** t); // bias corrections
    mu.assign(tf.sub(mu, tf.mul(lr, tf.div(mHat, tf.add(tf.sqrt(vHat), epsilon)))));
  }));
  tf.dispose([mu, m, v]);
  return path;
}

// %% [markdown]
// Now the same two runs through the library, which hands $-L$ to `tf.train.momentum` and `tf.train.adam` (`lab.fitGaussianMean`), and a comparison of the two paths step by step. *Predict, then run:* will they agree exactly, or only to float32 rounding?

// %%
const largestDifference = (mine: number[][], library: number[][]) =>
  Math.max(...library.map((p, t) => Math.max(...p.map((v, j) =>
    Math.abs(v - mine[t][j]) / Math.max(1, Math.abs(v))))));
const agreement = (name: string, mine: number[][], library: lab.FitGaussianMeanResult) => {
  const gap = largestDifference(mine, library.path);
  const verdict = gap <= 1e-4 ? 'agree to float32 precision' : 'DIFFER';
  return `${name}: the loop and tf.train.${name} ${verdict}`
    + ` (largest relative difference ${gap.toExponential(1)} over ${library.steps} steps)`;
};

// %%
const options = { init: init, maxSteps: maxSteps, tolerance: tolerance };
const momentumFit = lab.fitGaussianMean(data, covariance,
  { ...options, optimizer: 'momentum', learningRate: vanillaRate });
const adamFit = lab.fitGaussianMean(data, covariance,
  { ...options, optimizer: 'adam', learningRate: adaptiveRate });
console.log(agreement('momentum', momentumPath(gradient, init, vanillaRate, 0.9, momentumFit.steps),
  momentumFit));
console.log(agreement('adam', adamPath(gradient, init, adaptiveRate, adamFit.steps), adamFit));

// %% [markdown]
// Momentum agrees bit for bit (difference 0 with the default parameters: the same float32 operations in the same order). Adam agrees to a few float32 rounding units: `tf.train.adam` keeps $\beta_1^t$ and $\beta_2^t$ as float32 products updated each step, while our loop computes them in float64. From here on the library call is the packaged version of these loops.
//
// ## Task 2.1 — All eight `tf.train` optimizers on the round bowl

// %%
const settings: { optimizer: lab.OptimizerName; learningRate: number }[] = [
  { optimizer: 'gradient-ascent', learningRate: vanillaRate },
  { optimizer: 'momentum', learningRate: vanillaRate },
  { optimizer: 'nesterov', learningRate: vanillaRate },
  { optimizer: 'adagrad', learningRate: adaptiveRate },
  { optimizer: 'adadelta', learningRate: 1 },
  { optimizer: 'rmsprop', learningRate: adaptiveRate },
  { optimizer: 'adam', learningRate: adaptiveRate },
  { optimizer: 'adamax', learningRate: adaptiveRate },
];

// %% [markdown]
// *Predict, then run:* which of the eight will need the fewest steps, and will any of them fail?

// %%
const fits = await lab.mapWithProgress(settings,
  (s) => lab.fitGaussianMean(data, covariance, { ...s, ...options }),
  { label: (s) => s.optimizer, summary: (r) => `${r.length} runs, ${r.reduce((total, f) =>
    total + f.steps, 0)} optimizer steps in all` });
type Fit = lab.FitGaussianMeanResult;
const warnDiverged = (names: string[], runs: Fit[]) => runs.forEach((f, k) => {
  if (f.status === 'diverged') console.log(`warning: ${names[k]} diverged after ${f.steps} steps`
    + ' (left out of the charts)');
});
warnDiverged(settings.map((s) => `${s.optimizer} at lr ${s.learningRate}`), fits);

// %%
const gapAtEnd = (f: Fit) => (bestLogLikelihood - last(f.logLikelihoods));
lab.showTable(settings.map((s, k) => [s.optimizer, s.learningRate, fits[k].status, fits[k].steps,
  fmt(fits[k].mean), gapAtEnd(fits[k]).toExponential(1)]),
  ['optimizer', 'learning rate', 'status', 'steps', 'final mean', 'L* − L'], { digits: 4 });

// %% [markdown]
// With the default parameters seven of eight runs converge to the sample mean (Adagrad and Adamax stop a few $10^{-5}$ short, when their steps fall below the tolerance). Adadelta at lr 1 diverges at once: its first step is lr × gradient ≈ 2000 (explained under Task 2.3). Among the others RMSprop and vanilla ascent are fastest here, Nesterov needs about a third of momentum's steps, and the Adam family and Adagrad take longest. None comes close to the single step of the tuned vanilla rate above: on a round bowl the contest is decided by the rate, not by the method.

// %%
const adam = fits[settings.findIndex((s) => s.optimizer === 'adam')];
console.log(`adam fitted mean = ${fmt(adam.mean)}, sample mean = ${fmt(sampleMean)}`);

// %% [markdown]
// Adam, run the right way round (minimising $-L$), lands on the closed-form answer: the two agree to about $10^{-5}$, the precision float32 sums over 10 000 points allow.
//
// ## Task 2.2 — Visualise the updates
//
// The paths of the converged runs over one heatmap of $L$ on $[-5, 5]^2$ (the starter code's `vizualize`; a wider square when `init` or `farStart` lie outside it); a diverged run leaves the picture after its first step and is dropped.

// %%
const range: [number, number] = [-half, half];
const box = { xRange: range, yRange: range };
const grid = lab.logLikelihoodGrid(data, covariance, { ...box, steps: 30 });
const paths = fits
  .map((f, k) => ({ name: settings[k].optimizer, points: nearby(f.path), status: f.status }))
  .filter((p) => p.status !== 'diverged');

// %%
const pathsTitle = 'Optimizer paths over the log-likelihood';
await lab.showChart(lab.layer(lab.heatmap(grid, { title: pathsTitle, contours: 8,
  description: 'Heatmap and contour lines of the log-likelihood of the mean on [-5, 5] squared' }),
  lab.pathOverlay(paths, { maxPointsPerPath: 100, description: 'the path of each converged '
    + `optimizer from ${fmt(init, 0)} to the sample mean ${fmt(sampleMean, 2)}` })),
  { title: pathsTitle });

// %% [markdown]
// From $(0,0)$ every path runs along the diagonal: $\Sigma = 5I$ is isotropic and $\bar x - \mu_0 \approx (1, 1)$, so the gradient and the per-coordinate steps all point the same way. The differences are in *how* they travel along it: follow $\mu_x$ step by step.

// %%
const traces = paths.map((p) => ({ name: p.name,
  points: p.points.slice(0, 121).map((q) => [q[0]]) }));
await lab.showChart(lab.coordinateTraces(traces, { coordinateNames: ['mu_x'],
  reference: [sampleMean[0]], referenceTitle: 'sample mean', height: 260,
  title: 'mu_x per step (first 120 steps)', description: 'The x coordinate of the mean per step '
    + 'for each optimizer, with the sample mean as a reference line.' }),
  { title: 'mu_x per step' });

// %% [markdown]
// Vanilla ascent approaches $\bar x$ from one side, fast at first and slower as the gradient shrinks. Momentum overshoots to about 1.7 and swings around $\bar x$ for a hundred steps; Nesterov overshoots less and damps faster. Adam and Adamax climb in a straight line (steps of about lr), run past $\bar x$ and oscillate with decaying amplitude. Adagrad's steps shrink early and then stay in proportion to the distance; RMSprop arrives in a few large steps.

// %%
const converged = fits.map((f, k) => ({ name: settings[k].optimizer, values: f.logLikelihoods,
  status: f.status })).filter((c) => c.status !== 'diverged');
await lab.showChart(lab.lossCurve(converged, { optimum: bestLogLikelihood, logScale: true,
  maxPointsPerSeries: 100, title: 'Gap to the maximum per step (log scale)',
  description: 'Gap between the maximum '
    + 'log-likelihood and the log-likelihood per step, log scale, one line per optimizer.' }),
  { title: 'Gap per step' });

// %% [markdown]
// On a log scale a straight line is geometric convergence. Vanilla ascent is a straight line (the gap shrinks by the factor $0.8^2$ per step); momentum's line is bumpy (each overshoot raises the gap again) and much shallower; RMSprop drops fast; Adam and Adamax fall steeply until they reach the optimum, then the gap goes up and down while they settle.
//
// **Adagrad's line is straight too, not flattening.** Adagrad divides by $\sqrt{G_t}$, $G_t = \sum_{s \le t} g_s^2$. On a quadratic the gradients shrink geometrically, so $G_t$ converges to a finite sum, the effective rate lr/$\sqrt{G_t}$ **freezes**, and from then on Adagrad *is* vanilla ascent at that frozen rate: geometric convergence, a straight line. We recompute $G_t$ from the path (the gradient of $-L$ at $\mu_t$ is $n\Sigma^{-1}(\mu_t - \bar x)$):

// %%
const adagrad = fits[settings.findIndex((s) => s.optimizer === 'adagrad')];
const precision = lab.spdInverse(covariance);
const gradientAt = (mu: number[]) => precision.map((row) =>
  n * row.reduce((s, p, j) => s + p * (mu[j] - sampleMean[j]), 0));
let accumulated = 0.1; // tf.train.adagrad's initial accumulator value
const effectiveRates = adagrad.path.slice(0, -1).map((mu) =>
  adaptiveRate / Math.sqrt(accumulated += gradientAt(mu)[0] ** 2));

// %%
const probes = [10, 50, 100, 200].filter((t) => t < effectiveRates.length);
const gaps = adagrad.logLikelihoods.map((v) => bestLogLikelihood - v);
const factor = (t: number) => (gaps[Math.min(t + 10, gaps.length - 1)] / gaps[t]) ** 0.1;
console.log(`adagrad effective rate at steps ${probes.join(', ')}: `
  + probes.map((t) => effectiveRates[t].toExponential(3)).join(', '));
console.log(`adagrad gap factor per step at steps ${probes.join(', ')}: `
  + probes.map((t) => factor(t).toFixed(3)).join(', '));

// %% [markdown]
// With the default parameters the effective rate settles at about $1.6\cdot10^{-5}$ by step 50 and then does not move, and the gap shrinks by the same factor (about 0.94) per step from then on: exactly vanilla ascent at lr $1.6\cdot10^{-5}$, whose factor is $(1 - 1.6\cdot10^{-5}\cdot n/5)^2 \approx 0.94$. Adagrad is slow here not because its steps keep shrinking, but because its rate froze at a small value after the large early gradients.
//
// **A start off the diagonal.** From `farStart` = $(-4, 3)$ the geometry separates the methods: the gradient points straight at $\bar x$, while the adaptive methods move every coordinate by about lr, i.e. along the sign of the gradient. *Predict, then run:* which of these five will reach the tolerance within `maxSteps`?

// %%
const offStart = ['gradient-ascent', 'momentum', 'adagrad', 'rmsprop', 'adam']
  .map((name) => settings.find((s) => s.optimizer === name)!);
const offFits = await lab.mapWithProgress(offStart, (s) => lab.fitGaussianMean(data, covariance,
  { ...s, ...options, init: farStart }), { label: (s) => `${s.optimizer} from ${fmt(farStart, 0)}`,
  summary: (r) => `${r.length} runs from ${fmt(farStart, 0)}: `
    + r.map((f) => f.status).join(', ') });
warnDiverged(offStart.map((s) => s.optimizer), offFits);

// %%
const offPaths = offFits
  .map((f, k) => ({ name: offStart[k].optimizer, points: nearby(f.path), status: f.status }))
  .filter((p) => p.status !== 'diverged');
await lab.showChart(lab.layer(lab.heatmap(grid, { title: `Paths from ${fmt(farStart, 0)}`,
  contours: 8, description: 'Heatmap and contour lines of the log-likelihood' }),
  lab.pathOverlay(offPaths, { maxPointsPerPath: 100, description: `paths of five optimizers from `
    + `${fmt(farStart, 0)}: vanilla and momentum straight, the adaptive ones first at 45 `
    + 'degrees' })),
  { title: 'Paths from the far start' });

// %% [markdown]
// Vanilla ascent and momentum go straight towards $\bar x$ (momentum overshoots along that line). Adam and RMSprop first move at 45°, equal steps in both coordinates, until the $y$ coordinate arrives; then they travel along $x$ alone: per-coordinate normalisation ignores the *direction* of the gradient vector, only its signs survive early on. Adagrad bends the same way but with shrinking steps.
//
// With the default parameters vanilla ascent, momentum and Adam converge, but **Adagrad and RMSprop end at the step cap** ('max-steps'): not every optimizer reaches the MLE from here. Adagrad is the frozen-rate story again: the long walk in $x$ piled up a large $G_t$ and froze its $x$-rate at a tiny value, so it still creeps geometrically but slowly. RMSprop is different: it does not creep, it **cycles**. Its last steps:

// %%
const rmsprop = offFits[offStart.findIndex((s) => s.optimizer === 'rmsprop')];
const offsets = rmsprop.path.slice(-4).map((p) => fmt(p.map((v, j) => v - sampleMean[j]), 4));
console.log(`rmsprop from ${fmt(farStart, 0)}, mu − x̄ over its last 4 steps: `
  + offsets.join(' '));

// %% [markdown]
// With the default parameters μ jumps between $\bar x + (0.05, -0.05)$ and $\bar x - (0.05, -0.05)$: a cycle of amplitude lr/2 = 0.05 around $\bar x$, every step exactly ±lr. **Why:** suppose μ oscillates by $\pm a$ about $\bar x$ in a coordinate. The gradient there is $\pm c\,a$ ($c$ the curvature), so its square is $c^2a^2$ at every step and the running mean square converges to exactly that: RMS $= |g|$. RMSprop's step lr · $g$/RMS is then exactly ±lr, whatever $a$ is; a step of lr from $\bar x + a$ lands on $\bar x - a$ precisely when $a$ = lr/2. The normalisation that makes RMSprop scale-free also removes the shrinking of the step near the optimum that convergence needs. (From $(0,0)$ it happened to converge; from here it locks into the cycle.)
//
// **The cure: a decaying rate.** The cycle's amplitude is lr/2 for any lr, so lowering the rate as we go, lr$_t$ = lr / (1 + t/50), shrinks the cycle with it. RMSprop written out (it is Adam without the first moment and without bias corrections; `tf.train.rmsprop`'s form) with a rate that is a function of the step:

// %%
function rmspropPath(grad: Gradient, start: number[], rate: (t: number) => number, steps: number) {
  const epsilon = tf.backend().epsilon();
  const mu = tf.variable(tf.tensor1d(start)), s = tf.variable(tf.zerosLike(mu));
  const path = walk(mu, steps, (t) => tf.tidy(() => {
    const g = grad(mu);
    s.assign(tf.add(tf.mul(0.9, s), tf.mul(0.1, tf.square(g))));          // running mean square
    mu.assign(tf.sub(mu, tf.div(tf.mul(rate(t), g), tf.sqrt(tf.add(s, epsilon)))));
  }));
  tf.dispose([mu, s]);
  return path;
}

// %%
const constantRate = rmspropPath(gradient, farStart, () => adaptiveRate, rmsprop.steps);
const decaying = (t: number) => adaptiveRate / (1 + t / 50);
const decayingRate = rmspropPath(gradient, farStart, decaying, rmsprop.steps);
const distance = (p: number[]) => Math.hypot(...p.map((v, j) => v - sampleMean[j]));
console.log(agreement('rmsprop', constantRate, rmsprop));
const endDistance = (path: number[][]) => distance(last(path)).toExponential(2);
console.log(`after ${rmsprop.steps} steps, distance to x̄: constant rate `
  + `${endDistance(constantRate)}, decaying rate ${endDistance(decayingRate)}`);

// %%
const cure = [{ name: 'constant rate', values: constantRate },
  { name: 'lr / (1 + t/50)', values: decayingRate }]
  .map((r) => ({ name: r.name, values: r.values.map((p) => Math.max(distance(p), 1e-9)) }));
await lab.showChart(lab.lossCurve(cure, { logScale: true, yTitle: 'distance to x̄',
  maxPointsPerSeries: 150,
  title: 'RMSprop from the far start: constant against decaying rate',
  description: 'Distance of RMSprop to the sample mean per step, log scale: at a constant rate '
    + 'it levels off in a cycle, with a decaying rate it keeps falling.' }),
  { title: 'RMSprop cure' });

// %% [markdown]
// The loop reproduces `tf.train.rmsprop` exactly at a constant rate, and the chart shows the two regimes: at a constant rate the distance stops at $0.05\sqrt2 \approx 0.07$ (the cycle, default parameters); with the decaying rate it keeps falling, ending about ten times closer after 500 steps. The decay has to be slow enough for the steps to still add up to the distance travelled ($\sum_t \text{lr}_t = \infty$) and fast enough for the cycle to die ($\text{lr}_t \to 0$): the Robbins–Monro conditions that notebook 04 meets again for stochastic gradients. Adam escapes the cycle without any schedule: its first moment $\hat m$ *averages* the alternating gradients $\pm c\,a$ towards 0, so its steps shrink.
//
// ## Task 2.3 — How and why do these methods differ? A fair contest on an ill-conditioned bowl
//
// The round bowl cannot tell the methods apart. Real problems have directions of very different curvature, often not aligned with the coordinate axes. We build such a Σ from the parameters: eigenvalues `contestEigenvalues` = 1 and 25, eigenvectors rotated by `contestAngleDegrees` = 30°. The curvature of the mean objective $L/n$ is $\Sigma^{-1}$, with eigenvalues 1 and 1/25: a **condition number** $\kappa = 25$.

// %%
const angle = contestAngleDegrees * Math.PI / 180;
const [c, s] = [Math.cos(angle), Math.sin(angle)];
const [low, high] = contestEigenvalues;
const contestCovariance = [[c * c * low + s * s * high, c * s * (low - high)],
  [c * s * (low - high), s * s * low + c * c * high]];
const contestData = lab.sampleMultivariateNormal(contestN, trueMean, contestCovariance,
  { seed: seed });
const contestMean = lab.multivariateGaussianMle(contestData).mean;
const contestBound = lab.learningRateBound(contestN, contestCovariance, 'mean');
const kappa = contestBound.curvatureMax / contestBound.curvatureMin;
console.log(`contest Sigma = [${contestCovariance.map((r) => fmt(r, 3)).join(', ')}], kappa = ${
  kappa.toFixed(1)}, sample mean ${fmt(contestMean, 4)}`);

// %% [markdown]
// **What theory predicts.** Vanilla ascent's best constant rate is $2/(c_{\min} + c_{\max})$ and even there the error shrinks only by $(\kappa-1)/(\kappa+1)$ per step in the worst direction. Heavy-ball momentum with $\beta = \big((\sqrt\kappa-1)/(\sqrt\kappa+1)\big)^2$ and lr $= 4/(\sqrt{c_{\max}}+\sqrt{c_{\min}})^2$ shrinks it by $(\sqrt\kappa-1)/(\sqrt\kappa+1)$: about $\sqrt\kappa$ times fewer steps. The steps needed to go from distance $D$ to the tolerance are about $\ln(D/\text{tol}) / \ln(1/\text{factor})$.

// %%
const root = Math.sqrt(kappa);
const tunedBeta = ((root - 1) / (root + 1)) ** 2;
const { curvatureMax, curvatureMin } = contestBound;
const tunedRate = 4 / (Math.sqrt(curvatureMax) + Math.sqrt(curvatureMin)) ** 2;
const startDistance = Math.hypot(...farStart.map((v, j) => v - contestMean[j]));
const predicted = (f: number) =>
  Math.ceil(Math.log(startDistance / contestTolerance) / -Math.log(f));
console.log(`vanilla at lr ${contestBound.fastest.toFixed(3)}: factor ${contestBound.contraction
  .toFixed(3)}, about ${predicted(contestBound.contraction)} steps`);
const heavyFactor = (root - 1) / (root + 1);
console.log(`heavy ball, beta ${tunedBeta.toFixed(3)}, lr ${tunedRate.toFixed(3)}: `
  + `factor ${heavyFactor.toFixed(3)}, about ${predicted(heavyFactor)} steps`);

// %% [markdown]
// Our momentum loop from above takes any β, so we can run the tuned heavy ball directly (on the mean objective: the gradient scaled by $1/n$), next to vanilla ascent at its best rate through the library:

// %%
const contestGradient = gradientOf(contestData, contestCovariance, 1 / contestN);
const heavyBall = momentumPath(contestGradient, farStart, tunedRate, tunedBeta, contestMaxSteps);
const vanillaBest = lab.fitGaussianMean(contestData, contestCovariance, { objective: 'mean',
  learningRate: contestBound.fastest, init: farStart, maxSteps: contestMaxSteps, tolerance: 0 });
const stepsTo = (path: number[][]) => {
  const outside = path.map((p) =>
    !(Math.hypot(...p.map((v, j) => v - contestMean[j])) <= contestTolerance)); // NaN: outside
  return outside[outside.length - 1] ? null : outside.lastIndexOf(true) + 1;
};
const stepsText = (path: number[][]) => `${stepsTo(path) ?? 'not reached'}`;
console.log(`steps to ${contestTolerance}: vanilla at its best rate ${stepsText(vanillaBest.path)}`
  + ', '
  + `tuned heavy ball ${stepsText(heavyBall)}`);

// %% [markdown]
// With the default parameters vanilla ascent needs exactly the predicted 79 steps and the tuned heavy ball 24, a third of them. (It lags its prediction of 16: at the tuned β its two modes merge, and the error carries a factor $t$ in front of the geometric term; asymptotically the gain is the full $\sqrt\kappa = 5$.) But `tf.train.momentum(lr, 0.9)` fixes β = 0.9, which is the tuned value for $\kappa \approx 1400$; on our $\kappa = 25$ it oscillates more than it needs to. How do the eight `tf.train` optimizers do when each may pick its own rate? *Predict, then run:* which optimizer will have the widest range of good rates?

// %%
const sweepOptions = { learningRates: contestRates, init: farStart, maxSteps: contestMaxSteps,
  tolerance: contestTolerance };
const contest = (await lab.mapWithProgress([...lab.OPTIMIZER_NAMES], (name) =>
  lab.learningRateSweep(contestData, contestCovariance, { ...sweepOptions, optimizers: [name] }),
  { label: (name) => name,
    summary: (r) => `${r.length} optimizers x ${contestRates.length} rates` })).flat();
type Run = lab.LearningRateSweepRun;
const cellOf = (r: Run) => r.steps ?? (r.status === 'diverged' ? 'diverged' : '—');
const runsOf = (name: string) => contest.filter((r) => r.optimizer === name);
lab.showTable(lab.OPTIMIZER_NAMES.map((name) => [name, ...runsOf(name).map(cellOf)]),
  ['optimizer', ...contestRates.map((r) => `lr ${r}`)],
  { title: `Steps to within ${contestTolerance} of the sample mean (cap ${contestMaxSteps})` });

// %%
const series = lab.OPTIMIZER_NAMES.map((name) => ({ name: name,
  points: runsOf(name).map((r) => ({ learningRate: r.learningRate, steps: r.steps })) }));
await lab.showChart(lab.stepsToTolerance(series, { maxSteps: contestMaxSteps,
  title: 'Robustness to the learning rate (ill-conditioned bowl)',
  description: `Steps to within ${contestTolerance} of the sample mean against the learning rate `
    + 'on a log axis, one line per optimizer; runs that did not get there are crosses at the '
    + 'top.' }),
  { title: 'Steps to tolerance against the learning rate' });

// %%
const fewest = (runs: Run[]) => runs.filter((r) => r.steps !== null)
  .sort((a, b) => a.steps! - b.steps! || a.learningRate - b.learningRate)[0];
const best = lab.OPTIMIZER_NAMES.map((name) => fewest(runsOf(name))).filter((r) => r !== undefined);
console.log('ill-conditioned contest, steps to tolerance at the best rate of the grid: '
  + best.map((r) => `${r.optimizer} ${r.steps} (lr ${r.learningRate})`).join(', '));

// %% [markdown]
// Read the table and the chart together (default parameters; a dash is "not within tolerance at the cap"):
//
// - **Vanilla ascent** works at a single rate of the grid (1.8, 82 steps, the best count of the contest): below it the slow direction crawls and the cap is hit, above $2/c_{\max} = 2$ it diverges. Adadelta, which in TensorFlow.js behaves like vanilla ascent (see below), has exactly the same row.
// - **Momentum** (β = 0.9) has the widest window, from 0.056 to 1.8: its effective rate is lr/(1 − β), ten times lr, so small rates still travel, and it stays stable up to lr $c_{\max} = 2(1+\beta)$. Nesterov's window is a little narrower. At their best (115 and 94 steps) they are *not* faster than vanilla at its best: β = 0.9 is the tuned value for a far worse conditioned problem; the $\sqrt\kappa$ gain needs the tuned β of the heavy-ball run above.
// - **Adam and Adamax** work from 0.56 and 1.8 up to the end of the grid and never diverge: their steps are about lr long whatever the gradient, so a large rate only means a coarser approach; a small one needs more than the cap of steps to travel the distance of about 5.4. At their best they are no faster than tuned vanilla: per-coordinate scaling rescales $x$ and $y$, not the bowl's own directions, which are rotated 30° away from the axes.
// - **Adagrad** works only at the two largest rates, because its rate freezes at lr divided by the size of the large early gradients. **RMSprop** reaches the tolerance nowhere on this grid: it ends in its ±lr cycle at every rate but the smallest, where its cycle (amplitude 0.009) would fit but 250 steps of 0.018 are too few to travel there.
//
// The case for the adaptive methods is **robustness**: no need to know the curvature to pick a rate that works. The case for plain methods is that, when the curvature is known (as here, from Σ), a tuned rate (and β) beats them.
//
// Each optimizer at its own best rate of the grid, over the contest's log-likelihood:

// %%
const bestFits = best.map((r) => lab.fitGaussianMean(contestData, contestCovariance,
  { objective: 'mean', optimizer: r.optimizer, learningRate: r.learningRate, init: farStart,
    maxSteps: contestMaxSteps, tolerance: 0 }));
const contestGrid = lab.logLikelihoodGrid(contestData, contestCovariance, { ...box, steps: 16 });
const bestPaths = bestFits.map((f, k) => ({
  name: `${best[k].optimizer} (lr ${best[k].learningRate})`,
  points: f.path.slice(0, (best[k].steps ?? contestMaxSteps) + 1) }));

// %%
const heavyName = `tuned heavy ball (lr ${tunedRate.toFixed(2)}, beta ${tunedBeta.toFixed(2)})`;
const heavyPath = { name: heavyName,
  points: heavyBall.slice(0, (stepsTo(heavyBall) ?? contestMaxSteps) + 1) };
const contestPanel = (p: { name: string; points: number[][] }) => lab.layer(
  lab.heatmap(contestGrid, { title: p.name, contours: 6, width: 170, height: 170 }),
  lab.pathOverlay([{ name: p.name, points: nearby(p.points) }], { maxPointsPerPath: 120 }));
await lab.showChart(lab.concat([heavyPath, ...bestPaths].map(contestPanel), { columns: 3,
  title: 'Ill-conditioned bowl: each optimizer at its best rate of the grid',
  description: 'One panel per optimizer: its path at its best rate over the contours of the '
    + 'ill-conditioned log-likelihood, drawn until it is within tolerance of the sample mean.' }),
  { title: 'Ill-conditioned bowl: paths at the best rates' });

// %% [markdown]
// Each path is drawn until it reaches the tolerance. Vanilla ascent (and Adadelta) zig-zag across the narrow direction of the bowl while creeping along the long one; momentum and Nesterov swing along the valley; Adam and Adamax first move diagonally (sign-like steps) and then curve into the valley. The tuned heavy ball is fast but not direct: its first steps overshoot far across the narrow direction (off the picture, default parameters) before the oscillation dies out within a few steps.
//
// ### Task 2.3, continued — what each method does with the gradient
//
// All eight take the same autodiff gradient $g = \nabla_\mu(-L)$; they differ in what they do with it.
//
// - **Vanilla (`sgd`)**: $\mu \leftarrow \mu - \text{lr}\, g$. The step is proportional to the gradient, so the learning rate must match the curvature; on a quadratic it converges geometrically, and on a round bowl a tuned rate finishes in one step.
// - **Momentum**: a velocity $v \leftarrow 0.9\,v + g$ and $\mu \leftarrow \mu - \text{lr}\,v$. Past gradients keep pushing, which speeds up long shallow valleys and widens the range of good rates, but carries $\mu$ past the optimum: oscillation that decays by about $\sqrt{0.9}$ per step. With β tuned to the conditioning it gains a factor $\sqrt\kappa$ over vanilla ascent.
// - **Nesterov**: the same velocity, but the gradient is taken where the velocity is about to carry $\mu$ (a look-ahead), so it brakes before the overshoot.
// - **Adagrad**: divides by $\sqrt{\sum_t g_t^2}$, the root of *all* squared gradients so far. On a quadratic that sum converges, so the effective rate freezes: geometric convergence at a rate set by the size of the early gradients (slow after a far start).
// - **RMSprop**: divides by a *running* root mean square of recent gradients (decay 0.9), so the step stays about lr whatever the gradient size (its first step is lr / $\sqrt{0.1} \approx 3.2$ lr). Near the optimum that can lock it into a cycle of amplitude lr/2 with steps of exactly ±lr; a decaying rate cures it.
// - **Adam**: RMSprop's normalisation plus momentum on the numerator, both bias-corrected for their zero start. Its step is lr × $\hat m/\sqrt{\hat v}$, about lr while the gradient is steady, a small overshoot from the momentum, then it settles (the averaged $\hat m$ cancels alternating gradients).
// - **Adamax**: Adam with the infinity norm, $u \leftarrow \max(0.999\,u, |g|)$, in place of the RMS: the same approach, a slightly different decay near the end.
// - **Adadelta**: meant to need no learning rate: the step is $\text{RMS}[\Delta\mu]/\text{RMS}[g] \cdot g$. In the paper (and PyTorch) the numerator starts at $\sqrt{\varepsilon}$, so the first steps are tiny and at lr 1 it barely moves. TensorFlow.js 4.22 divides by the accumulator of the *previous* step, which is 0 on the first step: the first update is exactly $g$ (≈ 2000 here), and after it both RMS terms track $|g|$, so the ratio stays near 1 and adadelta behaves like vanilla ascent with the same lr. Hence lr 1 diverges, and a vanilla-sized lr works:

// %%
const adadeltaSmall = lab.fitGaussianMean(data, covariance,
  { ...options, optimizer: 'adadelta', learningRate: vanillaRate });
console.log(`adadelta lr ${vanillaRate.toExponential(1)}: ${adadeltaSmall.status} after `
  + `${adadeltaSmall.steps} steps (vanilla: ${fits[0].steps}), mean ${fmt(adadeltaSmall.mean)}`);

// %% [markdown]
// At the vanilla rate TensorFlow.js's adadelta converges in as many steps as vanilla ascent (57 with the default parameters), confirming that in this implementation it is gradient ascent with a ratio near 1, not a learning-rate-free method.
//
// **Scale invariance, checked.** If the adaptive methods really ignore the gradient's scale, Adam on the *mean* log-likelihood $L/n$ (gradients $n$ times smaller) should follow the same path at the same lr:

// %%
const adamOnMean = lab.fitGaussianMean(data, covariance,
  { ...options, optimizer: 'adam', learningRate: adaptiveRate, objective: 'mean' });
const probe = Math.min(10, adam.path.length - 1, adamOnMean.path.length - 1);
console.log(`adam on L: ${adam.steps} steps, on L/n: ${adamOnMean.steps} steps; `
  + `after ${probe} steps ${fmt(adam.path[probe], 4)} vs ${fmt(adamOnMean.path[probe], 4)}`);

// %% [markdown]
// The paths agree step for step and stop after about the same number of steps, whereas vanilla ascent on $L/n$ would need an lr $n$ times larger for the same progress. That is the practical case for Adam and friends: the learning rate is a distance, easy to choose without knowing the gradient's scale.
//
// ## The starter code's slip: `optimizer.step()` minimises
//
// The starter code's Task 2 calls `likelihood.backward()` and then `optim.Adam(...).step()`. PyTorch optimizers **minimise**, so this walks μ *down* the log-likelihood, away from the maximum. We reproduce it with the starter code's own settings (Adam, lr $10^{-4}$, 100 steps, start $(-1,-1)$):

// %%
const starterStart = [-1, -1];
const slipStarter = lab.fitGaussianMean(data, covariance,
  { optimizer: 'adam', learningRate: 1e-4, maxSteps: 100, init: starterStart,
    direction: 'descent' });
const fell = (f: Fit) =>
  `fell from ${f.logLikelihoods[0].toFixed(2)} to ${last(f.logLikelihoods).toFixed(2)}`;
console.log(`starter code's Adam (minimising L): log-likelihood ${fell(slipStarter)}, `
  + `mean ${fmt(slipStarter.mean)}`);

// %% [markdown]
// With lr $10^{-4}$ Adam moves only about $10^{-4}$ per step, so 100 steps shift μ by 0.01 and the starter code's plot looked almost flat, which hid the sign error. Note that the log-likelihood went *down*. With a larger lr the walk-away is plain:

// %%
const slipVisible = lab.fitGaussianMean(data, covariance,
  { optimizer: 'adam', learningRate: 0.05, maxSteps: 100, init: starterStart,
    direction: 'descent' });
const speed = (f: Fit, lr: number, from: number, to: number) =>
  Math.abs(f.path[Math.min(to, f.path.length - 1)][0] - f.path[from][0]) / (lr * (to - from));
console.log(`starter code's Adam at lr 0.05 (minimising L): log-likelihood ${fell(slipVisible)}, `
  + `mean ${fmt(slipVisible.mean)}`);
console.log(`distance per step in x, in units of lr: steps 0-10 ${speed(slipVisible, 0.05, 0, 10)
  .toFixed(2)}, steps 90-100 ${speed(slipVisible, 0.05, 90, 100).toFixed(2)}, `
  + `all 100 ${speed(slipVisible, 0.05, 0, 100).toFixed(2)}`);

// %% [markdown]
// Adam's steps are **not** a constant lr here: they start at lr and grow to about 1.4 lr by step 100, about 1.2 lr on average (default parameters). The reason is the two memories. Walking away from the data, the gradient *grows* with the distance. $\hat m$ averages only the last ten or so gradients ($\beta_1 = 0.9$), so it follows the growth; $\sqrt{\hat v}$ is a root mean square over all steps so far ($\beta_2 = 0.999$, bias-corrected), dominated by the smaller early gradients. So $\hat m/\sqrt{\hat v}$ exceeds 1 while the gradient grows (and falls below 1 while it shrinks, as on the way *to* an optimum).
//
// The fix is one sign: minimise $-L$ (in PyTorch `(-likelihood).backward()`, or `maximize=True`). That is what `direction: 'ascent'` does:

// %%
const fixed = lab.fitGaussianMean(data, covariance,
  { ...options, optimizer: 'adam', learningRate: 0.05, init: starterStart });
console.log(`corrected Adam at lr 0.05 (minimising -L): ${fixed.status} after `
  + `${fixed.steps} steps, mean ${fmt(fixed.mean)}`);

// %%
const slipRuns = [{ name: 'starter: min L, 1e-4', fit: slipStarter },
  { name: 'min L, 0.05', fit: slipVisible }, { name: 'min −L, 0.05', fit: fixed }];
const slipBox = 1 + Math.ceil(Math.max(...slipRuns.flatMap((r) =>
  r.fit.path.flat().map(Math.abs))));
const slipRange: [number, number] = [-slipBox, slipBox];
const slipGrid = lab.logLikelihoodGrid(data, covariance, { xRange: slipRange, yRange: slipRange,
  steps: 24 });
await lab.showChart(lab.layer(lab.heatmap(slipGrid, { contours: 8,
  title: "The starter code's Adam slip: paths from (-1, -1)" }),
  lab.pathOverlay(slipRuns.map((r) => ({ name: r.name, points: r.fit.path })),
    { maxPointsPerPath: 100, highlight: [slipRuns[0].name], description: 'Paths from (-1, -1): '
      + 'minimising L walks away from the data, minimising -L walks to the sample mean; the '
      + "starter code's own run, highlighted, barely moves." })),
  { title: "The starter code's slip" });

// %% [markdown]
// Minimising $L$ walks from $(-1,-1)$ straight away from the data (to about $(-7,-7)$ in 100 steps at lr 0.05, default parameters); minimising $-L$ walks to $\bar x$. The starter code's own run is the dot that barely leaves $(-1,-1)$.

// %%
await lab.showChart(lab.lossCurve(slipRuns.map((r) => ({ name: r.name,
  values: r.fit.logLikelihoods.slice(0, 101) })),
  { title: 'Log-likelihood per step: down when minimising L', description: 'Full-data '
    + 'log-likelihood per step of the three runs: it falls when minimising L, rises when '
    + 'minimising -L.' }), { title: 'Starter slip, log-likelihood' });

// %% [markdown]
// The log-likelihood of the minimising runs falls (quadratically in the distance walked), the corrected run's rises to $L^*$ and stays there. A quick check for any optimizer loop: the quantity you mean to maximise must go **up**.
//
// ## Exercises
//
// **Exercise 1.** Momentum with β = 0 is vanilla ascent. Check it with `momentumPath` against `lab.fitGaussianMean` with optimizer `'gradient-ascent'` on the round bowl. (Answer below, collapsed.)

// %% jupyter={"source_hidden": true}
const vanillaFit = lab.fitGaussianMean(data, covariance, { ...options, learningRate: vanillaRate });
const noMomentum = momentumPath(gradient, init, vanillaRate, 0, vanillaFit.steps);
console.log(`beta = 0: largest relative difference to tf.train.sgd `
  + `${largestDifference(noMomentum, vanillaFit.path).toExponential(1)}`);

// %% [markdown]
// **Exercise 2.** On the contest's bowl, run the tuned heavy ball at half and at twice `tunedRate` (same β). Which direction of mistuning costs more steps, and why? (Answer below, collapsed.)

// %% jupyter={"source_hidden": true}
for (const factor of [0.5, 1, 2]) {
  const rate = factor * tunedRate;
  const path = momentumPath(contestGradient, farStart, rate, tunedBeta, contestMaxSteps);
  console.log(`heavy ball at ${factor} x the tuned rate: steps to tolerance ${stepsText(path)}`);
}
// Halving the rate slows the slow direction (about twice the steps); doubling it takes the steep
// direction past the stability limit lr c_max < 2 (1 + beta) of the heavy ball: it diverges.

// %% [markdown]
// **Exercise 3.** Why does Adam not get caught in RMSprop's ±lr cycle from the far start?

// %% [markdown] jupyter={"source_hidden": true}
// *Answer.* In the cycle the gradient alternates in sign, $\pm c\,a$. Adam's numerator $\hat m$ is a running *average* of the gradient, which cancels alternating values towards 0, while $\sqrt{\hat v}$ stays near $c\,a$: the ratio and with it the step shrink, so the oscillation dies out. RMSprop's numerator is the current gradient itself, so its step stays ±lr.

// %% [markdown]
// ### Summary
//
// - All `tf.train` optimizers can reach the closed-form MLE $\bar x$; on the starter code's round bowl none beats vanilla ascent at lr $= 5/n$, which gets there in one step.
// - Momentum and Adam are a few lines of tensor code each; our loops reproduce `tf.train.momentum` exactly and `tf.train.adam` to float32 precision.
// - Gradient-proportional methods (vanilla, momentum, Nesterov, and TensorFlow.js's adadelta) need an lr matched to the curvature; normalised methods (RMSprop, Adam, Adamax, Adagrad at first) take steps of about lr whatever the scale, which makes them robust to the choice of rate.
// - On an ill-conditioned bowl ($\kappa = 25$) vanilla ascent zig-zags and works only in a narrow window of rates; heavy-ball momentum with a tuned β needs a third of its steps (a factor $\sqrt\kappa = 5$ asymptotically); momentum at β = 0.9 and the adaptive methods work over wide ranges of rates but are not faster than tuned vanilla, and per-coordinate scaling cannot undo a rotated valley.
// - Adagrad's rate freezes on a quadratic (geometric convergence); RMSprop can lock into a ±lr cycle (cure: a decaying rate); Adam's steps exceed lr while the gradient grows.
// - PyTorch and TensorFlow.js optimizers minimise: to maximise a log-likelihood, minimise its negative.

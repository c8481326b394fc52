import * as vegaLite from 'vega-lite';
import type { TopLevelSpec } from 'vega-lite';

/** Compiles a spec with vega-lite and returns every warning it logged (none is the goal). */
export function compileWarnings(spec: TopLevelSpec): string[] {
  const warnings: string[] = [];
  let level = 0;
  const logger = {
    level(value?: number) {
      if (value === undefined) return level;
      level = value;
      return logger;
    },
    error(...args: unknown[]) {
      warnings.push(`error: ${args.join(' ')}`);
      return logger;
    },
    warn(...args: unknown[]) {
      warnings.push(args.join(' '));
      return logger;
    },
    info() {
      return logger;
    },
    debug() {
      return logger;
    },
  };
  vegaLite.compile(spec, { logger: logger as never });
  return warnings;
}

/** xs = ys = n evenly spaced points on [-5, 5]. */
export function linspace(low: number, high: number, n: number): number[] {
  return Array.from({ length: n }, (_, k) => low + ((high - low) * k) / (n - 1));
}

/**
 * The log-likelihood of the mean of a 2-D standard Gaussian for 10000 points with sample mean
 * (1.3, -0.7), on an n x n grid over [-5, 5]^2: values of order -1e5, like the notebooks'.
 */
export function gaussianGrid(n: number): { xs: number[]; ys: number[]; values: number[][] } {
  const xs = linspace(-5, 5, n);
  const ys = linspace(-5, 5, n);
  const values = ys.map((y) => xs.map((x) => -5000 * ((x - 1.3) ** 2 + (y + 0.7) ** 2) - 28378.8));
  return { xs, ys, values };
}

/** Three optimizer-like paths of `steps` points spiralling from different starts to (1.3, -0.7). */
export function spiralPaths(steps: number): { name: string; points: number[][] }[] {
  const starts = [
    [-4, 4],
    [4, 4],
    [-4, -4],
  ];
  return starts.map(([x0, y0], r) => ({
    name: ['SGD', 'Momentum', 'Adam'][r],
    points: Array.from({ length: steps }, (_, t) => {
      const shrink = Math.exp(-t / 40);
      const angle = t / 10;
      const dx = (x0 - 1.3) * shrink,
        dy = (y0 + 0.7) * shrink;
      return [1.3 + dx * Math.cos(angle) - dy * Math.sin(angle), -0.7 + dx * Math.sin(angle) + dy * Math.cos(angle)];
    }),
  }));
}

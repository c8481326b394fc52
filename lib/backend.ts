/**
 * The one place where Likelihood Lab chooses its TensorFlow.js backend.
 *
 * Every tensor-touching module imports `tf` from here, so the choice is made once, before any
 * tensor exists: the native `tensorflow` backend of `@tensorflow/tfjs-node` when its addon loads,
 * otherwise the pure-JavaScript `cpu` backend of `@tensorflow/tfjs` (correct but slow for large
 * tensors; a loud warning says how to fix the install).
 *
 * The environment variable `LIKELIHOOD_LAB_BACKEND` forces the choice: `tensorflow` (fail if the
 * native addon does not load) or `cpu`. Unset, or `auto`, prefers `tensorflow`.
 *
 * @example
 * import { tf, backendInfo } from './backend';
 * backendInfo().backend; // => 'tensorflow' (or 'cpu')
 */
import * as tfjs from '@tensorflow/tfjs';

/** The TensorFlow.js namespace, with the chosen backend active (usable as a value and for types). */
export { tfjs as tf };

/** The backends Likelihood Lab can run on. */
export type BackendName = 'tensorflow' | 'cpu';

/** What `backendInfo()` reports: plain data, safe to print in a notebook. */
export interface BackendInfo {
  /** The active TensorFlow.js backend. */
  backend: BackendName;
  /** Why this backend: `forced by LIKELIHOOD_LAB_BACKEND` or `native addon loaded` / its failure. */
  reason: string;
  /** Version of `@tensorflow/tfjs-core` in use. */
  tfjsVersion: string;
  /** Version of `@tensorflow/tfjs-node`, or `null` when it is not loaded. */
  tfjsNodeVersion: string | null;
  /** Version of the TensorFlow C library behind the native backend, or `null`. */
  libtensorflowVersion: string | null;
  /** Node.js version, e.g. `v20.20.2`. */
  nodeVersion: string;
}

const FIX_HINT =
  "run `npm run setup` (it installs libtensorflow for @tensorflow/tfjs-node, from PyPI's " +
  "tensorflow-cpu wheel when Google's storage host is unreachable); see README, Troubleshooting";

function chooseBackend(): BackendInfo {
  // TensorFlow's C library logs CPU-feature notices to stderr at load; keep notebook runs quiet.
  process.env.TF_CPP_MIN_LOG_LEVEL = process.env.TF_CPP_MIN_LOG_LEVEL ?? '2';
  // oneDNN kernels may reorder float32 sums by thread layout; off, re-runs give the same digits.
  process.env.TF_ENABLE_ONEDNN_OPTS = process.env.TF_ENABLE_ONEDNN_OPTS ?? '0';
  const requested = (process.env.LIKELIHOOD_LAB_BACKEND ?? 'auto').trim().toLowerCase();
  if (!['auto', '', 'tensorflow', 'cpu'].includes(requested)) {
    throw new RangeError(`backend requires LIKELIHOOD_LAB_BACKEND to be 'tensorflow', 'cpu' or 'auto', got '${requested}'`);
  }
  let tfjsNodeVersion: string | null = null;
  let libtensorflowVersion: string | null = null;
  let reason: string;
  if (requested === 'cpu') {
    reason = 'forced by LIKELIHOOD_LAB_BACKEND=cpu';
  } else {
    try {
      // A runtime require, not an import: the native addon is optional and may fail to load here.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const tfn = require('@tensorflow/tfjs-node');
      tfjsNodeVersion = tfn.version?.['tfjs-node'] ?? null;
      libtensorflowVersion = tfn.version?.['tfjs-node'] ? readLibtensorflowVersion(tfn) : null;
      reason = requested === 'tensorflow' ? 'forced by LIKELIHOOD_LAB_BACKEND=tensorflow' : 'native addon loaded';
    } catch (error) {
      const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
      if (requested === 'tensorflow') {
        throw new Error(
          `backend requires @tensorflow/tfjs-node (LIKELIHOOD_LAB_BACKEND=tensorflow) but it failed to load: ${message}; ${FIX_HINT}`,
          { cause: error },
        );
      }
      reason = `native addon failed to load (${message})`;
      console.warn(
        '\n*** Likelihood Lab: @tensorflow/tfjs-node did not load, falling back to the SLOW pure-JS cpu backend.\n' +
          `*** Reason: ${message}\n*** Fix: ${FIX_HINT}\n`,
      );
    }
  }
  const wanted: BackendName = tfjsNodeVersion !== null ? 'tensorflow' : 'cpu';
  // Both backends initialise synchronously, so the promise settles before any tensor is made.
  void tfjs.setBackend(wanted);
  if (tfjs.getBackend() !== wanted) {
    throw new Error(`backend requires the '${wanted}' backend to initialise, got '${tfjs.getBackend()}'`);
  }
  return {
    backend: wanted,
    reason,
    tfjsVersion: tfjs.version_core,
    tfjsNodeVersion,
    libtensorflowVersion,
    nodeVersion: process.version,
  };
}

function readLibtensorflowVersion(tfn: { backend?: () => unknown }): string | null {
  try {
    const backend = (tfjs.findBackend('tensorflow') ?? null) as { binding?: { TF_Version?: string } } | null;
    return backend?.binding?.TF_Version ?? null;
  } catch {
    void tfn;
    return null;
  }
}

const info: BackendInfo = chooseBackend();

/**
 * Which TensorFlow.js backend Likelihood Lab runs on, and the versions behind it.
 *
 * Each notebook's first cell prints it, so a reader knows whether numbers came from the native
 * TensorFlow C library or from the pure-JavaScript backend (both float32).
 *
 * @returns a fresh copy of the plain-data report
 * @example
 * const info = backendInfo();
 * console.log(`${info.backend} (tfjs ${info.tfjsVersion})`); // => tensorflow (tfjs 4.22.0)
 */
export function backendInfo(): BackendInfo {
  return { ...info };
}

/**
 * The one-line summary of {@link backendInfo} that every notebook prints first, so the line is
 * written once instead of pasted into each notebook.
 *
 * @returns `backend <name> | tfjs <version> | tfjs-node <version or 'none'> | node <version>`
 * @example
 * backendSummary(); // => 'backend tensorflow | tfjs 4.22.0 | tfjs-node 4.22.0 | node v20.20.2'
 */
export function backendSummary(): string {
  return `backend ${info.backend} | tfjs ${info.tfjsVersion} | tfjs-node ${info.tfjsNodeVersion ?? 'none'} | node ${info.nodeVersion}`;
}

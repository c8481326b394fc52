/**
 * One execution of each notebook per test run, shared by the checks that only read an executed
 * notebook. The notebook test (notebooks.test.ts) runs every notebook in a fresh kernel and keeps
 * the executed copy of that first pass here; the HTML report check (tests/browser/html-reports)
 * then converts that copy instead of executing the notebook once more (scripts/report.js
 * --executed-dir). Checks that need an execution of their own (nbval, papermill, the parameter
 * variants, Run All in JupyterLab, nbgrader) still execute.
 *
 * The folder is the test run's own: scripts/test.js makes it, passes it as
 * LIKELIHOOD_LAB_TEST_RUN_DIR and removes it at the end. A test file run on its own (no such
 * folder) neither keeps nor finds anything, and executes as before. A copy is keyed by the
 * notebook's bytes and by the compiled lib it imports (every file under dist/lib), so an edited
 * notebook or a rebuilt lib is never served an old execution.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(__dirname, '..', '..', '..');
const libBuild = path.join(root, 'dist', 'lib');

/** The test run's folder, when scripts/test.js runs this test. */
export function testRunDir(): string | undefined {
  const dir = process.env.LIKELIHOOD_LAB_TEST_RUN_DIR;
  return dir && fs.existsSync(dir) ? dir : undefined;
}

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? filesUnder(path.join(dir, entry.name)) : [path.join(dir, entry.name)]))
    .sort();
}

/** A hash of the compiled lib the notebooks import: every file's path and bytes. */
export function libBuildHash(): string {
  const hash = createHash('sha256');
  for (const file of filesUnder(libBuild)) {
    hash.update(path.relative(libBuild, file));
    hash.update('\0');
    hash.update(fs.readFileSync(file));
    hash.update('\0');
  }
  return hash.digest('hex');
}

/**
 * Where this run keeps (or finds) the executed copy of `notebook` as it is now, with the lib as
 * built now; undefined outside a test run.
 */
export function executedCopyPath(notebook: string): string | undefined {
  const dir = testRunDir();
  if (!dir) return undefined;
  const key = createHash('sha256').update(fs.readFileSync(notebook)).update('\0').update(libBuildHash()).digest('hex');
  return path.join(dir, 'executed', `${path.basename(notebook, '.ipynb')}-${key.slice(0, 24)}.ipynb`);
}

/** Keeps the file `executed` at `destination` (an {@link executedCopyPath}) for the rest of the run. */
export function keepExecutedCopy(executed: string, destination: string): void {
  fs.mkdirSync(path.dirname(destination), { recursive: true });
  const partial = `${destination}.${process.pid}.partial`;
  fs.copyFileSync(executed, partial);
  fs.renameSync(partial, destination); // whole or not at all, for a reader in another process
}

/** The executed copy of `notebook` kept by this run, if there is one for it as it is now. */
export function findExecutedCopy(notebook: string): string | undefined {
  const key = executedCopyPath(notebook);
  return key && fs.existsSync(key) ? key : undefined;
}

// @ts-check
/*
 * The one list of the project's notebooks: notebooks/NN-name.ipynb, in reading order. The report,
 * the notebook tests and the browser tests all take it from here, so a file that does not follow
 * the naming (a scratch copy, `Untitled.ipynb`) is left out everywhere alike.
 *
 *   const { listNotebooks } = require('./notebooks');
 *   listNotebooks();   // ['/.../notebooks/01-theory.ipynb', ...]
 */
'use strict';
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');
/** The project's notebook folder. */
const notebooksDir = path.join(root, 'notebooks');
/** A notebook of the course: two digits, a dash, a name (the reading order is the file order). */
const NOTEBOOK_FILE = /^\d\d-.+\.ipynb$/;

/**
 * The notebooks of a folder (default: notebooks/), as absolute paths sorted by name.
 * @param {string} [dir]
 * @returns {string[]}
 */
function listNotebooks(dir = notebooksDir) {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((file) => NOTEBOOK_FILE.test(file))
    .sort()
    .map((file) => path.join(dir, file));
}

module.exports = { listNotebooks, notebooksDir, NOTEBOOK_FILE };

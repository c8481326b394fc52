/*
 * Makes tslab's per-cell TypeScript compile cheaper without changing what it checks or emits.
 * Loaded by scripts/kernel/tslab-kernel.js into the kernel process only.
 *
 * Where the time went: tslab compiles each cell through a TypeScript watch program with an
 * "emit and semantic diagnostics" builder and rebuilds that program twice per cell. On every
 * rebuild the builder (`BuilderState.create`, TypeScript 5.0) works out, for EVERY file of the
 * program, the files it references through its imports. After `import * as lab from
 * 'likelihood-lab'` the program holds ~950 declaration files, and tfjs-core's `Tensor` module
 * is augmented by ~140 chained-op files, so every file importing it references all of them:
 * ~55,000 references put into a two-way map per rebuild, about a quarter of a cell's compile.
 *
 * tslab reads those references in one place only: `getAllDependencies(cellFile)`, which finds the
 * local .ts/.js modules a cell depends on (it checks and emits them with the cell). The builder's
 * own incremental emit and diagnostics go unused (tslab asks the program for the cell's
 * diagnostics and emits the cell itself). So while the builder state is created, import and
 * module-augmentation references are left out (the checker it sees resolves no import and lists
 * no ambient module); `getAllDependencies` then walks from the cell's file computing each file's
 * references the way the builder would have (same sources: imports through the checker,
 * augmentations, `/// <reference>` and type references, ambient modules declared more than
 * once), once per program. The files found, the diagnostics and the emitted code are the same.
 *
 * The patch is for @tslab/typescript-for-tslab 5.0.4 (the TypeScript that tslab 1.0.22 pins); with
 * any other version the kernel compiles unpatched (slower, same results) and says so on stderr.
 */
'use strict';

const TYPESCRIPT_VERSION = '5.0.4';

/**
 * Patches the TypeScript that the tslab in `tslabDir` uses, in this process.
 * @returns a note for stderr when the patch was not applied, else null
 */
function installCompileSpeed(tslabDir) {
  let ts;
  try {
    ts = require(require.resolve('@tslab/typescript-for-tslab', { paths: [tslabDir] }));
  } catch (error) {
    return `compile-speed: cannot load tslab's TypeScript (${error.message}); cells compile unpatched`;
  }
  const builderState = ts.BuilderState;
  if (
    ts.version !== TYPESCRIPT_VERSION ||
    !builderState ||
    typeof builderState.create !== 'function' ||
    typeof builderState.getAllDependencies !== 'function'
  ) {
    return `compile-speed: written for TypeScript ${TYPESCRIPT_VERSION} (tslab's), found ${ts.version}; cells compile unpatched`;
  }
  if (builderState.create.likelihoodLab) return null;
  const create = builderState.create;
  const getAllDependencies = builderState.getAllDependencies;
  const deferred = new WeakSet(); // builder states whose import references were left out
  const walks = new WeakMap(); // program -> Map(resolved path of the start file -> file names)

  builderState.create = function createWithoutImportReferences(newProgram, oldState, disableUseFileVersionAsSignature) {
    const checker = newProgram.getTypeChecker();
    const quiet = Object.create(checker);
    quiet.getSymbolAtLocation = () => undefined;
    quiet.getAmbientModules = () => [];
    const own = Object.prototype.hasOwnProperty.call(newProgram, 'getTypeChecker');
    const getTypeChecker = newProgram.getTypeChecker;
    newProgram.getTypeChecker = () => quiet;
    let state;
    try {
      state = create.call(this, newProgram, oldState, disableUseFileVersionAsSignature);
    } finally {
      if (own) newProgram.getTypeChecker = getTypeChecker;
      else delete newProgram.getTypeChecker;
    }
    deferred.add(state);
    return state;
  };
  builderState.create.likelihoodLab = true;

  /** A file's references as BuilderState's getReferencedFiles computes them (TypeScript 5.0.4). */
  function referencesOf(program, checker, sourceFile, ambientFiles, stored) {
    const found = new Set(stored ? stored.keys() : []);
    const addDeclarations = (symbol) => {
      for (const declaration of (symbol && symbol.declarations) || []) {
        const file = ts.getSourceFileOfNode(declaration);
        if (file) found.add(file.resolvedPath);
      }
    };
    for (const importName of sourceFile.imports || []) addDeclarations(checker.getSymbolAtLocation(importName));
    for (const moduleName of sourceFile.moduleAugmentations || []) {
      if (!ts.isStringLiteral(moduleName)) continue;
      const symbol = checker.getSymbolAtLocation(moduleName);
      for (const declaration of (symbol && symbol.declarations) || []) {
        const file = ts.getSourceFileOfNode(declaration);
        if (file && file !== sourceFile) found.add(file.resolvedPath);
      }
    }
    for (const filePath of ambientFiles) if (filePath !== sourceFile.resolvedPath) found.add(filePath);
    return found;
  }

  builderState.getAllDependencies = function allDependencies(state, program, sourceFile) {
    const info = state.fileInfos && state.fileInfos.get(sourceFile.resolvedPath);
    if (
      !deferred.has(state) ||
      ts.outFile(program.getCompilerOptions()) ||
      !state.referencedMap ||
      (info && info.affectsGlobalScope)
    ) {
      return getAllDependencies.call(this, state, program, sourceFile);
    }
    let cache = walks.get(program);
    if (!cache) walks.set(program, (cache = new Map()));
    const known = cache.get(sourceFile.resolvedPath);
    if (known) return known;
    const checker = program.getTypeChecker();
    // The builder adds every declaration file of an ambient module declared more than once to
    // every file's references (one set per program).
    const ambientFiles = [];
    for (const ambient of checker.getAmbientModules()) {
      if (!ambient.declarations || ambient.declarations.length <= 1) continue;
      for (const declaration of ambient.declarations) {
        const file = ts.getSourceFileOfNode(declaration);
        if (file) ambientFiles.push(file.resolvedPath);
      }
    }
    const seen = new Set();
    const queue = [sourceFile.resolvedPath];
    while (queue.length > 0) {
      const filePath = queue.pop();
      if (seen.has(filePath)) continue;
      seen.add(filePath);
      const file = program.getSourceFileByPath(filePath);
      if (!file) continue;
      for (const next of referencesOf(program, checker, file, ambientFiles, state.referencedMap.getValues(filePath))) {
        if (!seen.has(next)) queue.push(next);
      }
    }
    const names = [...seen].map((filePath) => {
      const file = program.getSourceFileByPath(filePath);
      return file ? file.fileName : filePath;
    });
    cache.set(sourceFile.resolvedPath, names);
    return names;
  };
  return null;
}

module.exports = { installCompileSpeed, TYPESCRIPT_VERSION };

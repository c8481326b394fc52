/*
 * Makes tslab 1.0.22 speak the Jupyter messaging protocol where graders' tools need it. Loaded by
 * scripts/kernel/tslab-kernel.js (the project's kernel launcher) into the kernel process only: the
 * files of node_modules/tslab and any global tslab stay untouched.
 *
 * What tslab does, and what this changes (https://jupyter-client.readthedocs.io/en/latest/messaging.html):
 *
 * 1. A failed cell: tslab writes the error to stderr and replies `status: 'error'` without ename,
 *    evalue, traceback, and sends no `error` message on iopub (nbgrader's autograder then crashes
 *    with KeyError 'ename'; papermill raises with an empty name). Now: an iopub `error` message and
 *    an execute_reply carrying ename (the error's class; `CompileError` for TypeScript
 *    diagnostics), evalue (its message) and traceback (scripts/kernel/traceback.js: class and
 *    message first, then the student's cell and line, library and runtime frames folded below).
 *    Nothing goes to stderr any more for such a failure, so it is not shown twice.
 * 2. After a failure tslab answers every request for 200 ms with `status: 'abort'`
 *    (`execQueue.reset(200)` in dist/jupyter.js), whatever the client's `stop_on_error` says: a
 *    tool that sends the next cell at once gets it back empty (and nbgrader gave an empty test
 *    cell full points). Now, as ipykernel: only with `stop_on_error` true (the protocol's default)
 *    are the execute requests aborted that the kernel had received when the failure happened
 *    (those already queued, and those waiting in the socket, read before the reply is sent); a
 *    request that arrives later runs. With `stop_on_error` false nothing is aborted. The reply of an
 *    aborted request says `status: 'aborted'` (the protocol's word; tslab said 'abort').
 * 3. `kernel_info_reply` gets the `status: 'ok'` the protocol requires (nbval reads it).
 *
 * How: the patched functions are tslab's own (JupyterHandlerImpl.prototype.handleKernel and
 * handleExecute, ZmqServer.prototype.handleExecute, executor.createExecutor), replaced on the
 * loaded modules before the kernel starts. They are internals, so `verifyTslab` pins them: the
 * version must be 1.0.22 and each wrapped file must have the SHA-256 recorded below. The set-up
 * runs that check (`tslab-kernel.js --check`) and stops loudly when tslab changes; the kernel
 * refuses to start then too, rather than run half-patched.
 */
'use strict';
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');
const vm = require('vm');
const { formatRuntimeError, formatCompileError } = require('./traceback');

const TSLAB_VERSION = '1.0.22';
/** SHA-256 of the tslab files whose internals this module wraps (tslab 1.0.22 from npm). */
const WRAPPED_FILES = {
  'dist/jupyter.js': '186ae73149b280330d965b087933efa9eea51187f319f4163b44ae06327aef5f',
  'dist/executor.js': '0a9b6c73679be6169390df7cb2000121bcddaaa78872a92da1e83a34174e8c9e',
  'dist/main.js': 'e3b60b922e8ebf203b8f8c666598247f710ffb1b5ad3c145c8b74c5a27e11476',
  'dist/util.js': '82a8edae5f141b5cf1c2a7448efee39214bc470a89193f08d012db30120ecb35',
};
/** How tslab's executor wraps a compiled cell before vm.runInThisContext (dist/executor.js). */
const CELL_WRAPPER = /^\((?:async )?function\(exports, require\) \{ [\s\S]*\n\}\)\(__tslab__\.exports, __tslab__\.require\)$/;

/**
 * Checks that `tslabDir` holds the tslab this module was written against.
 * @returns a list of problems, empty when all is as expected
 */
function verifyTslab(tslabDir) {
  const problems = [];
  let version = null;
  try {
    version = JSON.parse(fs.readFileSync(path.join(tslabDir, 'package.json'), 'utf8')).version;
  } catch (error) {
    problems.push(`cannot read ${path.join(tslabDir, 'package.json')}: ${error.message}`);
  }
  if (version !== null && version !== TSLAB_VERSION)
    problems.push(`tslab is ${version}, the wrapper is written for ${TSLAB_VERSION}`);
  for (const [file, want] of Object.entries(WRAPPED_FILES)) {
    const full = path.join(tslabDir, file);
    if (!fs.existsSync(full)) {
      problems.push(`${full} is missing`);
      continue;
    }
    const got = crypto.createHash('sha256').update(fs.readFileSync(full)).digest('hex');
    if (got !== want) problems.push(`${full} changed (sha256 ${got.slice(0, 12)}..., expected ${want.slice(0, 12)}...)`);
  }
  return problems;
}

/** Lets messages already in the shell socket reach the queue (poll phase) before we decide. */
async function drainSocket(queue) {
  let seen;
  do {
    seen = queue.received;
    for (let turn = 0; turn < 2; turn += 1) await new Promise((resolve) => setImmediate(resolve));
  } while (queue.received !== seen);
}

function isExecutionCount(value) {
  return value !== null && typeof value === 'object' && value.constructor && value.constructor.name === 'ExecutionCount';
}

/**
 * Patches the tslab in `tslabDir` (already verified) in this process. Call once, before
 * `startKernel`. Throws when the internals are not where tslab 1.0.22 has them.
 */
function install(tslabDir) {
  const problems = verifyTslab(tslabDir);
  if (problems.length > 0) throw new Error(`likelihood-lab kernel wrapper: tslab internals changed:\n  ${problems.join('\n  ')}`);
  const jupyter = require(path.join(tslabDir, 'dist', 'jupyter.js'));
  const executorModule = require(path.join(tslabDir, 'dist', 'executor.js'));
  const { JupyterHandlerImpl, ZmqServer } = jupyter;
  for (const [name, fn] of [
    ['JupyterHandlerImpl.prototype.handleKernel', JupyterHandlerImpl && JupyterHandlerImpl.prototype.handleKernel],
    ['JupyterHandlerImpl.prototype.handleExecuteImpl', JupyterHandlerImpl && JupyterHandlerImpl.prototype.handleExecuteImpl],
    ['ZmqServer.prototype.handleExecute', ZmqServer && ZmqServer.prototype.handleExecute],
    ['executor.createExecutor', executorModule.createExecutor],
  ]) {
    if (typeof fn !== 'function') throw new Error(`likelihood-lab kernel wrapper: tslab has no ${name}`);
  }

  // The cell being run (its execution count and source) and every cell run so far, for tracebacks.
  const state = { cell: null, source: '', cells: new Map() };

  // Cells run under the file name In[N], so stack frames name the student's cell.
  const runInThisContext = vm.runInThisContext;
  vm.runInThisContext = function runCellNamed(code, options) {
    if (state.cell !== null && typeof code === 'string' && CELL_WRAPPER.test(code) && !(options && options.filename)) {
      state.cells.set(state.cell, { source: state.source, compiled: code });
      return runInThisContext.call(this, code, { ...options, filename: `In[${state.cell}]` });
    }
    return runInThisContext.call(this, code, options);
  };

  // The executor reports a failure by printing it; we keep it instead and describe it.
  const createExecutor = executorModule.createExecutor;
  executorModule.createExecutor = function createProtocolExecutor(rootDir, convs, out) {
    let printed = null;
    const relay = {
      log: (...args) => out.log(...args),
      error: (...args) => (printed ? printed.push(args) : out.error(...args)),
    };
    const executor = createExecutor(rootDir, convs, relay);
    const node = convs.node;
    const convert = node.convert;
    let converted = null;
    node.convert = function convertRemembered(prevDecl, src) {
      converted = convert.call(this, prevDecl, src);
      return converted;
    };
    const execute = executor.execute;
    executor.lastFailure = null;
    executor.execute = async function executeDescribed(src) {
      printed = [];
      converted = null;
      state.source = src;
      let ok;
      let said;
      try {
        ok = await execute(src);
      } finally {
        said = printed;
        printed = null;
      }
      if (ok) {
        for (const args of said) out.error(...args); // e.g. diagnostics of a `//%module` cell
        executor.lastFailure = null;
        return true;
      }
      const count = state.cell === null ? 0 : state.cell;
      if (converted && converted.diagnostics && converted.diagnostics.length > 0) {
        executor.lastFailure = formatCompileError(converted.diagnostics, src, count);
      } else {
        const thrown = said.find((args) => args.length === 1);
        executor.lastFailure = thrown
          ? formatRuntimeError(thrown[0], state.cells)
          : { ename: 'Error', evalue: said.map((a) => a.join(' ')).join('\n'), traceback: said.map((a) => a.join(' ')) };
      }
      return false;
    };
    return executor;
  };

  const handleKernel = JupyterHandlerImpl.prototype.handleKernel;
  JupyterHandlerImpl.prototype.handleKernel = function handleKernelWithStatus() {
    return { status: 'ok', ...handleKernel.call(this) };
  };

  // One queue per handler; `received` numbers the requests, `abortThrough` the last one to abort.
  JupyterHandlerImpl.prototype.handleExecute = function handleExecuteInOrder(req, writeStream, writeDisplayData) {
    if (!this.protocolQueue) this.protocolQueue = { tail: Promise.resolve(), received: 0, abortThrough: 0 };
    const queue = this.protocolQueue;
    const ticket = ++queue.received;
    const task = queue.tail.then(() => this.executeOne(ticket, req, writeStream, writeDisplayData));
    queue.tail = task.catch(() => undefined);
    return task;
  };

  JupyterHandlerImpl.prototype.executeOne = async function executeOne(ticket, req, writeStream, writeDisplayData) {
    const queue = this.protocolQueue;
    if (ticket <= queue.abortThrough) return { status: 'aborted' };
    state.cell = this.execCount + 1;
    this.executor.lastFailure = null;
    try {
      const count = await this.handleExecuteImpl(req, writeStream, writeDisplayData);
      return { status: 'ok', execution_count: count.count };
    } catch (error) {
      const failure =
        isExecutionCount(error) && this.executor.lastFailure ? this.executor.lastFailure : formatRuntimeError(error, state.cells);
      if (req.stop_on_error !== false) {
        await drainSocket(queue);
        queue.abortThrough = queue.received;
      }
      return { status: 'error', execution_count: this.execCount, ...failure };
    } finally {
      state.cell = null;
    }
  };

  ZmqServer.prototype.handleExecute = async function handleExecuteWithError(sock, msg) {
    const key = this.connInfo.key;
    const publish = (type, content) => {
      const message = msg.createReply();
      message.header.msg_type = type;
      message.content = content;
      message.signAndSend(key, this.iopub);
    };
    const writeStream = (name, text) => publish('stream', { name, text });
    const writeDisplayData = (data, update) => publish(update ? 'update_display_data' : 'display_data', data);
    const content = await this.handler.handleExecute(msg.content, writeStream, writeDisplayData);
    if (content.status === 'error') {
      publish('error', { ename: content.ename, evalue: content.evalue, traceback: content.traceback });
    }
    const reply = msg.createReply();
    reply.header.msg_type = 'execute_reply';
    reply.content = content;
    reply.signAndSend(key, sock);
  };
}

module.exports = { TSLAB_VERSION, WRAPPED_FILES, verifyTslab, install };

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { inspect } from 'node:util';
import { showChart, resolveDisplayWriter } from '../../lib/notebook/display';
import type { DisplayContent } from '../../lib/notebook/display';
import type { TopLevelSpec } from 'vega-lite';

/** A small chart written out by hand, so these tests do not depend on the chart builders. */
const SPEC: TopLevelSpec = {
  $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
  title: 'log-likelihood per step',
  data: {
    values: [
      { step: 0, value: -3 },
      { step: 1, value: -2 },
      { step: 2, value: -1 },
    ],
  },
  mark: 'line',
  encoding: { x: { field: 'step', type: 'quantitative' }, y: { field: 'value', type: 'quantitative' } },
};

function fakeWriter() {
  const messages: { content: DisplayContent; update: boolean }[] = [];
  return {
    messages,
    writer: (content: DisplayContent, update: boolean) => {
      messages.push({ content, update });
    },
  };
}

describe('showChart', () => {
  it('sends exactly one display_data with the spec as an object, the SVG and the title', async () => {
    const { messages, writer } = fakeWriter();
    const spec = SPEC;
    const result = await showChart(spec, { title: 'log-likelihood per step', writer });
    assert.equal(result, undefined); // a cell ending in `await showChart(...)` prints nothing
    assert.equal(messages.length, 1);
    const [{ content, update }] = messages;
    assert.equal(update, false);
    assert.deepEqual(Object.keys(content.data).sort(), [
      'application/vnd.vegalite.v5+json',
      'image/png',
      'image/svg+xml',
      'text/plain',
    ]);
    const vegaLite = content.data['application/vnd.vegalite.v5+json'];
    assert.equal(typeof vegaLite, 'object');
    assert.deepEqual(vegaLite, spec);
    assert.ok((content.data['image/svg+xml'] as string).startsWith('<svg'));
    assert.equal(content.data['text/plain'], 'log-likelihood per step');
    // the PNG (base64, as Jupyter stores it) is the SVG at 2x: JupyterLab then adds none of its own
    const png = Buffer.from(content.data['image/png'] as string, 'base64');
    assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
    const svgWidth = Number(/^<svg[^>]*\swidth="(\d+(?:\.\d+)?)"/.exec(content.data['image/svg+xml'] as string)?.[1]);
    assert.equal(png.readUInt32BE(16), Math.round(svgWidth * 2));
    assert.deepEqual(content.metadata, {});
    assert.deepEqual(content.transient, {});
  });

  it('sends to the cell that called it, even when the kernel has moved on to the next cell (no await)', async () => {
    // Stand-in for the kernel: tslab keeps the current cell's writer in its jupyter module and
    // replaces it at every execute request.
    const file = '/fake/node_modules/tslab/dist/jupyter.js';
    const cellA = fakeWriter();
    const cellB = fakeWriter();
    const kernel = { lastWriteDisplayData: cellA.writer };
    (require.cache as Record<string, unknown>)[file] = { id: file, filename: file, loaded: true, exports: kernel };
    try {
      const pending = showChart(SPEC, { title: 'cell A' });
      kernel.lastWriteDisplayData = cellB.writer; // the next cell starts before the chart is rendered
      await pending;
    } finally {
      delete require.cache[file];
    }
    assert.equal(cellA.messages.length, 1);
    assert.equal(cellA.messages[0].content.data['text/plain'], 'cell A');
    assert.equal(cellB.messages.length, 0);
  });

  it('prints a hint instead of `Promise { <pending> }` when a cell ends in showChart(...) without await', async () => {
    const { writer } = fakeWriter();
    const pending = showChart(SPEC, { writer });
    assert.match(inspect(pending), /^showChart: the chart goes to this cell once rendered; write `await`/);
    await pending;
  });

  it('rejects a non-object spec', async () => {
    await assert.rejects(showChart('spec' as any, { writer: () => {} }), {
      name: 'TypeError',
      message: 'showChart requires spec to be a Vega-Lite spec object',
    });
  });
});

describe('resolveDisplayWriter', () => {
  it('prefers the injected writer', () => {
    const { writer } = fakeWriter();
    assert.equal(resolveDisplayWriter({ writer }), writer);
  });

  it('outside a kernel, falls back to printing the text/plain part', () => {
    const printed: string[] = [];
    const original = process.stdout.write;
    process.stdout.write = ((chunk: string) => {
      printed.push(chunk);
      return true;
    }) as typeof process.stdout.write;
    try {
      resolveDisplayWriter()({ data: { 'text/plain': 'a title' }, metadata: {}, transient: {} }, false);
    } finally {
      process.stdout.write = original;
    }
    assert.deepEqual(printed, ['a title\n']);
  });

  it('uses the writer tslab stores in its jupyter module once a kernel has set it', () => {
    // Stand-in for the kernel: a cached module at .../tslab/dist/jupyter.js with a writer set.
    const file = '/fake/node_modules/tslab/dist/jupyter.js';
    const { messages, writer } = fakeWriter();
    const fake = { id: file, filename: file, loaded: true, exports: { lastWriteDisplayData: writer } };
    (require.cache as Record<string, unknown>)[file] = fake;
    try {
      resolveDisplayWriter()({ data: { 'text/plain': 'x' }, metadata: {}, transient: {} }, false);
    } finally {
      delete require.cache[file];
    }
    assert.equal(messages.length, 1);
  });
});

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { showChart, resolveDisplayWriter } from '../../lib/notebook/display';
import type { DisplayContent } from '../../lib/notebook/display';
import { lossCurve } from '../../lib/charts/loss-curve';

function fakeWriter() {
  const messages: { content: DisplayContent; update: boolean }[] = [];
  return { messages, writer: (content: DisplayContent, update: boolean) => { messages.push({ content, update }); } };
}

describe('showChart', () => {
  it('sends exactly one display_data with the spec as an object, the SVG and the title', async () => {
    const { messages, writer } = fakeWriter();
    const spec = lossCurve([{ name: 'Adam', values: [-3, -2, -1] }]);
    const result = await showChart(spec, { title: 'log-likelihood per step', writer });
    assert.equal(result, undefined); // a cell ending in `await showChart(...)` prints nothing
    assert.equal(messages.length, 1);
    const [{ content, update }] = messages;
    assert.equal(update, false);
    assert.deepEqual(Object.keys(content.data).sort(), ['application/vnd.vegalite.v5+json', 'image/svg+xml', 'text/plain']);
    const vegaLite = content.data['application/vnd.vegalite.v5+json'];
    assert.equal(typeof vegaLite, 'object');
    assert.deepEqual(vegaLite, spec);
    assert.ok((content.data['image/svg+xml'] as string).startsWith('<svg'));
    assert.equal(content.data['text/plain'], 'log-likelihood per step');
    assert.deepEqual(content.metadata, {});
    assert.deepEqual(content.transient, {});
  });

  it('rejects a non-object spec', async () => {
    await assert.rejects(showChart('spec' as any, { writer: () => {} }), { name: 'TypeError', message: 'showChart requires spec to be a Vega-Lite spec object' });
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
    process.stdout.write = ((chunk: string) => { printed.push(chunk); return true; }) as typeof process.stdout.write;
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

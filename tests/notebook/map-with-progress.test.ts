import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mapWithProgress } from '../../lib/notebook/map-with-progress';
import type { DisplayContent } from '../../lib/notebook/display';

function recorder() {
  const messages: { content: DisplayContent; update: boolean }[] = [];
  return { messages, writer: (content: DisplayContent, update: boolean) => void messages.push({ content, update }) };
}

describe('mapWithProgress', () => {
  it('returns the results in order and keeps one line: a display, then updates with the same id', async () => {
    const { messages, writer } = recorder();
    const results = await mapWithProgress([1, 2, 3], (x) => x * 10, {
      writer,
      label: (x: number) => `x = ${x}`,
      summary: (r: number[]) => `sum ${r.reduce((a, b) => a + b, 0)}`,
    });
    assert.deepEqual(results, [10, 20, 30]);
    assert.deepEqual(
      messages.map((m) => m.content.data['text/plain']),
      ['x = 1 (1 of 3) ...', 'x = 2 (2 of 3) ...', 'x = 3 (3 of 3) ...', 'sum 60'],
    );
    assert.deepEqual(
      messages.map((m) => m.update),
      [false, true, true, true],
    );
    const ids = new Set(messages.map((m) => (m.content.transient as { display_id: string }).display_id));
    assert.equal(ids.size, 1);
  });

  it('sends each update before the item it names starts computing', async () => {
    const { messages, writer } = recorder();
    const seen: number[] = [];
    await mapWithProgress(['a', 'b'], () => seen.push(messages.length), { writer });
    // item 1 starts after 1 message, item 2 after 2: the line names the running item.
    assert.deepEqual(seen, [1, 2]);
  });

  it('ends with the default summary', async () => {
    const { messages, writer } = recorder();
    await mapWithProgress([5], (x) => x, { writer });
    assert.equal(messages[messages.length - 1].content.data['text/plain'], '1 runs done');
  });

  it('rejects a non-array or a non-function with exact messages', async () => {
    await assert.rejects(
      mapWithProgress('ab' as unknown as string[], (x) => x),
      { name: 'TypeError', message: 'mapWithProgress requires items to be an array' },
    );
    await assert.rejects(mapWithProgress([1], 3 as unknown as (x: number) => number), {
      name: 'TypeError',
      message: 'mapWithProgress requires fn to be a function',
    });
    await assert.rejects(
      mapWithProgress([1], (x) => x, { writer: 'out' as any }),
      { name: 'TypeError', message: "mapWithProgress requires options.writer to be a function, got 'out'" },
    );
    await assert.rejects(
      mapWithProgress([1], (x) => x, { label: 'k' as any }),
      { name: 'TypeError', message: "mapWithProgress requires options.label to be a function, got 'k'" },
    );
    await assert.rejects(
      mapWithProgress([1], (x) => x, { summary: 3 as any }),
      { name: 'TypeError', message: 'mapWithProgress requires options.summary to be a function, got 3' },
    );
    await assert.rejects(
      mapWithProgress([1], (x) => x, null as any),
      { name: 'TypeError', message: 'mapWithProgress requires options to be an object, got null' },
    );
  });
});

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { progressLine } from '../../lib/notebook/progress-line';
import type { DisplayContent } from '../../lib/notebook/display';

describe('progressLine', () => {
  it('creates one display and then updates it in place under the same display_id', () => {
    const messages: { content: DisplayContent; update: boolean }[] = [];
    const progress = progressLine({ writer: (content, update) => messages.push({ content, update }) });
    progress.update('step 0 of 300');
    progress.update('step 100 of 300');
    progress.done('300 steps, log-likelihood -14189.4');
    assert.deepEqual(
      messages.map((m) => m.update),
      [false, true, true],
    );
    assert.deepEqual(
      messages.map((m) => m.content.data),
      [
        { 'text/plain': 'step 0 of 300' },
        { 'text/plain': 'step 100 of 300' },
        { 'text/plain': '300 steps, log-likelihood -14189.4' },
      ],
    );
    const ids = new Set(messages.map((m) => m.content.transient.display_id));
    assert.equal(ids.size, 1);
    assert.match([...ids][0] as string, /^likelihood-lab-progress-[0-9a-f]{16}$/);
    assert.throws(() => progress.update('again'), { name: 'Error', message: 'progressLine update called after done' });
  });

  it('rejects a non-function writer when made, not with an internal error at the first update', () => {
    assert.throws(() => progressLine({ writer: 'console' as any }), {
      name: 'TypeError',
      message: "progressLine requires options.writer to be a function, got 'console'",
    });
    assert.throws(() => progressLine({ writer: null as any }), {
      name: 'TypeError',
      message: 'progressLine requires options.writer to be a function, got null',
    });
    assert.throws(() => progressLine([] as any), {
      name: 'TypeError',
      message: 'progressLine requires options to be an object, got an array of length 0',
    });
    assert.throws(() => progressLine({ writer: () => {} }).update(5 as any), {
      name: 'TypeError',
      message: 'progressLine update requires text to be a string',
    });
  });

  it('sends display_data (not an update) when done is the first call', () => {
    const updates: boolean[] = [];
    progressLine({ writer: (_, update) => updates.push(update) }).done('nothing to do');
    assert.deepEqual(updates, [false]);
  });
});

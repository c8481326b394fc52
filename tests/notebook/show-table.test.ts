import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { showTable } from '../../lib/notebook/show-table';
import { showMarkdown } from '../../lib/notebook/show-markdown';
import { showLatex } from '../../lib/notebook/show-latex';
import type { DisplayContent } from '../../lib/notebook/display';

function capture() {
  const messages: DisplayContent[] = [];
  return {
    messages,
    writer: (content: DisplayContent) => {
      messages.push(content);
    },
  };
}

describe('showTable', () => {
  it('sends one bundle with a markdown table and aligned plain text at fixed precision', () => {
    const { messages, writer } = capture();
    showTable(
      [
        ['SGD', 412, -14189.41234],
        ['Adam', 97, null],
      ],
      ['optimizer', 'steps', 'final L'],
      { digits: 2, writer },
    );
    assert.equal(messages.length, 1);
    assert.equal(
      messages[0].data['text/markdown'],
      ['| optimizer | steps | final L |', '| :--- | ---: | :--- |', '| SGD | 412 | -14189.41 |', '| Adam | 97 | — |'].join('\n'),
    );
    assert.equal(
      messages[0].data['text/plain'],
      [
        'optimizer  steps  final L  ',
        '---------  -----  ---------',
        'SGD          412  -14189.41',
        'Adam          97  —        ',
      ].join('\n'),
    );
  });

  it('rejects rows of the wrong width and bad digits with exact messages', () => {
    assert.throws(() => showTable([[1]], ['a', 'b'], { writer: () => {} }), {
      name: 'RangeError',
      message: 'showTable requires rows[0] to have 2 cells, got 1',
    });
    assert.throws(() => showTable([], [], { writer: () => {} }), {
      name: 'RangeError',
      message: 'showTable requires columns to be a non-empty array',
    });
    assert.throws(() => showTable([[1]], ['a'], { digits: 1.5, writer: () => {} }), {
      name: 'RangeError',
      message: 'showTable requires digits to be integers from 0 to 15, got 1.5',
    });
  });

  it('rejects an object cell and a non-function writer with named errors, before writing anything', () => {
    const { messages, writer } = capture();
    const bad = (cell: unknown) => () =>
      showTable(
        [
          ['a', 1],
          ['b', cell as number],
        ],
        ['name', 'value'],
        { writer },
      );
    assert.throws(bad({ value: 1 }), {
      name: 'TypeError',
      message: 'showTable requires rows[1][1] to be a string, a number, null or undefined, got object',
    });
    assert.throws(bad([1, 2]), {
      name: 'TypeError',
      message: 'showTable requires rows[1][1] to be a string, a number, null or undefined, got an array of length 2',
    });
    assert.throws(bad(true), {
      name: 'TypeError',
      message: 'showTable requires rows[1][1] to be a string, a number, null or undefined, got boolean',
    });
    assert.equal(messages.length, 0);
    assert.throws(() => showTable([[1]], ['a'], { writer: 'stdout' as any }), {
      name: 'TypeError',
      message: "showTable requires options.writer to be a function, got 'stdout'",
    });
    assert.throws(() => showTable([[1]], ['a'], { writer: {} as any }), {
      name: 'TypeError',
      message: 'showTable requires options.writer to be a function, got object',
    });
    assert.throws(() => showTable([[1]], ['a'], 4 as any), {
      name: 'TypeError',
      message: 'showTable requires options to be an object, got 4',
    });
  });
});

describe('showMarkdown and showLatex', () => {
  it('send the source with text/plain beside it, one message each', () => {
    const { messages, writer } = capture();
    showMarkdown('**MLE** 1.2981', { writer });
    showLatex('$$\\hat\\mu = 1.2981$$', { writer });
    assert.deepEqual(
      messages.map((m) => m.data),
      [
        { 'text/markdown': '**MLE** 1.2981', 'text/plain': '**MLE** 1.2981' },
        { 'text/latex': '$$\\hat\\mu = 1.2981$$', 'text/plain': '$$\\hat\\mu = 1.2981$$' },
      ],
    );
  });
});

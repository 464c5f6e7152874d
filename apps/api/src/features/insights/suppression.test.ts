import { suppressFigures, tableLines } from './suppression';

/** A table as its figures laid out row by row, each row and the last (column totals) ending in its total. */
const figures = (rows: [number, number][][]) => rows.flat().map(([families, value]) => ({ families, value }));
const hiddenAt = (hidden: boolean[]) => hidden.flatMap((isHidden, index) => (isHidden ? [index] : []));

describe('suppressing small figures', () => {
  it('when every figure is drawn from five or more families, then nothing is hidden', () => {
    // [families, cost]: two services by two months, row totals last, column totals in the last row.
    const table = figures([
      [
        [6, 100],
        [7, 200],
        [8, 300],
      ],
      [
        [5, 50],
        [9, 80],
        [10, 130],
      ],
      [
        [11, 150],
        [16, 280],
        [18, 430],
      ],
    ]);
    expect(hiddenAt(suppressFigures(table, tableLines(2, 2)))).toEqual([]);
  });

  it('when one cell has three families, then it is hidden, and so is the next-smallest cell of each line it would leak through', () => {
    const table = figures([
      // S1: M1 has 3 families.
      [
        [3, 100],
        [7, 200],
        [6, 150],
        [9, 450],
      ],
      [
        [6, 120],
        [8, 90],
        [5, 60],
        [12, 270],
      ],
      [
        [7, 80],
        [5, 70],
        [9, 300],
        [15, 450],
      ],
      [
        [16, 300],
        [20, 360],
        [20, 510],
        [36, 1170],
      ],
    ]);
    // Row S1 → S1/M3 (150 < 200); column M1 → S3/M1 (80); column M3 → S2/M3 (60);
    // then row S2 → S2/M2 (90 < 120) and row S3 → S3/M2 (70). Every line now hides two or none.
    expect(hiddenAt(suppressFigures(table, tableLines(3, 3)))).toEqual([0, 2, 5, 6, 8, 9]);
  });

  it('when a cell is empty, then it shows as zero and is never hidden to protect another', () => {
    // One row: M1 has 2 families, M2 none; the total (2 families) is hidden by the first rule, so M1 stays hidden with it.
    const table = figures([
      [
        [2, 40],
        [0, 0],
        [2, 40],
      ],
      [
        [2, 40],
        [0, 0],
        [2, 40],
      ],
    ]);
    expect(hiddenAt(suppressFigures(table, tableLines(1, 2)))).toEqual([0, 2, 3, 5]);
  });

  it('when a figure leaves out two families of a group whose size is shown, then it is hidden like one drawn from two', () => {
    // One column of a cohort of ten: A (8 families, two left out), B (6) and their total (10, none left out).
    const column = [
      { families: 8, value: 800, familiesOutside: 2 },
      { families: 6, value: 300, familiesOutside: 4 },
      { families: 10, value: 1100, familiesOutside: 0 },
    ];
    expect(hiddenAt(suppressFigures(column, [[0, 1, 2]]))).toEqual([0, 1]);
    expect(
      hiddenAt(
        suppressFigures(
          column.map(({ families, value }) => ({ families, value })),
          [[0, 1, 2]],
        ),
      ),
    ).toEqual([]);
  });

  it('when the table has one row and two columns, then its lines are the row, the totals row and the three columns', () => {
    expect(tableLines(1, 2)).toEqual([
      [0, 1, 2],
      [3, 4, 5],
      [0, 3],
      [1, 4],
      [2, 5],
    ]);
  });
});

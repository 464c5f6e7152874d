import { MIN_FAMILIES_PER_FIGURE } from '@yhdessa/shared';

/** What decides whether a figure may be shown: how many families it was drawn from, and its size. */
export interface FigureFacts {
  families: number;
  value: number;
  /**
   * In a group whose size is shown (a cohort), the families the figure was not drawn from: its
   * count tells theirs by subtraction, so it is small too when they are 1 to 4.
   */
  familiesOutside?: number;
}

/**
 * Which figures must be hidden. Primary: drawn from 1 to 4 families, or leaving out 1 to 4 of a
 * group whose size is shown (an empty cell, from none, tells nothing and stays). Secondary: each
 * line is a group of figure indexes whose last adds up the others (a table row with its total, a
 * column with its total); when exactly one figure of a line is hidden, it could be worked out from
 * the rest, so the next-smallest shown one is hidden too, until no line has exactly one.
 */
export function suppressFigures(
  figures: readonly FigureFacts[],
  lines: readonly (readonly number[])[],
  minFamilies = MIN_FAMILIES_PER_FIGURE,
): boolean[] {
  const small = (families: number) => families > 0 && families < minFamilies;
  const hidden = figures.map((figure) => small(figure.families) || small(figure.familiesOutside ?? 0));
  for (let changed = true; changed;) {
    changed = false;
    for (const line of lines) {
      if (line.filter((index) => hidden[index]).length !== 1) continue;
      const [next] = line
        .filter((index) => !hidden[index] && figures[index]!.families > 0)
        .sort((a, b) => figures[a]!.value - figures[b]!.value || a - b);
      if (next === undefined) continue;
      hidden[next] = true;
      changed = true;
    }
  }
  return hidden;
}

/**
 * The lines of a table laid out row by row with its totals: `rows` rows of `columns` cells, each
 * row ending in its total, and a last row of column totals ending in the grand total.
 */
export function tableLines(rows: number, columns: number): number[][] {
  const width = columns + 1;
  const indexes = (count: number, at: (i: number) => number) => Array.from({ length: count }, (_, i) => at(i));
  return [
    ...indexes(rows + 1, (row) => row).map((row) => indexes(width, (column) => row * width + column)),
    ...indexes(width, (column) => column).map((column) => indexes(rows + 1, (row) => row * width + column)),
  ];
}

import type { HistoricalCostImport, HistoricalCostPreview } from '@yhdessa/shared';
import { AppError } from '../../core/app-error';
import type { Queryable } from '../../db/database';
import { parseHistoricalCosts, presentHistoricalLine, yearTotals } from './historical-costs-csv';
import { insertHistoricalCostImport, listHistoricalCostImports, type StoredHistoricalCostImport } from './insights.repository';

/** What the file would import, every line checked; nothing is stored. */
export function previewHistoricalCosts(text: string): HistoricalCostPreview {
  const { lines, errors } = parseHistoricalCosts(text);
  return { valid: errors.length === 0, rows: lines.map(presentHistoricalLine), yearTotals: yearTotals(lines), errors };
}

/** Stores the whole file in the caller's transaction, or nothing when any line is bad (400 naming every bad line). */
export async function importHistoricalCosts(
  db: Queryable,
  file: { text: string; source: string; importedBy: string; organisationId: string | null },
): Promise<HistoricalCostImport> {
  const { lines, errors } = parseHistoricalCosts(file.text);
  if (errors.length > 0)
    throw new AppError('validation_failed', `${errors.length} line(s) of the file cannot be imported; nothing was stored.`, {
      errors: errors.map(({ line, reason }) => ({ path: `line ${line}`, message: reason })),
    });
  const { id, importedAt } = await insertHistoricalCostImport(db, { ...file, lines });
  return presentImport({ id, source: file.source, importedAt, lines });
}

export async function readHistoricalCosts(db: Queryable): Promise<HistoricalCostImport[]> {
  return (await listHistoricalCostImports(db)).map(presentImport);
}

function presentImport(stored: StoredHistoricalCostImport): HistoricalCostImport {
  return {
    id: stored.id,
    source: stored.source,
    importedAt: stored.importedAt.toISOString(),
    rows: stored.lines.map(presentHistoricalLine),
    yearTotals: yearTotals(stored.lines),
  };
}

import { idSchema, monthSchema, usageUnitsSchema, type UsageCsvError, type UsageCsvRow } from '@yhdessa/shared';
import { readCsvRecords } from '../../http/csv-records';

type Problem = Omit<UsageCsvError, 'line'>;

/** A file of more rows than this is refused whole: a service's month has far fewer families. */
export const MAX_CSV_ROWS = 2_000;

const HEADER = ['family', 'service', 'month', 'units'];

/**
 * Reads a service's monthly usage file: a header `family,service,month,units` (and optionally
 * `note`), then one row per family, service and month. `;` works as the delimiter too, with a
 * decimal comma in the units, as spreadsheets in Finland save CSV. Every line at fault is
 * reported with its number and why; blank lines are skipped.
 */
export function parseUsageCsv(text: string): { rows: UsageCsvRow[]; errors: UsageCsvError[] } {
  const firstLine = text.split(/\r\n|\r|\n/, 1)[0] ?? '';
  const { records, fault } = readCsvRecords(text, firstLine.includes(';') ? ';' : ',');
  const [header, ...body] = records.filter((record) => record.fields.some((value) => value.trim() !== ''));
  const names = header?.fields.map((name) => name.trim().toLowerCase()) ?? [];
  const headerOk = HEADER.every((name, index) => names[index] === name) && (names.length === 4 || names[4] === 'note');
  if (!header || !headerOk)
    return {
      rows: [],
      errors: [
        { line: header?.line ?? 1, problem: 'header', reason: 'The first line must be: family,service,month,units (,note).' },
      ],
    };
  if (body.length === 0 && !fault)
    return { rows: [], errors: [{ line: header.line, problem: 'no_rows', reason: 'The file has no rows.' }] };
  if (body.length > MAX_CSV_ROWS)
    return {
      rows: [],
      errors: [{ line: header.line, problem: 'too_many_rows', reason: `The file has more than ${MAX_CSV_ROWS} rows.` }],
    };

  const rows: UsageCsvRow[] = [];
  const errors: UsageCsvError[] = [];
  const seen = new Map<string, number>();
  for (const { line, fields } of body) {
    const problems = rowProblems(fields, names.length);
    if (problems.length > 0) {
      errors.push(...problems.map((problem) => ({ line, ...problem })));
      continue;
    }
    const [familyId, serviceId, month, units, note] = fields.map((value) => value.trim()) as [
      string,
      string,
      string,
      string,
      string?,
    ];
    const key = `${familyId.toLowerCase()} ${serviceId.toLowerCase()} ${month}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      errors.push({
        line,
        problem: 'duplicate_row',
        reason: `Duplicate row: line ${earlier} has the same family, service and month.`,
        duplicateOf: earlier,
      });
      continue;
    }
    seen.set(key, line);
    rows.push({
      line,
      familyId: familyId.toLowerCase(),
      serviceId: serviceId.toLowerCase(),
      month,
      units: Number(units.replace(',', '.')),
      note: note ?? '',
    });
  }
  // The lines after a quote that never closes cannot be split into columns.
  if (fault)
    errors.push({ line: fault.line, problem: 'columns', reason: `The line cannot be split into columns: ${fault.reason}.` });
  return { rows, errors };
}

function rowProblems(fields: string[], columns: number): Problem[] {
  if (fields.length !== columns) return [{ problem: 'columns', reason: `Expected ${columns} columns, found ${fields.length}.` }];
  const [familyId, serviceId, month, units, note] = fields.map((value) => value.trim());
  const problems: Problem[] = [];
  if (!idSchema.safeParse(familyId).success)
    problems.push({ problem: 'unknown_family', reason: 'Unknown family: the family reference is not a family id.' });
  if (!idSchema.safeParse(serviceId).success)
    problems.push({ problem: 'unknown_service', reason: 'Unknown service: the service reference is not a service id.' });
  if (!monthSchema.safeParse(month).success)
    problems.push({ problem: 'bad_month', reason: 'Bad month: write it as YYYY-MM, e.g. 2026-03.' });
  const unitsOk = /^\d+([.,]\d{1,2})?$/.test(units ?? '') && usageUnitsSchema.safeParse(Number(units!.replace(',', '.'))).success;
  if (!unitsOk)
    problems.push({ problem: 'bad_units', reason: 'Bad units: a number from 0 to 100000 with at most two decimals.' });
  if ((note?.length ?? 0) > 1_000)
    problems.push({ problem: 'note_too_long', reason: 'The note is longer than 1000 characters.' });
  return problems;
}

import { idSchema, monthSchema, usageUnitsSchema, type UsageCsvError, type UsageCsvRow } from '@yhdessa/shared';

type Problem = Omit<UsageCsvError, 'line'>;

/** A file of more rows than this is refused whole: a service's month has far fewer families. */
export const MAX_CSV_ROWS = 2_000;

const HEADER = ['family', 'service', 'month', 'units'];

/** One record of a CSV text with the line it starts on; quoted fields may hold the delimiter, quotes and line breaks. */
function* csvRecords(text: string, delimiter: string): Generator<{ line: number; fields: string[] }> {
  let line = 1;
  let start = 1;
  let field = '';
  let fields: string[] = [];
  let quoted = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index]!;
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        field += '"';
        index += 1;
      } else if (char === '"') quoted = false;
      else {
        if (char === '\n') line += 1;
        field += char;
      }
    } else if (char === '"' && field === '') quoted = true;
    else if (char === delimiter) {
      fields.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[index + 1] === '\n') index += 1;
      yield { line: start, fields: [...fields, field] };
      line += 1;
      start = line;
      field = '';
      fields = [];
    } else field += char;
  }
  if (field !== '' || fields.length > 0) yield { line: start, fields: [...fields, field] };
}

/**
 * Reads a service's monthly usage file: a header `family,service,month,units` (and optionally
 * `note`), then one row per family, service and month. `;` works as the delimiter too, with a
 * decimal comma in the units, as spreadsheets in Finland save CSV. Every line at fault is
 * reported with its number and why; blank lines are skipped.
 */
export function parseUsageCsv(text: string): { rows: UsageCsvRow[]; errors: UsageCsvError[] } {
  const content = text.replace(/^\uFEFF/, '');
  const firstLine = content.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = firstLine.includes(';') ? ';' : ',';
  const records = [...csvRecords(content, delimiter)].filter((record) => record.fields.some((value) => value.trim() !== ''));
  const [header, ...body] = records;
  const names = header?.fields.map((name) => name.trim().toLowerCase()) ?? [];
  const headerOk = HEADER.every((name, index) => names[index] === name) && (names.length === 4 || names[4] === 'note');
  if (!header || !headerOk)
    return {
      rows: [],
      errors: [
        { line: header?.line ?? 1, problem: 'header', reason: 'The first line must be: family,service,month,units (,note).' },
      ],
    };
  if (body.length === 0)
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

import { CsvError, parse } from 'csv-parse/sync';

/** One record of an uploaded CSV file, with the line of the file it starts on (the first line is 1). */
export interface CsvRecord {
  line: number;
  fields: string[];
}

/** Why the file cannot be read from a line on. */
export interface CsvFault {
  line: number;
  reason: string;
}

const LINE_BREAK = /\r\n|\r|\n/g;

/**
 * Reads an uploaded CSV file (RFC 4180 quoting; a quoted field may hold the delimiter, quotes and
 * line breaks) into its records, a blank line as a record of one empty field, so that each keeps
 * its line. Records of any length are returned: the caller names a wrong number of fields as that
 * line's fault. A quote inside an unquoted field is kept as written. A quote that never closes
 * swallows the rest of the file: then the records before it come with a fault on the line of the
 * record it opens in.
 */
export function readCsvRecords(text: string, delimiter = ','): { records: CsvRecord[]; fault: CsvFault | null } {
  const records: CsvRecord[] = [];
  let nextLine = 1;
  try {
    parse(text, {
      bom: true,
      delimiter,
      // Any line ending, even mixed in one file, as spreadsheets and editors save them.
      record_delimiter: ['\r\n', '\n', '\r'],
      relax_column_count: true,
      relax_quotes: true,
      // Collected as they come, so a fault later in the file keeps the lines read before it.
      on_record: (fields: string[]) => {
        records.push({ line: nextLine, fields });
        nextLine += 1 + fields.reduce((breaks, field) => breaks + (field.match(LINE_BREAK)?.length ?? 0), 0);
        return null;
      },
    });
  } catch (error) {
    // With these options this is the one way a file cannot be read to its end.
    if (!(error instanceof CsvError && error.code === 'CSV_QUOTE_NOT_CLOSED')) throw error;
    return { records, fault: { line: nextLine, reason: 'a quoted field does not end' } };
  }
  return { records, fault: null };
}

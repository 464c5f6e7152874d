import { historicalCostColumns, type HistoricalCostPreview, type HistoricalServiceCost } from '@yhdessa/shared';
import { readCsvRecords } from '../../http/csv-records';

export interface HistoricalCostLine {
  year: number;
  serviceFi: string;
  serviceEn: string;
  clients: number;
  totalCostCents: number;
  reportedCostPerClientCents: number | null;
}

const EURO_AMOUNT = /^\d{1,12}(\.\d{1,2})?$/;
const WHOLE_NUMBER = /^\d{1,9}$/;

/** Euros as written in the file (a dot before at most two decimals) in cents, exactly: no floating-point rounding. */
function toCents(euros: string): number {
  const [whole, fraction = ''] = euros.split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}

/** Why a line cannot be imported, or the line's figures. */
function readLine(fields: string[]): HistoricalCostLine | string {
  if (fields.length !== historicalCostColumns.length)
    return `expected ${historicalCostColumns.length} columns, found ${fields.length}`;
  const [year, serviceFi, serviceEn, clients, total, reported] = fields as [string, string, string, string, string, string];
  const faults: string[] = [];
  if (!/^\d{4}$/.test(year) || Number(year) < 1900 || Number(year) > 2100) faults.push('year must be a year such as 2013');
  if (serviceFi === '' || serviceFi.length > 200) faults.push('service_fi must be a name of 1-200 characters');
  if (serviceEn === '' || serviceEn.length > 200) faults.push('service_en must be a name of 1-200 characters');
  if (!WHOLE_NUMBER.test(clients)) faults.push('clients must be a whole number, 0 or more');
  if (!EURO_AMOUNT.test(total)) faults.push('total_cost_eur must be euros such as 597911 or 597911.50');
  if (reported !== '' && !EURO_AMOUNT.test(reported))
    faults.push('reported_cost_per_client_eur must be euros such as 1249, or empty');
  if (faults.length > 0) return faults.join('; ');
  return {
    year: Number(year),
    serviceFi,
    serviceEn,
    clients: Number(clients),
    totalCostCents: toCents(total),
    reportedCostPerClientCents: reported === '' ? null : toCents(reported),
  };
}

/**
 * Reads a file of yearly service costs (`year,service_fi,service_en,clients,total_cost_eur,
 * reported_cost_per_client_eur`, a header line first) and checks every line: the file is
 * imported whole or not at all, so each bad line is named with its number and reason.
 */
export function parseHistoricalCosts(text: string): { lines: HistoricalCostLine[]; errors: { line: number; reason: string }[] } {
  const { records, fault } = readCsvRecords(text);
  const errors: { line: number; reason: string }[] = [];
  const lines: HistoricalCostLine[] = [];
  const [header, ...body] = records;
  if (header?.fields.map((name) => name.trim()).join(',') !== historicalCostColumns.join(','))
    return { lines, errors: [{ line: 1, reason: `the header must be ${historicalCostColumns.join(',')}` }] };
  const seen = new Map<string, number>();
  for (const { line, fields } of body) {
    if (fields.length === 1 && fields[0]!.trim() === '') continue;
    const read = readLine(fields.map((value) => value.trim()));
    if (typeof read === 'string') {
      errors.push({ line, reason: read });
      continue;
    }
    const key = `${read.year}|${read.serviceFi.toLowerCase()}`;
    const first = seen.get(key);
    if (first !== undefined) {
      errors.push({ line, reason: `the same service and year as line ${first}` });
      continue;
    }
    seen.set(key, line);
    lines.push(read);
  }
  if (fault) errors.push(fault);
  if (lines.length === 0 && errors.length === 0) errors.push({ line: 2, reason: 'the file has no lines of figures' });
  return { lines, errors };
}

/** A line as shown: the file's own per-client figure beside the one computed from its total and clients. */
export function presentHistoricalLine(line: HistoricalCostLine): HistoricalServiceCost {
  return {
    year: line.year,
    service: { fi: line.serviceFi, en: line.serviceEn },
    clients: line.clients,
    totalCostCents: line.totalCostCents,
    reportedCostPerClientCents: line.reportedCostPerClientCents,
    computedCostPerClientCents: line.clients === 0 ? null : Math.round(line.totalCostCents / line.clients),
  };
}

/** Each year's clients and costs added up, oldest first. */
export function yearTotals(lines: readonly HistoricalCostLine[]): HistoricalCostPreview['yearTotals'] {
  const byYear = new Map<number, { year: number; clients: number; totalCostCents: number }>();
  for (const line of lines) {
    const total = byYear.get(line.year) ?? { year: line.year, clients: 0, totalCostCents: 0 };
    total.clients += line.clients;
    total.totalCostCents += line.totalCostCents;
    byYear.set(line.year, total);
  }
  return [...byYear.values()].sort((a, b) => a.year - b.year);
}

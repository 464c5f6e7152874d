import { programReportQuerySchema, type ProgramReportQuery } from '@yhdessa/shared';
import { finnishToday } from '../../../lib/locale';

export interface PeriodPreset {
  /** Names the preset in the address-independent choice list. */
  id: string;
  /** A translation key and its values. */
  label: { key: string; values: Record<string, number> };
  period: ProgramReportQuery;
}

const day = (year: number, month: number, date: number) =>
  `${year}-${String(month).padStart(2, '0')}-${String(date).padStart(2, '0')}`;
const lastDayOf = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/**
 * The periods a report is usually asked for: this year so far, last year, and each quarter of
 * this year and last year that has begun, newest first. A period never runs past today.
 */
export function periodPresets(today = finnishToday()): PeriodPreset[] {
  const year = Number(today.slice(0, 4));
  const upToToday = (to: string) => (to > today ? today : to);
  const quarters: PeriodPreset[] = [];
  for (const y of [year, year - 1])
    for (const quarter of [4, 3, 2, 1]) {
      const from = day(y, quarter * 3 - 2, 1);
      if (from > today) continue;
      quarters.push({
        id: `q${quarter}-${y}`,
        label: { key: 'programs.periods.quarter', values: { quarter, year: y } },
        period: { from, to: upToToday(day(y, quarter * 3, lastDayOf(y, quarter * 3))) },
      });
    }
  return [
    {
      id: 'this-year',
      label: { key: 'programs.periods.thisYear', values: { year } },
      period: { from: day(year, 1, 1), to: today },
    },
    {
      id: 'last-year',
      label: { key: 'programs.periods.lastYear', values: { year: year - 1 } },
      period: { from: day(year - 1, 1, 1), to: day(year - 1, 12, 31) },
    },
    ...quarters,
  ];
}

/** The period in the address, or this year so far when it names none or a bad one. */
export function periodFrom(search: URLSearchParams, presets: PeriodPreset[]): ProgramReportQuery {
  const parsed = programReportQuerySchema.safeParse({ from: search.get('from'), to: search.get('to') });
  return parsed.success ? parsed.data : presets[0]!.period;
}

export function presetOf(period: ProgramReportQuery, presets: PeriodPreset[]): PeriodPreset | undefined {
  return presets.find((preset) => preset.period.from === period.from && preset.period.to === period.to);
}

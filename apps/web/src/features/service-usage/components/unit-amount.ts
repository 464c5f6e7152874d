import type { TFunction } from 'i18next';
import type { Language } from '@yhdessa/shared';
import { formatDecimal } from '../../../lib/locale';

/** The catalogue's units the client can name in the reader's language; others are shown as written. */
const namedUnits = new Set(['visit', 'day', 'meeting', 'hour', 'session']);

/** "3,5 käyntiä", "1 visit": an amount of a service's unit in words, e.g. for the family's summary. */
export function unitAmount(t: TFunction, units: number, unit: string, language: Language): string {
  const value = formatDecimal(units, language);
  return namedUnits.has(unit) ? t(`serviceUnits.${unit}`, { count: units, value }) : `${value} × ${unit}`;
}

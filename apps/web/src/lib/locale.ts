import type { Language, LocalizedText } from '@yhdessa/shared';
import { useTranslation } from 'react-i18next';
import { isLanguage } from './i18n';

const intlLocales: Record<Language, string> = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' };

/*
 * One formatter per locale and options, made when first needed and kept: making one costs far more
 * than formatting with it (a plan's first render made one per date and per action, about 40 ms of a
 * phone's main thread).
 */
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `date ${locale} ${JSON.stringify(options)}`;
  let format = formatters.get(key);
  if (!format) formatters.set(key, (format = new Intl.DateTimeFormat(locale, options)));
  return format as Intl.DateTimeFormat;
}

function numberFormat(locale: string, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  const key = `number ${locale} ${JSON.stringify(options)}`;
  let format = formatters.get(key);
  if (!format) formatters.set(key, (format = new Intl.NumberFormat(locale, options)));
  return format as Intl.NumberFormat;
}

export function useLanguage(): Language {
  const { i18n } = useTranslation();
  return isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'fi';
}

/** Text from the API in the user's language; Finnish is always there. */
export function localizeText(text: LocalizedText, language: Language): string {
  return text[language] || text.fi;
}

/**
 * The one way a date is written in each language, on every screen and for days and moments alike:
 * `27.11.2026` in Finnish and Swedish (as in Finland), `27 Nov 2026` in English (never read as 11/27).
 */
const dateOptions: Record<Language, Intl.DateTimeFormatOptions> = {
  fi: { day: 'numeric', month: 'numeric', year: 'numeric' },
  sv: { day: 'numeric', month: 'numeric', year: 'numeric' },
  en: { day: 'numeric', month: 'short', year: 'numeric' },
};

/** A calendar day `YYYY-MM-DD` (or a month `YYYY-MM`) as a UTC midnight, to be formatted in UTC: no time-zone shift. */
function parseIsoDate(isoDate: string): Date {
  const [year = 0, month = 1, day = 1] = isoDate.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day));
}

/** A `YYYY-MM-DD` date as people in that language write it, e.g. `27.11.2026` in Finnish. */
export function formatDate(isoDate: string, language: Language): string {
  return dateTimeFormat(intlLocales[language], { ...dateOptions[language], timeZone: 'UTC' }).format(parseIsoDate(isoDate));
}

/** A year, month and day as `YYYY-MM-DD`, or null when there is no such day (31 April, 29 February 2027). */
function calendarDay(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

/** An English month by its name or the first three letters or more of it: `Sep`, `Sept`, `september`. */
function englishMonth(name: string): number | null {
  const typed = name.toLowerCase();
  if (typed.length < 3) return null;
  const monthName = dateTimeFormat(intlLocales.en, { month: 'long', timeZone: 'UTC' });
  const month = Array.from({ length: 12 }, (_, index) => monthName.format(Date.UTC(2000, index, 1)).toLowerCase()).findIndex(
    (full) => full.startsWith(typed),
  );
  return month === -1 ? null : month + 1;
}

/**
 * A date as someone types it, back to `YYYY-MM-DD`; null until it is a whole, real day. Each
 * language takes the way `formatDate` writes it (`27.11.2026`; `27 Nov 2026`, also `27 November
 * 2026` or `27/11/2026` in English), and `2026-11-27` is understood in every language.
 */
export function parseTypedDate(text: string, language: Language): string | null {
  const typed = text.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(typed);
  if (iso) return calendarDay(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  if (language !== 'en') {
    const dotted = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(typed);
    return dotted ? calendarDay(Number(dotted[3]), Number(dotted[2]), Number(dotted[1])) : null;
  }
  const slashed = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(typed);
  if (slashed) return calendarDay(Number(slashed[3]), Number(slashed[2]), Number(slashed[1]));
  const named = /^(\d{1,2})\s+([a-z]+)\.?,?\s+(\d{4})$/i.exec(typed);
  const month = named ? englishMonth(named[2]!) : null;
  return named && month ? calendarDay(Number(named[3]), month, Number(named[1])) : null;
}

/** A day in full, with its weekday, as a calendar's day button is read aloud: "maanantaina 7. syyskuuta 2026". */
export function formatSpokenDate(isoDate: string, language: Language): string {
  return dateTimeFormat(intlLocales[language], {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(parseIsoDate(isoDate));
}

/** Today as `YYYY-MM-DD` in the user's own calendar, the default of a date field. */
export function todayIsoDate(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/** Euro cents as a price, e.g. `95,00 €` in Finnish. */
export function formatEuros(cents: number, language: Language): string {
  return numberFormat(intlLocales[language], { style: 'currency', currency: 'EUR' }).format(cents / 100);
}

/** Whole euros, for an estimate whose cents would claim a precision it does not have. */
export function formatWholeEuros(cents: number, language: Language): string {
  return numberFormat(intlLocales[language], { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }).format(
    Math.round(cents / 100),
  );
}

/** Euro cents as a change, with its sign, e.g. `+95,00 €` or `−12,50 €` in Finnish. */
export function formatEurosChange(cents: number, language: Language): string {
  return numberFormat(intlLocales[language], { style: 'currency', currency: 'EUR', signDisplay: 'exceptZero' }).format(
    cents / 100,
  );
}

/** A change in per cent, with its sign and one decimal, e.g. `+3,0 %` in Finnish. */
export function formatPercentChange(percent: number, language: Language): string {
  return numberFormat(intlLocales[language], {
    style: 'percent',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
    signDisplay: 'exceptZero',
  }).format(percent / 100);
}

/** A share in per cent with one decimal, e.g. `42,5 %` in Finnish. */
export function formatPercent(percent: number, language: Language): string {
  return numberFormat(intlLocales[language], {
    style: 'percent',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(percent / 100);
}

/** A change with its sign and that many decimals, e.g. `+3,5` or `−0,25` in Finnish; percentage points take one. */
export function formatDecimalChange(change: number, language: Language, digits: number): string {
  return numberFormat(intlLocales[language], {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
    signDisplay: 'exceptZero',
  }).format(change);
}

/** How a number field writes and reads numbers: a Mantine NumberInput's separators, and the euro sign's place. */
export interface NumberInputFormat {
  decimalSeparator: string;
  thousandSeparator: string;
  prefix?: string;
  suffix?: string;
}

/**
 * A number field writes numbers as `formatDecimal` and `formatEuros` do: `1 234,5` and `1 234,50 €`
 * in Finnish and Swedish, `1,234.5` and `€1,234.50` in English. With `euros`, the euro sign stands
 * where the language puts it.
 */
export function numberInputFormat(language: Language, { euros = false } = {}): NumberInputFormat {
  const parts = numberFormat(intlLocales[language], euros ? { style: 'currency', currency: 'EUR' } : {}).formatToParts(1234.5);
  // A typed space is an ordinary one; Intl's no-break space would look the same but not match it.
  const plain = (selected: Intl.NumberFormatPart[]) => selected.map((part) => part.value.replace(/\s/g, ' ')).join('');
  const inNumber = parts.map((part) => ['integer', 'group', 'decimal', 'fraction'].includes(part.type));
  return {
    decimalSeparator: plain(parts.filter((part) => part.type === 'decimal')),
    thousandSeparator: plain(parts.filter((part) => part.type === 'group')),
    prefix: plain(parts.slice(0, inNumber.indexOf(true))) || undefined,
    suffix: plain(parts.slice(inNumber.lastIndexOf(true) + 1)) || undefined,
  };
}

/** A month `YYYY-MM` by its short name, e.g. `tammi` in Finnish. */
export function formatMonth(isoMonth: string, language: Language): string {
  return dateTimeFormat(intlLocales[language], { month: 'short', timeZone: 'UTC' }).format(parseIsoDate(isoMonth));
}

/** Euros rounded for an axis, e.g. `3 milj. €` in Finnish. */
export function formatEurosCompact(euros: number, language: Language): string {
  return numberFormat(intlLocales[language], { style: 'currency', currency: 'EUR', notation: 'compact' }).format(euros);
}

/** A count with the language's digit grouping, e.g. `2 603` in Finnish. */
export function formatCount(count: number, language: Language): string {
  return numberFormat(intlLocales[language]).format(count);
}

/** A month (`YYYY-MM`, or a date in it) as "maaliskuu 2025" in the reader's language. */
export function formatMonthYear(monthOrDate: string, language: Language): string {
  return dateTimeFormat(intlLocales[language], { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    parseIsoDate(monthOrDate.slice(0, 7)),
  );
}

/** A number with at most two decimals, e.g. `1,5` in Finnish; with `digits`, exactly that many (`1,50`). */
export function formatDecimal(value: number, language: Language, digits?: number): string {
  return numberFormat(intlLocales[language], {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits ?? 2,
  }).format(value);
}

/** The service keeps Finnish time, wherever the browser happens to be. */
const TIME_ZONE = 'Europe/Helsinki';

/** Today's date in Finland, `YYYY-MM-DD`. */
export function finnishToday(now = new Date()): string {
  return dateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/**
 * Makes ahead the formatters a signed-in plan shows first (its days, and today in Finland): the first
 * formatter of a page costs tens of milliseconds (the browser loads the locale's data), better spent
 * while the screen's data is on its way than in the middle of drawing it.
 */
export function prepareDateFormats(language: Language): void {
  formatDate('2026-01-01', language);
  finnishToday();
}

/** A `YYYY-MM-DD` date the given number of days later (or earlier, when negative). */
export function addDays(isoDate: string, days: number): string {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The moment a `YYYY-MM-DD` day begins in Finnish time, as an ISO instant (UTC). */
export function startOfFinnishDay(isoDate: string): string {
  const utcMidnight = Date.parse(`${isoDate}T00:00:00Z`);
  // Finland is 2 or 3 hours ahead of UTC; the offset at that day's start decides which.
  const offsetAt = (moment: number) => {
    const name = dateTimeFormat('en-US', { timeZone: TIME_ZONE, timeZoneName: 'longOffset' })
      .formatToParts(moment)
      .find((part) => part.type === 'timeZoneName')!.value;
    const [, sign, hours, minutes] = /GMT([+-])(\d{2}):(\d{2})/.exec(name) ?? ['', '+', '0', '0'];
    return (sign === '-' ? -1 : 1) * (Number(hours) * 60 + Number(minutes)) * 60_000;
  };
  const guess = utcMidnight - offsetAt(utcMidnight);
  return new Date(utcMidnight - offsetAt(guess)).toISOString();
}

/**
 * A moment in Finnish time as its date, written as `formatDate` writes days, and its time of day:
 * `27.11.2026` and `17.55` in Finnish and Swedish, `27 Nov 2026` and `17:55` in English. The
 * translations join them, always the same way in a language: "27.11.2026 klo 17.55",
 * "27.11.2026 kl. 17.55", "27 Nov 2026 at 17:55".
 */
export function formatDateTimeParts(isoDateTime: string, language: Language): { date: string; time: string } {
  const moment = new Date(isoDateTime);
  const locale = intlLocales[language];
  return {
    date: dateTimeFormat(locale, { ...dateOptions[language], timeZone: TIME_ZONE }).format(moment),
    time: dateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', timeZone: TIME_ZONE }).format(moment),
  };
}

/**
 * Dates as address books and spreadsheets write them: ISO (`1985-03-15`, with or without a time),
 * `YYYY/MM/DD`, day and month by number in either order (`3/15/1985`, `15/3/1985`, `15.03.1985`,
 * `15-03-1985`), month names in English, French, German, Spanish, Italian, Portuguese and Dutch,
 * Excel serial numbers, and the placeholders products write for "no date".
 *
 * Whether `03/04/1985` is the 3rd of April or the 4th of March cannot be told from the value: it is
 * told from the whole column (`dateOrderOf`), and a column in which every such value fits both
 * orders is `ambiguous` until the user says which it is.
 */
import { DATE_ORDERS, type DateOrder, type DateOrderVerdict } from '../../../../contracts';
import { foldSearchText } from '../search-text';
import { IMPORT_DATE_FIELDS, type ImportObject } from './fields';

/** How a column writes day, month and year; `ambiguous` when its values fit both number orders. */
export { DATE_ORDERS, type DateOrder, type DateOrderVerdict };

/**
 * Two-digit years as Excel reads them: 00–29 are 2000–2029, 30–99 are 1930–1999.
 */
export const TWO_DIGIT_YEAR_PIVOT = 30;

/** Excel's serial 1 is 1900-01-01; it counts a 29 February 1900 (serial 60) that never was. */
const EXCEL_DAY_ZERO_MS = Date.UTC(1899, 11, 31);
const DAY_MS = 24 * 3600 * 1000;
const SERIAL_MAX = 2958465;

const MONTH_NAMES: Record<string, number> = {};
[
  // English, French, German, Spanish, Italian, Portuguese, Dutch: full names and usual abbreviations
  [
    'january',
    'jan',
    'janvier',
    'janv',
    'januar',
    'janner',
    'enero',
    'ene',
    'gennaio',
    'gen',
    'janeiro',
    'januari',
  ],
  [
    'february',
    'feb',
    'fevrier',
    'fevr',
    'fev',
    'februar',
    'febrero',
    'febbraio',
    'fevereiro',
    'februari',
  ],
  ['march', 'mar', 'mars', 'marz', 'marzo', 'marco', 'maart', 'mrt'],
  ['april', 'apr', 'avril', 'avr', 'abril', 'abr', 'aprile'],
  ['may', 'mai', 'mayo', 'maggio', 'mag', 'maio', 'mei'],
  ['june', 'jun', 'juin', 'juni', 'junio', 'giugno', 'giu', 'junho'],
  ['july', 'jul', 'juillet', 'juil', 'juli', 'julio', 'luglio', 'lug', 'julho'],
  ['august', 'aug', 'aout', 'agosto', 'ago', 'augustus'],
  ['september', 'sep', 'sept', 'septembre', 'septiembre', 'settembre', 'set', 'setembro'],
  ['october', 'oct', 'octobre', 'oktober', 'okt', 'octubre', 'ottobre', 'ott', 'outubro', 'out'],
  ['november', 'nov', 'novembre', 'noviembre', 'novembro'],
  [
    'december',
    'dec',
    'decembre',
    'dezember',
    'dez',
    'diciembre',
    'dic',
    'dicembre',
    'dezembro',
    'desember',
  ],
].forEach((names, index) => names.forEach((name) => (MONTH_NAMES[name] = index + 1)));

/** What a date cell says: a date, nothing (blank or a placeholder), a day without a year, or not a date. */
export type ImportDate =
  | { kind: 'date'; iso: string }
  | { kind: 'empty' }
  | { kind: 'no-year' }
  /** day and month by number, both 12 or less, in a column whose order is not settled */
  | { kind: 'undecided' }
  | { kind: 'invalid'; reason: string };

const ISO =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const YEAR_FIRST = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
/** Day and month by number, either order; a time after the date (some exports add one) is ignored. */
const NUMERIC =
  /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?:\.)?(?:[ T]\d{1,2}:\d{2}(?::\d{2})?(?: ?[AP]M)?)?$/i;
const NO_YEAR = /^--(\d{2})-?(\d{2})$/;
const SERIAL = /^\d{1,7}(?:\.\d+)?$/;
/** Placeholders written for "no date": every number zero, or Outlook's 1 January 1601. */
const ZERO_DATE = /^0+([/.-])0+\1(?:0+)$/;
const OUTLOOK_NONE = /^(?:0?1[/.-]0?1[/.-]1601|1601-01-01)(?:[ T].*)?$/;

const pad = (n: number) => String(n).padStart(2, '0');

const fullYear = (digits: string): number => {
  const year = Number(digits);
  if (digits.length !== 2) return year;
  return year < TWO_DIGIT_YEAR_PIVOT ? 2000 + year : 1900 + year;
};

/** `YYYY-MM-DD` of a real calendar day, or null. */
const isoOf = (year: number, month: number, day: number): string | null => {
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`;
};

/** The day of an Excel serial number (its fraction is the time of day). */
export const excelSerialDate = (serial: number): string | null => {
  const day = Math.floor(serial);
  if (!(day >= 1 && day <= SERIAL_MAX) || day === 60) return null;
  const date = new Date(EXCEL_DAY_ZERO_MS + (day < 60 ? day : day - 1) * DAY_MS);
  return isoOf(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
};

/** A date written with its month's name, in any order of day, month and year ("15 mars 1985", "March 15, 1985"). */
const namedDate = (text: string): string | null | undefined => {
  const tokens = foldSearchText(text)
    .replace(/(\d)(st|nd|rd|th|er|e|o|a)\b/g, '$1')
    .split(/[^a-z0-9]+/)
    .filter((token) => token !== '' && token !== 'de' && token !== 'del' && token !== 'of');
  const months = tokens.filter((token) => MONTH_NAMES[token] !== undefined);
  if (months.length !== 1) return undefined;
  const numbers = tokens.filter((token) => /^\d+$/.test(token));
  const others = tokens.filter((token) => MONTH_NAMES[token] === undefined && !/^\d+$/.test(token));
  // Weekday names and the like are not read: a text with other words is not a date.
  if (others.length > 0 || numbers.length < 1 || numbers.length > 2) return undefined;
  const month = MONTH_NAMES[months[0]];
  const year = numbers.find((token) => token.length === 4);
  const day = numbers.find((token) => token.length <= 2);
  if (!day) return undefined;
  if (!year) return numbers.length === 1 ? null : undefined; // "15 March": no year
  return isoOf(Number(year), month, Number(day)) ?? undefined;
};

/** How one value of a column bears on its order. */
export type DateShape =
  | 'blank'
  | 'placeholder'
  | 'no-year'
  /** its order is in the value itself: ISO, year first, a month name, a serial number */
  | 'unambiguous'
  /** day and month by number: only day-first fits (a first number over 12), or dots and dashes */
  | 'day-first'
  /** only month-first fits (a second number over 12) */
  | 'month-first'
  /** both orders fit, and they give different days */
  | 'either'
  | 'not-a-date';

/** What one value says about its column's order. */
export function dateShapeOf(value: string): DateShape {
  const text = value.trim();
  if (text === '') return 'blank';
  if (ZERO_DATE.test(text) || OUTLOOK_NONE.test(text) || text === '0000-00-00')
    return 'placeholder';
  if (NO_YEAR.test(text)) return 'no-year';
  if (ISO.test(text) || YEAR_FIRST.test(text) || COMPACT.test(text)) return 'unambiguous';
  const numeric = NUMERIC.exec(text);
  if (numeric) {
    const [, first, separator, second] = numeric;
    const a = Number(first);
    const b = Number(second);
    if (a > 12 && b <= 12) return 'day-first';
    if (b > 12 && a <= 12) return 'month-first';
    if (a > 12 && b > 12) return 'not-a-date';
    if (a === b) return 'unambiguous';
    // 15.03.1985 and 15-03-1985 are written day first; a slash is written either way.
    return separator === '/' ? 'either' : 'day-first';
  }
  if (SERIAL.test(text)) return excelSerialDate(Number(text)) ? 'unambiguous' : 'not-a-date';
  const named = namedDate(text);
  if (named === null) return 'no-year';
  return named ? 'unambiguous' : 'not-a-date';
}

/** Counts of a column's value shapes, collected as its cells stream in. */
export type DateColumnStats = Record<DateShape, number>;

export const emptyDateStats = (): DateColumnStats => ({
  blank: 0,
  placeholder: 0,
  'no-year': 0,
  unambiguous: 0,
  'day-first': 0,
  'month-first': 0,
  either: 0,
  'not-a-date': 0,
});

export const observeDate = (stats: DateColumnStats, value: string): void => {
  stats[dateShapeOf(value)] += 1;
};

/**
 * A column's order, from all its values: day-first or month-first when some value fits only that
 * one (the more numerous when values of both kinds are there: the others are then refused),
 * `ambiguous` when values fit both and none tells, YMD when every date says its order itself, and
 * null when the column holds no date at all.
 */
export function dateOrderOf(stats: DateColumnStats): DateOrderVerdict | null {
  const dayFirst = stats['day-first'];
  const monthFirst = stats['month-first'];
  if (dayFirst > 0 || monthFirst > 0) return dayFirst >= monthFirst ? 'DMY' : 'MDY';
  if (stats.either > 0) return 'ambiguous';
  if (stats.unambiguous > 0 || stats['no-year'] > 0 || stats.placeholder > 0) return 'YMD';
  return null;
}

const ORDER_NAMES: Record<DateOrder, string> = {
  YMD: 'year-month-day',
  DMY: 'day/month/year',
  MDY: 'month/day/year',
};

/**
 * Reads one date cell in its column's order (`null`: not known yet). A value that fits the
 * column's order only one way is read that way; one that fits both while the order is not settled
 * is `undecided`; one that fits neither is invalid, with a reason that names what was expected.
 */
export function readImportDate(value: string, order: DateOrderVerdict | null): ImportDate {
  const text = value.trim();
  const shape = dateShapeOf(text);
  if (shape === 'blank' || shape === 'placeholder') return { kind: 'empty' };
  if (shape === 'no-year') return { kind: 'no-year' };
  if (shape === 'not-a-date')
    return { kind: 'invalid', reason: `"${text.slice(0, 40)}" is not a date` };
  const found = ISO.exec(text) ?? YEAR_FIRST.exec(text) ?? COMPACT.exec(text);
  if (found) {
    const iso = isoOf(Number(found[1]), Number(found[2]), Number(found[3]));
    return iso
      ? { kind: 'date', iso }
      : { kind: 'invalid', reason: `"${text}" is not a day of the calendar` };
  }
  const numeric = NUMERIC.exec(text);
  if (numeric) {
    const [, first, , second, year] = numeric;
    const a = Number(first);
    const b = Number(second);
    const settled = order === 'DMY' || order === 'MDY' ? order : null;
    if (!settled && shape === 'either') return { kind: 'undecided' };
    const dayFirst = settled ? settled === 'DMY' : shape === 'day-first' || a === b;
    if (settled && ((settled === 'DMY' && b > 12) || (settled === 'MDY' && a > 12)))
      return {
        kind: 'invalid',
        reason: `"${text}" is not a ${ORDER_NAMES[settled]} date, the order of its column`,
      };
    const iso = dayFirst ? isoOf(fullYear(year), b, a) : isoOf(fullYear(year), a, b);
    return iso
      ? { kind: 'date', iso }
      : { kind: 'invalid', reason: `"${text}" is not a day of the calendar` };
  }
  if (SERIAL.test(text)) return { kind: 'date', iso: excelSerialDate(Number(text))! };
  const named = namedDate(text);
  return named
    ? { kind: 'date', iso: named }
    : { kind: 'invalid', reason: `"${text.slice(0, 40)}" is not a date` };
}

/** An import's column as far as dates go: its header, its field, and the shapes of its values once counted. */
export interface DatedColumn {
  header: string;
  field: string | null;
  dates?: DateColumnStats;
}

/** The columns mapped to a date field. */
export const dateColumnsOf = <TColumn extends DatedColumn>(job: {
  object: ImportObject;
  columns: TColumn[] | null;
}): TColumn[] =>
  (job.columns ?? []).filter(
    (column) => column.field !== null && IMPORT_DATE_FIELDS[job.object].includes(column.field)
  );

/**
 * The order of each date column of an import: the one the user set, else the one all its values
 * show (a column without any date is left out).
 */
export const columnDateOrders = (job: {
  object: ImportObject;
  columns: DatedColumn[] | null;
  dateFormats: Record<string, DateOrder> | null;
}): Record<string, DateOrderVerdict> =>
  Object.fromEntries(
    dateColumnsOf(job).flatMap((column) => {
      const order =
        job.dateFormats?.[column.header] ?? dateOrderOf(column.dates ?? emptyDateStats());
      return order ? [[column.header, order]] : [];
    })
  );

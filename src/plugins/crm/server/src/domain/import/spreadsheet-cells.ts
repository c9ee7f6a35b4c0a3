/**
 * A spreadsheet cell as the import reads it: text, as a CSV file would hold it. Dates are ISO
 * (`1985-03-15`, with the time when it is not midnight), numbers are written out in full (a phone
 * stored as the number 14155552671 is `14155552671`, never `1.41555E+10`), booleans true or false.
 */
export function spreadsheetCellText(value: string | number | boolean | Date | null): string {
  if (value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return numberText(value);
  return dateText(value);
}

/** A number in full: integers without exponent or separators, fractions as JavaScript writes them. */
const numberText = (value: number): string => {
  if (!Number.isFinite(value)) return '';
  if (Number.isInteger(value))
    return Number.isSafeInteger(value)
      ? String(value)
      : value.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 0 });
  return String(value);
};

/** A date cell (a UTC instant of the sheet's local day and time): its day, with its time if any. */
const dateText = (date: Date): string => {
  if (Number.isNaN(date.getTime())) return '';
  const iso = date.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.replace(/\.000Z$/, 'Z');
};

/**
 * Number formats Excel builds in that show a date or a time (ECMA-376 part 1, 18.8.30, and the
 * East Asian ids Excel writes for its localised date formats).
 */
const BUILT_IN_DATE_FORMATS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51,
  52, 53, 54, 55, 56, 57, 58,
]);

/**
 * Whether a cell's number format shows its number as a date: a built-in date format, or a custom
 * format code with day, month, year, hour or second tokens once its literal text (`"…"`, `\x`),
 * colours and locales (`[Red]`, `[$-409]`) are set aside. Elapsed times (`[h]:mm`) count as well.
 */
export function isDateNumberFormat(numFmtId: number, formatCode?: string): boolean {
  if (BUILT_IN_DATE_FORMATS.has(numFmtId)) return true;
  if (!formatCode) return false;
  const tokens = formatCode
    // Only the first section (positive numbers) decides.
    .split(/;(?=(?:[^"]*"[^"]*")*[^"]*$)/)[0]
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/_./g, '')
    .replace(/\[(?![hms]+\])[^\]]*\]/gi, '');
  if (/^general$/i.test(tokens.trim())) return false;
  return /[dmyhs]/i.test(tokens.replace(/[[\]]/g, ''));
}

const DAY_MS = 24 * 60 * 60 * 1000;
/** Day 0 of the 1900 date system, counted so that serial 61 is 1900-03-01. */
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);

/**
 * The instant a date cell's serial number stands for, as a UTC date of the sheet's local day and
 * time. In the 1900 system Excel counts a 29 February 1900 that never was (serial 60, read as
 * 1 March): serials below 61 are one day later than a plain count makes them. Times are rounded to
 * the second, as Excel shows them.
 */
export function spreadsheetSerialDate(serial: number, date1904 = false): Date | null {
  if (!Number.isFinite(serial) || serial < 0 || serial >= 2958466) return null;
  const days = Math.floor(serial);
  const seconds = Math.round((serial - days) * 86400);
  const shift = !date1904 && serial < 61 ? 1 : 0;
  const epoch = date1904 ? EPOCH_1904 : EPOCH_1900;
  return new Date(epoch + (days + shift) * DAY_MS + seconds * 1000);
}

/**
 * Text as an Office Open XML part holds it, with the characters XML cannot carry written
 * `_xHHHH_` (a carriage return is `_x000D_`, a literal `_x` is escaped as `_x005F_x`).
 */
export function decodeSpreadsheetEscapes(text: string): string {
  if (!text.includes('_x')) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) =>
    String.fromCharCode(parseInt(hex, 16))
  );
}

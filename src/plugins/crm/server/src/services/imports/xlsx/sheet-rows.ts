import {
  decodeSpreadsheetEscapes,
  ROW_MAX_CHARS,
  spreadsheetCellText,
  spreadsheetSerialDate,
} from '../../../domain';
import { ImportFileError } from '../import-file-error';
import type { SharedStrings } from './shared-strings';
import { XmlEvents } from './xml-events';
import type { ZipParts } from './zip-parts';

/** One row of a worksheet: its number in the sheet and its cells as text, column A first. */
export interface SheetRow {
  number: number;
  cells: string[];
}

export interface CellContext {
  sharedStrings: SharedStrings;
  /** Per cell style, whether it shows a number as a date. */
  dateStyles: boolean[];
  date1904: boolean;
}

/** Excel's last column, XFD. */
const LAST_COLUMN = 16383;

/** `C12` → 2 (column C, counted from 0); -1 when the reference has no column letters. */
const columnIndex = (reference: string): number => {
  let column = 0;
  let i = 0;
  for (; i < reference.length; i++) {
    const code = reference.charCodeAt(i);
    if (code >= 65 && code <= 90) column = column * 26 + (code - 64);
    else if (code >= 97 && code <= 122) column = column * 26 + (code - 96);
    else break;
  }
  return i === 0 ? -1 : column - 1;
};

export const rowTooLong = (row: number) =>
  new ImportFileError(
    `row ${row}: the row is longer than ${ROW_MAX_CHARS.toLocaleString('en-US')} characters (1 MiB), the limit for one row`
  );

/**
 * A cell's text from its type (`t`), its value (`<v>`) or inline string, and its style: shared
 * strings looked up, numbers in a date format read as dates, formulas as their cached value
 * (`<f>` is not read), booleans as true/false, errors as their code.
 */
function cellText(type: string, value: string, style: number, context: CellContext): string {
  switch (type) {
    case 's':
      return context.sharedStrings.get(Number(value)) ?? '';
    case 'str':
    case 'inlineStr':
      return decodeSpreadsheetEscapes(value);
    case 'b':
      return value === '1' || value === 'true' ? 'true' : value === '' ? '' : 'false';
    case 'e':
      return value;
    case 'd': {
      if (value === '') return '';
      const date = new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(value) ? value : `${value}Z`);
      return spreadsheetCellText(date);
    }
    default: {
      if (value.trim() === '') return '';
      const number = Number(value);
      if (Number.isNaN(number)) return value;
      if (context.dateStyles[style])
        return spreadsheetCellText(spreadsheetSerialDate(number, context.date1904));
      return spreadsheetCellText(number);
    }
  }
}

/**
 * Streams a worksheet part's rows in the order the sheet stores them, a handful per inflated
 * chunk, so that only those rows are in memory; the caller's pace (awaiting between yields) is
 * the read's pace. Cells without a reference follow the one before them, as rows do.
 */
export async function* sheetRows(
  zip: ZipParts,
  part: string,
  context: CellContext
): AsyncGenerator<SheetRow[]> {
  const stream = await zip.text(part);
  if (!stream) return;
  let ready: SheetRow[] = [];
  let rowNumber = 0;
  let cells: string[] = [];
  let column = -1;
  let type = 'n';
  let style = 0;
  let value = '';
  // Which text is being gathered: a cell's <v>, its inline string's <t>, or none.
  let gathering = false;
  let inPhonetic = false;
  const events = new XmlEvents({
    open: (name, attributes) => {
      switch (name) {
        case 'row':
          rowNumber = Number(attributes.r) > 0 ? Number(attributes.r) : rowNumber + 1;
          cells = [];
          column = -1;
          break;
        case 'c': {
          const at = attributes.r ? columnIndex(attributes.r) : -1;
          column = at === -1 ? column + 1 : at;
          if (column > LAST_COLUMN)
            throw new ImportFileError(
              `row ${rowNumber}: a cell past column XFD, the last one a sheet has`
            );
          type = attributes.t ?? 'n';
          style = attributes.s ? Number(attributes.s) : 0;
          value = '';
          break;
        }
        case 'v':
          gathering = type !== 'inlineStr';
          break;
        case 't':
          gathering = type === 'inlineStr' && !inPhonetic;
          break;
        case 'rPh':
          inPhonetic = true;
          break;
      }
    },
    text: (text) => {
      if (!gathering) return;
      value += text;
      if (value.length > ROW_MAX_CHARS) throw rowTooLong(rowNumber);
    },
    close: (name) => {
      switch (name) {
        case 'v':
        case 't':
          gathering = false;
          break;
        case 'rPh':
          inPhonetic = false;
          break;
        case 'c':
          cells[column] = cellText(type, value, style, context);
          break;
        case 'row':
          for (let i = 0; i < cells.length; i++) cells[i] ??= '';
          ready.push({ number: rowNumber, cells });
          break;
      }
    },
  });
  // Leaving the loop early (a bad row, the caller's error) destroys the inflating stream.
  for await (const chunk of stream) {
    events.write(chunk as string);
    if (ready.length > 0) {
      const rows = ready;
      ready = [];
      yield rows;
    }
  }
  events.close();
  if (ready.length > 0) yield ready;
}

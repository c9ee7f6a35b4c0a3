import ExcelJS from 'exceljs';

import { IMPORT_MAX_COLUMNS, ROW_MAX_CHARS, spreadsheetCellText } from '../../domain';
import type { CsvRecord } from './csv-reader';
import { ImportFileError } from './import-file-error';

/**
 * A batch is handed on early once its cells hold this many characters (as for CSV files), so that
 * the rows in memory stay few whatever their length.
 */
const BATCH_MAX_CHARS = 4 * 1024 * 1024;

/** The workbook reader sets a worksheet reader's id and name, which its typings leave out. */
type SheetReader = ExcelJS.stream.xlsx.WorksheetReader & { id: number | string; name: string };

interface SheetChoice {
  /** A sheet's name, or its 1-based position in the workbook; the first sheet when absent. */
  sheet?: string;
}

/** Whether the worksheet being read is the one asked for. */
const isChosen = (
  reader: { id: number | string; name: string },
  position: number,
  sheets: { id: number | string; name: string }[],
  choice: SheetChoice
): boolean => {
  const wanted = choice.sheet?.trim();
  // The workbook's own order of sheets when it was read before them (Excel writes it first).
  const at = sheets.findIndex((sheet) => String(sheet.id) === String(reader.id));
  const index = at === -1 ? position : at;
  if (!wanted) return index === 0;
  if (/^\d+$/.test(wanted)) return index === Number(wanted) - 1;
  return reader.name.toLowerCase() === wanted.toLowerCase();
};

/**
 * Streams the rows of one worksheet of an Excel workbook (.xlsx) without holding the sheet in
 * memory: its first non-empty row is the header, later rows come in batches as text cells (see
 * `spreadsheetCellText`); empty rows are not rows, and lines are the sheet's row numbers. A row
 * with values past the header's last column stops the read, naming its row, as a wider CSV row
 * does. `onBatch` is awaited before more is read.
 */
export async function readXlsx(
  path: string,
  handlers: {
    onHeader: (headers: string[]) => Promise<void> | void;
    onBatch: (records: CsvRecord[]) => Promise<void>;
  },
  options: { batchSize: number; maxColumns?: number } & SheetChoice
): Promise<{ records: number; sheet: string }> {
  const maxColumns = options.maxColumns ?? IMPORT_MAX_COLUMNS;
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  let header: string[] | null = null;
  let sheetName: string | null = null;
  let records = 0;
  let batch: CsvRecord[] = [];
  let batchChars = 0;
  let position = 0;
  // The workbook's list of sheets, once its workbook.xml is read (undefined until then).
  const sheets = () => workbook.model?.sheets ?? [];
  try {
    for await (const worksheet of workbook) {
      const reader = worksheet as SheetReader;
      const chosen = sheetName === null && isChosen(reader, position, sheets(), options);
      position += 1;
      if (!chosen) continue;
      sheetName = reader.name;
      for await (const row of reader) {
        const values = Array.isArray(row.values) ? row.values : [];
        // row.values is 1-based and sparse: cells[0] is column A.
        const cells: string[] = [];
        let chars = 0;
        for (let column = 1; column < values.length; column++) {
          const text = spreadsheetCellText(values[column]);
          cells[column - 1] = text;
          chars += text.length;
        }
        for (let i = 0; i < cells.length; i++) cells[i] ??= '';
        if (cells.every((cell) => cell.trim() === '')) continue;
        if (chars > ROW_MAX_CHARS)
          throw new ImportFileError(
            `row ${row.number}: the row is longer than ${ROW_MAX_CHARS.toLocaleString('en-US')} characters (1 MiB), the limit for one row`
          );
        if (!header) {
          while (cells.length && cells[cells.length - 1].trim() === '') cells.pop();
          if (cells.length > maxColumns)
            throw new ImportFileError(
              `row ${row.number}: the header has more than ${maxColumns.toLocaleString('en-US')} columns (importMaxColumns)`
            );
          header = cells;
          await handlers.onHeader(cells);
          continue;
        }
        const extra = cells.findIndex((cell, i) => i >= header!.length && cell.trim() !== '');
        if (extra !== -1)
          throw new ImportFileError(
            `row ${row.number}: a value in column ${extra + 1} where the header has ${header.length} columns`
          );
        const padded = Array.from({ length: header.length }, (_, i) => cells[i] ?? '');
        batch.push({ line: row.number, cells: padded });
        batchChars += chars;
        records += 1;
        if (batch.length >= options.batchSize || batchChars >= BATCH_MAX_CHARS) {
          const full = batch;
          batch = [];
          batchChars = 0;
          await handlers.onBatch(full);
        }
      }
    }
  } catch (error) {
    if (error instanceof ImportFileError) throw error;
    throw new ImportFileError(
      `the workbook cannot be read (${(error as Error).message}): is it a complete .xlsx file?`
    );
  }
  if (sheetName === null)
    throw new ImportFileError(
      options.sheet
        ? `the workbook has no sheet "${options.sheet}"`
        : 'the workbook has no worksheet'
    );
  if (!header) throw new ImportFileError(`the sheet "${sheetName}" is empty`);
  if (batch.length > 0) await handlers.onBatch(batch);
  if (records === 0)
    throw new ImportFileError(`the sheet "${sheetName}" has a header row but no data rows`);
  return { records, sheet: sheetName };
}

import { IMPORT_MAX_COLUMNS, ROW_MAX_CHARS } from '../../domain';
import type { CsvRecord } from './csv-reader';
import { ImportFileError } from './import-file-error';
import { readSharedStrings } from './xlsx/shared-strings';
import { rowTooLong, sheetRows } from './xlsx/sheet-rows';
import { readDateStyles, readWorkbookParts, type SheetPart } from './xlsx/workbook-parts';
import { ZipParts } from './xlsx/zip-parts';

/**
 * A batch is handed on early once its cells hold this many characters (as for CSV files), so that
 * the rows in memory stay few whatever their length.
 */
const BATCH_MAX_CHARS = 4 * 1024 * 1024;

interface SheetChoice {
  /** A sheet's name, or its 1-based position in the workbook; the first sheet when absent. */
  sheet?: string;
}

/** The sheet asked for: by position when a number is given, else by name (any case). */
const chooseSheet = (sheets: SheetPart[], choice: SheetChoice): SheetPart | undefined => {
  const wanted = choice.sheet?.trim();
  if (!wanted) return sheets[0];
  const byName = sheets.find((sheet) => sheet.name.toLowerCase() === wanted.toLowerCase());
  if (byName) return byName;
  return /^\d+$/.test(wanted) ? sheets[Number(wanted) - 1] : undefined;
};

/**
 * Streams the rows of one worksheet of an Excel workbook (.xlsx) without holding the sheet in
 * memory. The zip's central directory gives each part when it is needed, so the workbook,
 * styles and shared strings are read before the sheet whatever order the file stores them in.
 * The first non-empty row is the header, later rows come in batches as text cells; empty rows
 * are not rows, and lines are the sheet's row numbers. A row with values past the header's last
 * column stops the read, naming its row, as a wider CSV row does. `onBatch` is awaited before
 * more is read.
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
  let zip: ZipParts;
  try {
    zip = await ZipParts.open(path);
  } catch (error) {
    throw unreadable(error);
  }
  let header: string[] | null = null;
  let records = 0;
  let batch: CsvRecord[] = [];
  let batchChars = 0;
  let sheet: SheetPart | undefined;
  // Errors of the caller's handlers pass through as they are; only the file's own are a 400.
  let inHandler = false;
  const handOn = async (work: () => Promise<void> | void) => {
    inHandler = true;
    await work();
    inHandler = false;
  };
  try {
    const workbook = await readWorkbookParts(zip);
    sheet = chooseSheet(workbook.sheets, options);
    if (!sheet)
      throw new ImportFileError(
        options.sheet?.trim()
          ? `the workbook has no sheet "${options.sheet}"; its sheets are ${workbook.sheets.map((s) => `"${s.name}"`).join(', ') || 'none'}`
          : 'the workbook has no worksheet'
      );
    const context = {
      dateStyles: await readDateStyles(zip, workbook.stylesPart),
      sharedStrings: await readSharedStrings(zip, workbook.sharedStringsPart),
      date1904: workbook.date1904,
    };
    for await (const rows of sheetRows(zip, sheet.part, context)) {
      for (const row of rows) {
        const { cells } = row;
        let chars = 0;
        for (const cell of cells) chars += cell.length;
        if (cells.every((cell) => cell.trim() === '')) continue;
        if (chars > ROW_MAX_CHARS) throw rowTooLong(row.number);
        if (!header) {
          while (cells.length && cells[cells.length - 1].trim() === '') cells.pop();
          if (cells.length > maxColumns)
            throw new ImportFileError(
              `row ${row.number}: the header has more than ${maxColumns.toLocaleString('en-US')} columns (importMaxColumns)`
            );
          header = cells;
          await handOn(() => handlers.onHeader(cells));
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
          await handOn(() => handlers.onBatch(full));
        }
      }
    }
  } catch (error) {
    throw inHandler ? error : unreadable(error);
  } finally {
    zip.close();
  }
  if (!header) throw new ImportFileError(`the sheet "${sheet.name}" is empty`);
  if (batch.length > 0) await handlers.onBatch(batch);
  if (records === 0)
    throw new ImportFileError(`the sheet "${sheet.name}" has a header row but no data rows`);
  return { records, sheet: sheet.name };
}

/** Errors of the zip or its XML as a 400 that says the file cannot be read. */
const unreadable = (error: unknown): Error =>
  error instanceof ImportFileError
    ? error
    : new ImportFileError(
        `the workbook cannot be read (${(error as Error).message}): is it a complete .xlsx file?`
      );

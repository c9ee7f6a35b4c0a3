import { Readable } from 'node:stream';

import Papa from 'papaparse';

import {
  IMPORT_MAX_COLUMNS,
  createCsvShapeScanner,
  csvPreambleOf,
  guessLineBreak,
} from '../../domain';
import { sniffImportFile, type SniffedFile } from './file-format';
import { ImportFileError } from './import-file-error';
import { assertReadable, decodeHead, decodedStream } from './text-encoding';

/** A file that cannot be read as CSV; the message names the line where it broke. */
export const CsvFileError = ImportFileError;

export interface CsvRecord {
  /** Physical line of the file the record starts on (the header is line 1). */
  line: number;
  cells: string[];
}

/**
 * A batch is handed on early once its cells hold this many characters, so that a file of long
 * rows (each up to the row limit) holds no more in memory at a time than one of short rows.
 */
const BATCH_MAX_CHARS = 4 * 1024 * 1024;

const DELIMITERS = [',', ';', '\t'] as const;

/** The delimiter the header line uses most, outside quotes (comma when it uses none). */
export const guessDelimiter = (text: string): string => {
  const counts = new Map<string, number>(DELIMITERS.map((delimiter) => [delimiter, 0]));
  let quoted = false;
  for (const char of text.replace(/^\uFEFF/, '')) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && counts.has(char)) counts.set(char, counts.get(char)! + 1);
  }
  const [best, count] = [...counts.entries()].reduce((top, entry) =>
    entry[1] > top[1] ? entry : top
  );
  return count > 0 ? best : ',';
};

/**
 * Streams a CSV file (in its encoding, decoded as it is read; comma, semicolon or tab, detected;
 * quoted fields with line breaks) without holding it in memory.
 * Rows of one cell before a wider header are a preamble, skipped (`preambleLines` says how many
 * lines); lines are still numbered as in the file. The header comes first, then records in
 * batches; `onBatch` is awaited before more is read. A record with another number of columns
 * than the header, or an unclosed quote, stops the read with an error naming its line, and so
 * does a file of the wrong shape (a header over `maxColumns` columns, a header cell or a row over
 * its length limit), found on the raw text before the parser splits any of it.
 */
export async function readCsv(
  path: string,
  handlers: {
    onHeader: (headers: string[], delimiter: string) => Promise<void> | void;
    onBatch: (records: CsvRecord[]) => Promise<void>;
  },
  options: {
    batchSize: number;
    maxColumns?: number;
    /** The file as already sniffed (its encoding, first bytes and size); sniffed here when absent. */
    file?: Pick<SniffedFile, 'encoding' | 'head' | 'size'>;
  }
): Promise<{ records: number; delimiter: string; preambleLines: number; encoding: string }> {
  const sniffed = options.file ?? (await sniffImportFile(path));
  const { head: headBytes, size } = sniffed;
  if (sniffed.encoding === null) throw new ImportFileError('the file is not CSV text');
  const encoding = sniffed.encoding;
  const decoded = decodeHead(headBytes, encoding);
  assertReadable(decoded, encoding);
  const preamble = csvPreambleOf(decoded);
  const head = decoded.slice(preamble.chars);
  const delimiter = guessDelimiter(head);
  const lineBreak = guessLineBreak(head);
  const { batchSize } = options;
  const scanner = createCsvShapeScanner({
    delimiter,
    lineBreak,
    maxColumns: options.maxColumns ?? IMPORT_MAX_COLUMNS,
    firstLine: preamble.lines + 1,
  });
  let line = preamble.lines + 1;
  let header: string[] | null = null;
  let records = 0;
  let batch: CsvRecord[] = [];
  let batchChars = 0;
  let failure: Error | null = null;
  let shapeProblem: { error: ImportFileError; line: number } | null = null;
  /** Characters of the preamble still to drop from the text. */
  let preambleLeft = preamble.chars;

  await new Promise<void>((resolve, reject) => {
    const { bytes, text: input } = decodedStream(path, encoding);
    // Paused or stopped, the decoded text must not leave the file open or reading on.
    const destroyInput = () => {
      input.destroy();
      bytes.destroy();
    };
    // The parser reads the text through this stream, which passes on only what the shape scan
    // accepted: at the first broken limit the file is closed and the text ends with the row
    // before it (rows up to there are still checked, so the first problem of the file is the one
    // reported). One piece is held at most; the file is paused until the parser has taken it.
    const text = new Readable({ objectMode: true, highWaterMark: 1, read: () => input.resume() });
    let first = true;
    input.on('data', (piece) => {
      let chunk = piece as string; // decoded text
      // The byte order mark goes before the parser sees it: left in, it is the first character of
      // the first cell, and a quote after it no longer opens a quoted field.
      if (first && chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
      first = false;
      if (preambleLeft > 0) {
        const dropped = Math.min(preambleLeft, chunk.length);
        preambleLeft -= dropped;
        chunk = chunk.slice(dropped);
        if (chunk === '') return;
      }
      const problem = scanner.scan(chunk, bytes.bytesRead >= size);
      if (problem) {
        shapeProblem = { error: new ImportFileError(problem.message), line: problem.line };
        destroyInput();
        if (problem.offset > 0) text.push(chunk.slice(0, problem.offset));
        text.push(null);
      } else if (!text.push(chunk)) {
        input.pause();
      }
    });
    input.on('end', () => text.push(null));
    input.on('close', () => bytes.destroy());
    input.on('error', (error) => text.destroy(error));
    Papa.parse<string[]>(text, {
      header: false,
      skipEmptyLines: false,
      delimiter,
      newline: lineBreak,
      chunk: (results, parser) => {
        // The streams are paused too: papaparse's own pause only stops parsing, and the file
        // would otherwise go on being queued in memory while a batch is written.
        parser.pause();
        text.pause();
        input.pause();
        (async () => {
          const quoteError = results.errors.find(
            (error) => error.code === 'MissingQuotes' || error.code === 'InvalidQuotes'
          );
          for (const [index, cells] of results.data.entries()) {
            const start = line;
            let chars = 0;
            for (const cell of cells) {
              chars += cell.length;
              for (let at = cell.indexOf('\n'); at !== -1; at = cell.indexOf('\n', at + 1))
                line += 1;
            }
            line += 1;
            if (shapeProblem && start >= shapeProblem.line) throw shapeProblem.error;
            if (quoteError && quoteError.row !== undefined && index >= quoteError.row) {
              throw new ImportFileError(
                `line ${start}: a quoted field is not closed (a " is missing)`
              );
            }
            if (cells.length === 1 && cells[0].trim() === '') continue; // blank line
            if (!header) {
              if (cells.every((cell) => cell.trim() === ''))
                throw new ImportFileError(`line ${start}: the header row is empty`);
              header = cells;
              await handlers.onHeader(cells, delimiter);
              continue;
            }
            if (cells.length !== header.length) {
              throw new ImportFileError(
                `line ${start}: ${cells.length} columns where the header has ${header.length}`
              );
            }
            batch.push({ line: start, cells });
            batchChars += chars;
            records += 1;
            if (batch.length >= batchSize || batchChars >= BATCH_MAX_CHARS) {
              const full = batch;
              batch = [];
              batchChars = 0;
              await handlers.onBatch(full);
            }
          }
        })().then(
          () => {
            parser.resume();
            text.resume();
            input.resume();
          },
          (error) => {
            failure = error;
            destroyInput(); // paused, it would otherwise keep the file open
            parser.abort();
          }
        );
      },
      complete: () => {
        const problem = failure ?? shapeProblem?.error;
        if (problem) reject(problem);
        else resolve();
      },
      error: (error: Error) => reject(failure ?? shapeProblem?.error ?? error),
    });
  });

  if (!header) throw new ImportFileError('the file has no header row');
  if (batch.length > 0) await handlers.onBatch(batch);
  if (records === 0) throw new ImportFileError('the file has a header row but no data rows');
  return { records, delimiter, preambleLines: preamble.lines, encoding };
}

/**
 * The shape an imported CSV file may have: how many columns its header has, how long a header
 * cell and a row may be, and no row wider than the header. The scanner below checks them on the
 * text as it streams in, before any of it is split into cells, so a file of any shape costs time
 * and memory in proportion to what is read and stops at the first row that breaks a limit.
 */

/** Default of the plugin option `importMaxColumns`: the most columns an import's header may have. */
export const IMPORT_MAX_COLUMNS = 500;
/** The longest column name, in characters (its enclosing quotes aside). */
export const HEADER_CELL_MAX_CHARS = 1000;
/** The longest row, in characters: 1 MiB, line breaks inside quoted fields included. */
export const ROW_MAX_CHARS = 1024 * 1024;

export type LineBreak = '\n' | '\r\n' | '\r';

const formatCount = (count: number) => count.toLocaleString('en-US');

/** The messages of the shape rules; each names the line the row starts on and the limit it broke. */
export const csvShapeMessages = {
  headerTooWide: (line: number, maxColumns: number) =>
    `line ${line}: the header has more than ${formatCount(maxColumns)} columns (importMaxColumns)`,
  headerCellTooLong: (line: number) =>
    `line ${line}: a header cell is longer than ${formatCount(HEADER_CELL_MAX_CHARS)} characters, the limit for a column name`,
  rowTooLong: (line: number) =>
    `line ${line}: the row is longer than ${formatCount(ROW_MAX_CHARS)} characters (1 MiB), the limit for one row`,
  quotedFieldTooLong: (line: number) =>
    `line ${line}: a quoted field runs on past ${formatCount(ROW_MAX_CHARS)} characters (1 MiB), the limit for one row: is a closing " missing?`,
  rowTooWide: (line: number, columns: number, headerColumns: number) =>
    `line ${line}: ${columns} columns where the header has ${headerColumns}`,
  /** The row's end is not read yet: it has at least `columns`. */
  rowTooWideSoFar: (line: number, columns: number, headerColumns: number) =>
    `line ${line}: ${columns} or more columns where the header has ${headerColumns}`,
};

/**
 * The line break a CSV text uses, judged from its head the way the CSV parser (papaparse) judges
 * it: quoted text aside, `\n` when it comes before any `\r`, else `\r\n` when at least half the
 * `\r` are followed by `\n`, else `\r`.
 */
export function guessLineBreak(head: string): LineBreak {
  const unquoted = head.slice(0, 1024 * 1024).replace(/"[^]*?"/g, '');
  const byCr = unquoted.split('\r');
  const byLf = unquoted.split('\n');
  if (byCr.length === 1 || (byLf.length > 1 && byLf[0].length < byCr[0].length)) return '\n';
  const followedByLf = byCr.filter((piece) => piece[0] === '\n').length;
  return followedByLf >= byCr.length / 2 ? '\r\n' : '\r';
}

/** A broken shape rule: its message, the line of the refused row and where that row starts. */
export interface CsvShapeProblem {
  message: string;
  line: number;
  /** Index in the piece just scanned where the refused row starts (0 when it began in an earlier piece). */
  offset: number;
}

export interface CsvShapeScanner {
  /**
   * Checks the next piece of the text (`last` when nothing follows it): the first broken rule,
   * or null. After a problem, every later call returns it again.
   */
  scan(text: string, last?: boolean): CsvShapeProblem | null;
}

const QUOTE = 34;
const LF = 10;
const CR = 13;

// Where the scan is: at the start of a field; inside an unquoted one (quotes there are plain
// characters, as the parser reads them); inside quotes; just after a quote inside quotes (the
// next character tells a closing quote from the first of an escaped pair); after a closing quote,
// where the parser drops blanks, line feeds included, up to the delimiter or the line break.
const FIELD_START = 0;
const UNQUOTED = 1;
const QUOTED = 2;
const QUOTE_PENDING = 3;
const AFTER_QUOTE = 4;

/** What String.prototype.trim removes: a row of only these in one cell is a blank line. */
const isBlank = (code: number) =>
  code === 32 ||
  (code >= 9 && code <= 13) ||
  code === 0xa0 ||
  code === 0x1680 ||
  (code >= 0x2000 && code <= 0x200a) ||
  code === 0x2028 ||
  code === 0x2029 ||
  code === 0x202f ||
  code === 0x205f ||
  code === 0x3000 ||
  code === 0xfeff;

/**
 * A scanner of the CSV shape rules, fed the file's text piece by piece, reading it as the parser
 * does (quotes open a field only at its start, `""` inside quotes is one quote; blank lines are
 * skipped until the header). It counts, without keeping any of the text: the unquoted delimiters
 * of the current row, the characters of the row and, in the header, of the current cell. Lines
 * are counted as the reader counts them: a row starts on the line after the previous row, and
 * each line feed the row keeps adds one.
 */
export function createCsvShapeScanner(options: {
  delimiter: string;
  lineBreak: LineBreak;
  maxColumns: number;
  /** The line the scanned text starts on (after a skipped preamble); 1 by default. */
  firstLine?: number;
}): CsvShapeScanner {
  const delimiterCode = options.delimiter.charCodeAt(0);
  // Any character above all of these is plain text outside quotes.
  const highestSpecial = Math.max(delimiterCode, QUOTE, LF, CR);
  const { lineBreak, maxColumns } = options;
  const endsOnLf = lineBreak !== '\r';
  const crlf = lineBreak === '\r\n';

  let state = FIELD_START;
  let line = options.firstLine ?? 1;
  let rowLine = line;
  let columns = 1;
  /** Characters of the current row, and of the current header cell, read in earlier pieces. */
  let rowCharsBefore = 0;
  let cellCharsBefore = 0;
  /** Structural quotes of the current header cell (opening, closing, one of each escaped pair). */
  let cellQuotes = 0;
  let hasContent = false;
  let headerColumns = 0;
  let lastCode = -1;
  let problem: CsvShapeProblem | null = null;

  const fail = (message: string, rowStart: number): -1 => {
    problem = { message, line: rowLine, offset: Math.max(0, rowStart) };
    return -1;
  };
  const rowTooLong = () =>
    state === QUOTED || state === QUOTE_PENDING
      ? csvShapeMessages.quotedFieldTooLong(rowLine)
      : csvShapeMessages.rowTooLong(rowLine);
  /** Where the piece's text of the current row ends: a trailing `\r` may be the start of a `\r\n`. */
  const pieceEnd = (text: string, last: boolean) =>
    !last && crlf && state !== QUOTED && text.charCodeAt(text.length - 1) === CR
      ? text.length - 1
      : text.length;
  /** Whether a line feed outside quotes ends the row (else it is part of the row). */
  const lfEndsRow = (text: string, i: number) =>
    endsOnLf && (!crlf || (i > 0 ? text.charCodeAt(i - 1) : lastCode) === CR);
  /** The state after a character that is neither a delimiter, a line break nor an opening quote. */
  const stateAfter = (code: number) =>
    state === AFTER_QUOTE && isBlank(code) ? AFTER_QUOTE : UNQUOTED;

  /** Scans the header (and the blank lines before it) from `from`; where the data rows begin, or -1. */
  const scanHeader = (text: string, from: number, last: boolean): number => {
    let rowStart = from - rowCharsBefore;
    let cellStart = from - cellCharsBefore;
    const cellTooLong = (end: number) => end - cellStart - cellQuotes > HEADER_CELL_MAX_CHARS;
    for (let i = from; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (state === QUOTED) {
        if (code === QUOTE) {
          state = QUOTE_PENDING;
          cellQuotes += 1;
        } else {
          if (code === LF) line += 1;
          if (!hasContent && !isBlank(code)) hasContent = true;
        }
        continue;
      }
      if (state === QUOTE_PENDING) {
        if (code === QUOTE) {
          state = QUOTED; // an escaped quote: its second half is the character kept
          hasContent = true;
          continue;
        }
        state = AFTER_QUOTE;
      }
      if (code === delimiterCode) {
        if (cellTooLong(i)) return fail(csvShapeMessages.headerCellTooLong(rowLine), rowStart);
        columns += 1;
        if (columns > maxColumns)
          return fail(csvShapeMessages.headerTooWide(rowLine, maxColumns), rowStart);
        state = FIELD_START;
        cellStart = i + 1;
        cellQuotes = 0;
        continue;
      }
      let endsRow = false;
      if (code === LF) {
        endsRow = lfEndsRow(text, i);
        if (endsRow || state !== AFTER_QUOTE) line += 1;
      } else if (code === CR && !endsOnLf) {
        endsRow = true;
        line += 1;
      }
      if (!endsRow) {
        if (code === QUOTE && state === FIELD_START) {
          state = QUOTED;
          cellQuotes += 1;
        } else {
          state = stateAfter(code);
          if (!hasContent && !isBlank(code)) hasContent = true;
        }
        continue;
      }
      // Where the row's text ends, before its line break (in an earlier piece for a split \r\n).
      const rowEnd = crlf ? i - 1 : i;
      if (cellTooLong(rowEnd)) return fail(csvShapeMessages.headerCellTooLong(rowLine), rowStart);
      if (rowEnd - rowStart > ROW_MAX_CHARS)
        return fail(csvShapeMessages.rowTooLong(rowLine), rowStart);
      const blank = columns === 1 && !hasContent;
      state = FIELD_START;
      rowStart = cellStart = i + 1;
      cellQuotes = 0;
      rowLine = line;
      if (!blank) {
        headerColumns = columns;
        columns = 1;
        rowCharsBefore = cellCharsBefore = 0;
        return i + 1;
      }
    }
    const end = pieceEnd(text, last);
    if (cellTooLong(end)) return fail(csvShapeMessages.headerCellTooLong(rowLine), rowStart);
    if (end - rowStart > ROW_MAX_CHARS) return fail(rowTooLong(), rowStart);
    rowCharsBefore = text.length - rowStart;
    cellCharsBefore = text.length - cellStart;
    return -1;
  };

  /**
   * Scans data rows from `from`: the hot loop, a few comparisons per plain character. The scan's
   * state is copied into locals for the loop (closure variables are slower) and stored back.
   */
  const scanRows = (text: string, from: number, last: boolean): void => {
    let current = state;
    let lines = line;
    let rowColumns = columns;
    let startLine = rowLine;
    let rowStart = from - rowCharsBefore;
    let tooWide = false;
    let tooLong = false;
    let tooWideRowEnded = false;
    const length = text.length;
    const plainAbove = highestSpecial;
    const delimiter = delimiterCode;
    const widest = headerColumns;
    for (let i = from; i < length; i++) {
      const code = text.charCodeAt(i);
      // Plain text first: most characters are, in or out of quotes.
      if (code > plainAbove) {
        if (current !== UNQUOTED && current !== QUOTED) {
          current =
            (current === AFTER_QUOTE || current === QUOTE_PENDING) && isBlank(code)
              ? AFTER_QUOTE
              : UNQUOTED;
        }
        continue;
      }
      if (current === QUOTED) {
        if (code === QUOTE) current = QUOTE_PENDING;
        else if (code === LF) lines += 1;
        continue;
      }
      if (current === QUOTE_PENDING) {
        if (code === QUOTE) {
          current = QUOTED;
          continue;
        }
        current = AFTER_QUOTE;
      }
      if (code === delimiter) {
        rowColumns += 1;
        // The row is refused; the rest of it in this piece is still counted, for the message.
        if (rowColumns > widest) tooWide = true;
        current = FIELD_START;
        continue;
      }
      let endsRow = false;
      if (code === LF) {
        endsRow = endsOnLf && (!crlf || (i > 0 ? text.charCodeAt(i - 1) : lastCode) === CR);
        if (endsRow || current !== AFTER_QUOTE) lines += 1;
      } else if (code === CR && !endsOnLf) {
        endsRow = true;
        lines += 1;
      }
      if (!endsRow) {
        if (code === QUOTE && current === FIELD_START) current = QUOTED;
        else current = current === AFTER_QUOTE && isBlank(code) ? AFTER_QUOTE : UNQUOTED;
        continue;
      }
      // Where the row's text ends, before its line break (in an earlier piece for a split \r\n).
      const rowEnd = crlf ? i - 1 : i;
      if (tooWide) {
        tooWideRowEnded = true;
        break;
      }
      if (rowEnd - rowStart > ROW_MAX_CHARS) {
        tooLong = true;
        break;
      }
      current = FIELD_START;
      rowStart = i + 1;
      startLine = lines;
      rowColumns = 1;
    }
    state = current;
    line = lines;
    columns = rowColumns;
    rowLine = startLine;
    rowCharsBefore = length - rowStart;
    if (tooWide) {
      const message =
        tooWideRowEnded || last ? csvShapeMessages.rowTooWide : csvShapeMessages.rowTooWideSoFar;
      fail(message(rowLine, columns, headerColumns), rowStart);
    } else if (tooLong) {
      fail(csvShapeMessages.rowTooLong(rowLine), rowStart);
    } else if (pieceEnd(text, last) - rowStart > ROW_MAX_CHARS) {
      fail(rowTooLong(), rowStart);
    }
  };

  return {
    scan(text: string, last = false): CsvShapeProblem | null {
      if (problem !== null || text.length === 0) return problem;
      const from = headerColumns === 0 ? scanHeader(text, 0, last) : 0;
      if (from !== -1) scanRows(text, from, last);
      lastCode = text.charCodeAt(text.length - 1);
      return problem;
    },
  };
}

/** Characters and lines of a preamble: rows of one cell before the header (LinkedIn's "Notes:"). */
export interface CsvPreamble {
  chars: number;
  lines: number;
}

/**
 * The preamble of a CSV text, judged from its head: when its first rows hold no delimiter (comma,
 * semicolon or tab outside quotes) and one of the next rows, at most `maxRows` in, does, the rows
 * before that one. None when the first row has a delimiter, or no row of the head has one.
 */
export function csvPreambleOf(head: string, maxRows = 10): CsvPreamble {
  const none = { chars: 0, lines: 0 };
  let quoted = false;
  let rowStart = 0;
  let rows = 0;
  let lines = 0;
  let hasDelimiter = false;
  for (let i = 0; i < head.length; i++) {
    const char = head[i];
    if (char === '"') quoted = !quoted;
    else if (quoted) {
      if (char === '\n') lines += 1;
    } else if (char === ',' || char === ';' || char === '\t') hasDelimiter = true;
    else if (char === '\n' || char === '\r') {
      if (char === '\r' && head[i + 1] === '\n') i += 1;
      lines += 1;
      const blank = head.slice(rowStart, i).trim() === '';
      if (hasDelimiter) return rows === 0 ? none : { chars: rowStart, lines: lines - 1 };
      if (!blank) rows += 1;
      if (rows > maxRows) return none;
      rowStart = i + 1;
      hasDelimiter = false;
    }
  }
  return hasDelimiter && rows > 0 ? { chars: rowStart, lines } : none;
}

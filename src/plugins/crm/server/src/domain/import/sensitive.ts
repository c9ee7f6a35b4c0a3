import { maskSsn } from '../ssn';

/**
 * Social security numbers in an import's cells. A file may carry them in the column meant for
 * them or in any other one; none may be written or shown in clear. Every cell shaped like one is
 * stored encrypted, and shown masked wherever a file is shown (samples, the log, the ignored rows),
 * but nine bare digits in a phone column (a phone number in some countries).
 */
const SSN_SHAPED = /^\s*\d{3}[-. ]?\d{2}[-. ]?\d{4}\s*$/;
const SSN_WRITTEN = /^\s*\d{3}[-. ]\d{2}[-. ]\d{4}\s*$/;
const SSN_IN_TEXT = /(?<![\d-])\d{3}[-. ]?\d{2}[-. ]?\d{4}(?![\d-])/g;

/** Nine digits, alone or grouped 3-2-4: what has to be stored encrypted. */
export const isSsnShaped = (cell: string): boolean =>
  cell.length >= 9 && cell.length <= 16 && SSN_SHAPED.test(cell);

/** Grouped 3-2-4 the way SSNs are written: an SSN wherever it stands. */
export const isWrittenLikeSsn = (cell: string): boolean =>
  cell.length >= 11 && cell.length <= 16 && SSN_WRITTEN.test(cell);

/** `***-**-6789` for a cell shaped like an SSN. */
export const maskSsnCell = (cell: string): string => maskSsn(cell.replace(/\D/g, ''));

/** A text (a reason, a log line) with every SSN-shaped number in it masked. */
export const maskSsnsInText = (text: string): string =>
  text.replace(SSN_IN_TEXT, (found) => maskSsnCell(found));

/** What the upload counts of each column to tell whether it holds SSNs. */
export interface ColumnSsnStats {
  writtenLikeSsn: number;
}

export const emptyColumnStats = (): ColumnSsnStats => ({ writtenLikeSsn: 0 });

export function countSsnShapes(stats: ColumnSsnStats, cell: string): void {
  if (isWrittenLikeSsn(cell)) stats.writtenLikeSsn += 1;
}

const SSN_HEADERS = new Set([
  'ssn',
  'socialsecuritynumber',
  'socialsecurity',
  'socialsecurityno',
  'ssnnumber',
  'ssno',
  'ssntin',
  'taxid',
  'tin',
]);
const PHONE_FIELDS = new Set([
  'mobilePhone',
  'mobilePhone2',
  'workPhone',
  'homePhone',
  'cellPhone',
  'faxNumber',
]);

/** Phone numbers of some countries are nine digits too: a column mapped to a phone holds phones. */
export const isPhoneField = (field: string | null): boolean => PHONE_FIELDS.has(field ?? '');

/** Whether a column holds SSNs: named or mapped so, or with a cell written the way SSNs are. */
export function columnHoldsSsns(
  header: string,
  field: string | null,
  stats: ColumnSsnStats
): boolean {
  if (field === 'ssn' || SSN_HEADERS.has(header.toLowerCase().replace(/[^a-z]/g, ''))) return true;
  return stats.writtenLikeSsn > 0;
}

/**
 * A cell as people see it (samples, the log, the ignored rows): an SSN-shaped cell is masked,
 * unless it is nine bare digits in a column mapped to a phone field that holds no SSNs.
 */
export const shownCell = (cell: string, holdsSsn: boolean, field: string | null): string =>
  isSsnShaped(cell) && (holdsSsn || isWrittenLikeSsn(cell) || !isPhoneField(field))
    ? maskSsnCell(cell)
    : cell;

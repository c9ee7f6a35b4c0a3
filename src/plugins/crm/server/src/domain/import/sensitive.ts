import { maskSsn } from '../ssn';

/**
 * Social security numbers in an import's cells. A file may carry them in the column meant for
 * them or in any other one; none may be written or shown in clear. Every cell shaped like one is
 * stored encrypted; what is shown of a file (samples, the log, the ignored rows) masks a cell
 * when it is written the way SSNs are (123-45-6789, 123 45 6789) or when its column holds SSNs:
 * named or mapped so, or mostly nine-digit numbers (phone columns aside).
 */
const SSN_SHAPED = /^\s*\d{3}[-. ]?\d{2}[-. ]?\d{4}\s*$/;
const SSN_WRITTEN = /^\s*\d{3}[-. ]\d{2}[-. ]\d{4}\s*$/;
const SSN_IN_TEXT = /(?<![\d-])\d{3}[-. ]?\d{2}[-. ]?\d{4}(?![\d-])/g;

/** Nine digits, alone or grouped 3-2-4: what has to be stored encrypted. */
export const isSsnShaped = (cell: string): boolean => cell.length >= 9 && cell.length <= 16 && SSN_SHAPED.test(cell);

/** Grouped 3-2-4 the way SSNs are written: an SSN wherever it stands. */
export const isWrittenLikeSsn = (cell: string): boolean => cell.length >= 11 && cell.length <= 16 && SSN_WRITTEN.test(cell);

/** `***-**-6789` for a cell shaped like an SSN. */
export const maskSsnCell = (cell: string): string => maskSsn(cell.replace(/\D/g, ''));

/** A text (a reason, a log line) with every SSN-shaped number in it masked. */
export const maskSsnsInText = (text: string): string => text.replace(SSN_IN_TEXT, (found) => maskSsnCell(found));

/** What the upload counts of each column to tell whether it holds SSNs. */
export interface ColumnSsnStats {
  filled: number;
  ssnShaped: number;
  writtenLikeSsn: number;
}

export const emptyColumnStats = (): ColumnSsnStats => ({ filled: 0, ssnShaped: 0, writtenLikeSsn: 0 });

export function countSsnShapes(stats: ColumnSsnStats, cell: string): void {
  if (cell.trim() === '') return;
  stats.filled += 1;
  if (isSsnShaped(cell)) {
    stats.ssnShaped += 1;
    if (isWrittenLikeSsn(cell)) stats.writtenLikeSsn += 1;
  }
}

const SSN_HEADERS = new Set(['ssn', 'socialsecuritynumber', 'socialsecurity', 'socialsecurityno', 'ssnnumber', 'ssno', 'ssntin', 'taxid', 'tin']);
const PHONE_FIELDS = new Set(['mobilePhone', 'mobilePhone2', 'workPhone', 'homePhone', 'cellPhone', 'faxNumber']);

/** Phone numbers of some countries are nine digits too: a column mapped to a phone holds phones. */
export const isPhoneField = (field: string | null): boolean => PHONE_FIELDS.has(field ?? '');

/** Whether a column holds SSNs: named or mapped so, or with SSN-written or mostly nine-digit cells. */
export function columnHoldsSsns(header: string, field: string | null, stats: ColumnSsnStats): boolean {
  if (field === 'ssn' || SSN_HEADERS.has(header.toLowerCase().replace(/[^a-z]/g, ''))) return true;
  if (stats.writtenLikeSsn > 0) return true;
  return !isPhoneField(field) && stats.ssnShaped > 0 && stats.ssnShaped * 2 >= stats.filled;
}

/**
 * A column's sample as the job keeps it: every SSN-shaped sample is masked (the job row is stored
 * as it is), but in a column mapped to a phone field.
 */
export const keptSample = (sample: string, holdsSsn: boolean, field: string | null): string => shownCell(sample, holdsSsn || !isPhoneField(field));

/** A cell as shown to people: masked when it is an SSN, as it is otherwise. */
export const shownCell = (cell: string, columnHoldsSsn: boolean): string =>
  isWrittenLikeSsn(cell) || (columnHoldsSsn && isSsnShaped(cell)) ? maskSsnCell(cell) : cell;

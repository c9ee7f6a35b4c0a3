import { isPhoneField, isSsnShaped, maskSsnCell, shownCell } from '../../domain';
import type { StoredCell } from '../../repositories/import-rows';
import type { FieldCipher } from '../../security/field-cipher';

/**
 * A file's cell as the staging table keeps it: as read, or, when shaped like a social security
 * number, as its ciphertext (`s`) and mask (`m`), so that no such number is ever written in clear.
 */

export const protectCells = (cells: readonly string[], cipher: FieldCipher): StoredCell[] =>
  cells.map((cell) =>
    isSsnShaped(cell) ? { s: cipher.encrypt(cell), m: maskSsnCell(cell) } : cell
  );

/** The cells as the file had them, for judging them again. */
export const plainCells = (cells: readonly StoredCell[], cipher: FieldCipher): string[] =>
  cells.map((cell) => (typeof cell === 'string' ? cell : cipher.decrypt(cell.s)));

/** The cells as people may see them (see `shownCell`); `columns` say which hold SSNs and their fields. */
export const shownCells = (
  cells: readonly StoredCell[],
  columns: readonly { holdsSsn: boolean; field: string | null }[],
  cipher: FieldCipher
): string[] =>
  cells.map((cell, i) => {
    const column = columns[i] ?? { holdsSsn: true, field: null };
    if (typeof cell === 'string') return shownCell(cell, column.holdsSsn, column.field);
    // Only bare nine digits in a phone column are shown as they are; decrypted for that alone.
    return column.holdsSsn || !isPhoneField(column.field)
      ? cell.m
      : shownCell(cipher.decrypt(cell.s), column.holdsSsn, column.field);
  });

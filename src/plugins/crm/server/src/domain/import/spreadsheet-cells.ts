/**
 * A spreadsheet cell as the import reads it: text, as a CSV file would hold it. Dates are ISO
 * (`1985-03-15`, with the time when it is not midnight), numbers are written out in full (a phone
 * stored as the number 14155552671 is `14155552671`, never `1.41555E+10`), formulas give their
 * cached result, rich text its plain text, hyperlinks their text, errors their code (`#N/A`).
 */
export function spreadsheetCellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return numberText(value);
  if (value instanceof Date) return dateText(value);
  if (typeof value === 'object') {
    const cell = value as Record<string, unknown>;
    if ('result' in cell || 'formula' in cell || 'sharedFormula' in cell)
      return spreadsheetCellText(cell.result);
    if (Array.isArray(cell.richText))
      return (cell.richText as { text?: unknown }[]).map((run) => String(run.text ?? '')).join('');
    if ('text' in cell) return spreadsheetCellText(cell.text);
    if ('error' in cell) return String(cell.error);
  }
  return String(value);
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

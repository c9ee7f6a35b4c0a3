/** A column written in bulk, with its PostgreSQL type (for the casts out of JSON). */
export type TypedColumn = [name: string, type: string];

/** A scalar column of a content type, as bulk writes fill it. */
export interface Column {
  name: string;
  attribute: string;
  type: string;
  default?: unknown;
}

export const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;
export const list = (names: readonly string[]) => names.map(quote).join(', ');
export const placeholders = (count: number) => Array.from({ length: count }, () => '?').join(', ');

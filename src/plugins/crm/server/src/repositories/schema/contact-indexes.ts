/**
 * Indexes behind the contact list's name filters, beyond the ones the content type declares
 * (last name, active), created once and kept: Strapi drops only indexes it made itself.
 * - both databases: first name; `lower(…)` of first and last name, which `$eqi` compares;
 * - SQLite: first and last name `COLLATE NOCASE`, which its case-insensitive LIKE needs to use an
 *   index for `$startsWith`;
 * - PostgreSQL: trigram GIN indexes over `lower(…)` (what `$containsi`, `$startsWithi` and
 *   `$endsWithi` compare) and over the names as stored (`$contains`, `$startsWith`).
 * The company filter goes through the company link table, whose customer column Strapi indexes.
 */
export const contactIndexStatements = (table: string, dialect: 'sqlite' | 'postgres'): string[] => {
  const both = [
    `CREATE INDEX IF NOT EXISTS ${table}_first_name_idx ON ${table} (first_name)`,
    `CREATE INDEX IF NOT EXISTS ${table}_first_name_lower_idx ON ${table} (lower(first_name))`,
    `CREATE INDEX IF NOT EXISTS ${table}_last_name_lower_idx ON ${table} (lower(last_name))`,
  ];
  if (dialect === 'sqlite') {
    return [
      ...both,
      `CREATE INDEX IF NOT EXISTS ${table}_first_name_nocase_idx ON ${table} (first_name COLLATE NOCASE)`,
      `CREATE INDEX IF NOT EXISTS ${table}_last_name_nocase_idx ON ${table} (last_name COLLATE NOCASE)`,
    ];
  }
  return [
    'CREATE EXTENSION IF NOT EXISTS pg_trgm',
    ...both,
    ...['first_name', 'last_name'].flatMap((column) => [
      `CREATE INDEX IF NOT EXISTS ${table}_${column}_lower_trgm ON ${table} USING gin (lower(${column}) gin_trgm_ops)`,
      `CREATE INDEX IF NOT EXISTS ${table}_${column}_trgm ON ${table} USING gin (${column} gin_trgm_ops)`,
    ]),
  ];
};

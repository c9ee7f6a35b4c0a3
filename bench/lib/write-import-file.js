'use strict';

/**
 * `node bench/lib/write-import-file.js <path> <csv|windows-1252|xlsx> <rows> <companies>`: writes
 * the benchmark's contacts file and prints its size in bytes. The memory run calls it as a process
 * of its own, so that what the writer holds (exceljs keeps every shared string until the workbook
 * is committed) is not counted in the import's peak memory.
 */
const { writeCsv, writeXlsx } = require('./import-data');

const [path, format, rows, companies] = process.argv.slice(2);
const options = { rows: Number(rows), companies: Number(companies) };

(format === 'xlsx'
  ? writeXlsx(path, options)
  : writeCsv(path, { ...options, encoding: format === 'csv' ? 'utf8' : format })
).then(
  (bytes) => process.stdout.write(String(bytes)),
  (error) => {
    console.error(error);
    process.exit(1);
  }
);

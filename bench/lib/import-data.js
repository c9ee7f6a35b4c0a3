'use strict';

/**
 * Data for the import benchmark: business customers written straight into the database (the
 * companies the CSV's rows should match), and a contacts CSV streamed to a file.
 *
 * Every CSV row is a pure function of its index, so a million-row file is written without holding
 * the rows in memory (the memory run measures the import, not the generator), and the per-row and
 * raw-load baselines can rebuild any row they need.
 *
 * Companies: `companies` in all; the first 90% exist as business customers (spelled in the CSV with
 * a legal suffix or other case now and then, so matching goes through the name normalisation), the
 * last 10% exist nowhere and end up as "unmatched company" groups that the benchmark decides to
 * create. Rows go round-robin over companies, so 10% of the rows name an unknown company.
 */

const { once } = require('node:events');
const { createWriteStream } = require('node:fs');

const { tableOf } = require('./boot');

const CUSTOMER_UID = 'plugin::crm.customer';
const SEQUENCE_UID = 'plugin::crm.sequence';

const FIRST_NAMES = [
  'Ada',
  'Ben',
  'Cleo',
  'Dan',
  'Eva',
  'Finn',
  'Gia',
  'Hugo',
  'Ines',
  'Jon',
  'Kira',
  'Liam',
  'Mia',
  'Noah',
  'Omar',
  'Pia',
  'Quinn',
];
const LAST_NAMES = [
  'Andersen',
  'Baker',
  'Costa',
  'Dubois',
  'Evans',
  'Fischer',
  'Garcia',
  'Hansen',
  'Ito',
  'Jensen',
  'Kowalski',
  'Lopez',
  'Meyer',
];
const TRADES = [
  'Logistics',
  'Software',
  'Foods',
  'Textiles',
  'Robotics',
  'Consulting',
  'Energy',
  'Media',
];
// One title outside ASCII, so that a Windows-1252 file of the rows is not also valid UTF-8.
const TITLES = [
  'Manager',
  'Engineer',
  'Director',
  'Analyst',
  'Chargée d’affaires',
  'Consultant',
  '',
];
const HEADER = ['First Name', 'Last Name', 'Email', 'Mobile', 'Company', 'Job Title'];

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';
/** A Strapi-like document id (24 lowercase alphanumerics); deterministic in `n` and `salt`. */
const documentIdOf = (n, salt) => {
  let state = (Math.imul(n + 1, 2654435761) ^ Math.imul(salt + 1, 40503)) >>> 0;
  let id = '';
  for (let i = 0; i < 24; i += 1) {
    state = (Math.imul(state ^ (state >>> 15), 2246822519) + 0x9e3779b9) >>> 0;
    id += ALPHABET[state % ALPHABET.length];
  }
  return id;
};

/** The company's name as stored on the customer (index 0-based). */
const companyName = (index) =>
  `${LAST_NAMES[index % LAST_NAMES.length]} ${TRADES[(index >> 3) % TRADES.length]} ${index + 1}`;

/** The same company as a CSV would spell it: mostly as stored, sometimes with a suffix or in capitals. */
const csvCompanyName = (index) => {
  const name = companyName(index);
  if (index % 7 === 0) return `${name} Inc.`;
  if (index % 11 === 0) return name.toUpperCase();
  return name;
};

/**
 * Row `i` (0-based) of the CSV. Phones are valid US mobile-format numbers ((415) 555-0000 to 9999
 * all pass libphonenumber's full metadata with default country US); emails are unique per row.
 */
const contactRow = (i, companies) => {
  const company = i % companies;
  const first = FIRST_NAMES[i % FIRST_NAMES.length];
  const last = LAST_NAMES[(i >> 2) % LAST_NAMES.length];
  return {
    firstName: first,
    lastName: last,
    email: `${first}.${last}.${i}@example.com`.toLowerCase(),
    mobile: `(415) 555-${String(i % 10000).padStart(4, '0')}`,
    company,
    companyName: csvCompanyName(company),
    jobTitle: TITLES[i % TITLES.length],
  };
};

const csvCell = (value) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/** Writes the header and `rows` rows to `path`, respecting the stream's back-pressure. */
/**
 * Writes the contacts CSV, in UTF-8 or (`encoding: 'windows-1252'`) as Excel writes it on Windows;
 * with `changed`, every other row's job title differs (a corrected file to upsert). Returns its
 * size in bytes.
 */
const writeCsv = async (path, { rows, companies, encoding = 'utf8', changed = false }) => {
  const iconv = require('iconv-lite');
  const out = createWriteStream(path);
  const lines = [];
  const flush = async () => {
    if (lines.length === 0) return;
    const text = lines.join('');
    const ok = out.write(encoding === 'utf8' ? text : iconv.encode(text, encoding));
    lines.length = 0;
    if (!ok) await once(out, 'drain');
  };
  lines.push(`${HEADER.join(',')}\r\n`);
  for (let i = 0; i < rows; i += 1) {
    const r = contactRow(i, companies);
    // A corrected file: every other row's job title changed.
    const jobTitle = changed && i % 2 === 1 ? `${r.jobTitle} (updated)` : r.jobTitle;
    lines.push(
      `${[r.firstName, r.lastName, r.email, r.mobile, r.companyName, jobTitle].map(csvCell).join(',')}\r\n`
    );
    if (lines.length >= 5000) await flush();
  }
  await flush();
  out.end();
  await once(out, 'finish');
  return out.bytesWritten;
};

/** Writes the same contacts as an Excel workbook (shared strings, as Excel writes them), streamed. */
const writeXlsx = async (path, { rows, companies }) => {
  const ExcelJS = require('exceljs');
  const { statSync } = require('node:fs');
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true });
  const sheet = book.addWorksheet('Contacts');
  sheet.addRow(HEADER).commit();
  for (let i = 0; i < rows; i += 1) {
    const r = contactRow(i, companies);
    sheet.addRow([r.firstName, r.lastName, r.email, r.mobile, r.companyName, r.jobTitle]).commit();
  }
  sheet.commit();
  await book.commit();
  return statSync(path).size;
};

/** How many of the companies exist before the import (the rest are unknown to it). */
const knownCompanies = (companies) => Math.round(companies * 0.9);

/**
 * Inserts the known companies as business customers with every NOT NULL column filled (see
 * network-data.js: plain knex, batched, one transaction; the sequence moves past the numbers so
 * the import's own company creates get fresh ones). Returns [{ id, documentId }] by company index.
 */
const loadCompanies = async (app, companies) => {
  const knex = app.db.connection;
  const sqlite = app.db.dialect.client === 'sqlite';
  const now = sqlite ? Date.now() : new Date();
  const no = sqlite ? 0 : false;
  const table = tableOf(app, CUSTOMER_UID);
  const known = knownCompanies(companies);
  const rows = Array.from({ length: known }, (_, index) => ({
    id: index + 1,
    document_id: documentIdOf(index, 1),
    customer_number: `C-${String(index + 1).padStart(6, '0')}`,
    type: 'business',
    business_name: companyName(index),
    no_email: no,
    no_mail: no,
    no_phone_calls: no,
    status: 'active',
    created_at: now,
    updated_at: now,
    published_at: now,
  }));
  const info = await knex(table).columnInfo();
  const missing = Object.entries(info)
    .filter(
      ([column, about]) =>
        !about.nullable && about.defaultValue === null && !(column in rows[0]) && column !== 'id'
    )
    .map(([column]) => column);
  if (missing.length > 0)
    throw new Error(
      `${table}: NOT NULL columns the generator does not fill: ${missing.join(', ')}`
    );

  const size = sqlite ? 500 : 2000;
  await knex.transaction(async (trx) => {
    for (let start = 0; start < rows.length; start += size)
      await trx(table).insert(rows.slice(start, start + size));
    await trx(tableOf(app, SEQUENCE_UID)).where({ name: 'customer' }).update({ value: known });
  });
  if (!sqlite) {
    await knex.raw(`SELECT setval(pg_get_serial_sequence(?, 'id'), (SELECT MAX(id) FROM ??))`, [
      table,
      table,
    ]);
    await knex.raw('ANALYZE');
  }
  // Written around the plugin: their company keys, which the import matches by, are written as
  // the next start-up would write them.
  await app.plugin('crm').service('company-keys').rebuild();
  return rows.map((row) => ({ id: row.id, documentId: row.document_id }));
};

module.exports = {
  HEADER,
  contactRow,
  writeCsv,
  writeXlsx,
  loadCompanies,
  knownCompanies,
  documentIdOf,
  companyName,
};

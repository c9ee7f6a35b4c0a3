'use strict';

/**
 * The import benchmark into a large database (`npm run bench:import -- --existing 1000000`): the
 * seed of bench:seed (a million customers with their contact points, cached between runs) is
 * copied, and BENCH_ROWS contacts are imported into the copy; the same file is then imported
 * into an empty database. Each import runs in a child of its own, so that its peak RSS is its own.
 *
 * The file's companies, row by row (i % 10):
 * - 0–2: an existing business by name (as stored, in capitals, or with a legal suffix added);
 * - 3–4: an existing business by customer number;
 * - 5–6: no company cell, an e-mail address at an existing business's domain;
 * - 7: a near miss of an existing business's name (one letter more in its first word);
 * - 8–9: a company no customer is.
 * The existing businesses are BENCH_COMPANIES spread over the seed's ids; near misses use a tenth
 * of them and new companies a fifth as many names, so the unmatched groups stay a few thousand.
 */

const { once } = require('node:events');
const { createWriteStream, copyFileSync, existsSync } = require('node:fs');
const { join } = require('node:path');

const boot = require('./boot');
const { HEADER, contactRow } = require('./import-data');

const CUSTOMER_UID = 'plugin::crm.customer';
const EMAIL_UID = 'plugin::crm.email';
const IDS_PER_STATEMENT = 500;
const SUFFIXES = ['', ' Inc.', ' LLC', ' GmbH'];
const TRADES = ['Logistics', 'Software', 'Foods', 'Textiles', 'Robotics', 'Consulting'];

/** What the existing-database run works on: a copy of the seed, never the seed itself. */
const copyOfSeed = async (seed, copy) => {
  await boot.dropDatabase(copy);
  if (seed.client === 'postgres') {
    const { Client } = require('pg');
    const url = new URL(
      process.env.CRM_BENCH_POSTGRES_URL ||
        process.env.CRM_TEST_POSTGRES_URL ||
        'postgres://postgres@127.0.0.1:5432/postgres'
    );
    url.pathname = '/postgres';
    const admin = new Client({ connectionString: url.toString() });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE "${copy.name}" TEMPLATE "${seed.name}"`);
    } finally {
      await admin.end();
    }
    url.pathname = `/${copy.name}`;
    Object.assign(process.env, {
      DATABASE_CLIENT: 'postgres',
      DATABASE_URL: url.toString(),
      DATABASE_NAME: copy.name,
    });
    return;
  }
  for (const suffix of ['', '-wal'])
    if (existsSync(join(boot.ROOT, `${seed.file}${suffix}`)))
      copyFileSync(
        join(boot.ROOT, `${seed.file}${suffix}`),
        join(boot.ROOT, `${copy.file}${suffix}`)
      );
  Object.assign(process.env, { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: copy.file });
};

/**
 * `wanted` business customers spread over the seed's ids, with their number, name and the domain
 * of their first e-mail address (null when they have none).
 */
const existingCompanies = async (app, wanted) => {
  const knex = app.db.connection;
  const table = boot.tableOf(app, CUSTOMER_UID);
  const top = Number((await knex(table).max({ top: 'id' }).first()).top);
  // The seed makes ids ending in 01..15 of every hundred businesses.
  const blocks = Math.max(1, Math.floor(top / 100));
  const ids = [
    ...new Set(
      Array.from(
        { length: wanted },
        (_, k) => 100 * Math.floor((k * blocks) / wanted) + 1 + (k % 15)
      )
    ),
  ];
  const rows = [];
  for (let i = 0; i < ids.length; i += IDS_PER_STATEMENT)
    rows.push(
      ...(await knex(table)
        .select('id', 'customer_number', 'business_name')
        .where('type', 'business')
        .whereNotNull('business_name')
        .whereIn('id', ids.slice(i, i + IDS_PER_STATEMENT)))
    );
  const link = boot.linkOf(app, EMAIL_UID, 'customer');
  const emails = new Map();
  for (let i = 0; i < rows.length; i += IDS_PER_STATEMENT) {
    const found = await knex(`${link.table} as l`)
      .join(`${boot.tableOf(app, EMAIL_UID)} as e`, 'e.id', `l.${link.owner}`)
      .select(`l.${link.target} as customerId`, 'e.address as address')
      .whereIn(
        `l.${link.target}`,
        rows.slice(i, i + IDS_PER_STATEMENT).map((row) => row.id)
      );
    for (const row of found)
      if (!emails.has(Number(row.customerId)))
        emails.set(Number(row.customerId), String(row.address));
  }
  return rows
    .sort((a, b) => Number(a.id) - Number(b.id))
    .map((row) => ({
      id: Number(row.id),
      number: row.customer_number,
      name: row.business_name,
      domain: emails.get(Number(row.id))?.split('@')[1] ?? null,
    }));
};

const csvCell = (value) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/** The CSV of `rows` contacts over `companies` (see the top of this file); returns what it holds. */
const writeExistingCsv = async (path, rows, companies) => {
  const out = createWriteStream(path);
  const mix = { name: 0, number: 0, domain: 0, nearMiss: 0, new: 0 };
  const nearMisses = Math.max(1, Math.floor(companies.length / 10));
  const newNames = Math.max(1, Math.floor(companies.length / 5));
  let lines = [`${HEADER.join(',')}\r\n`];
  for (let i = 0; i < rows; i += 1) {
    const r = contactRow(i, 1);
    const existing = companies[Math.floor(i / 10) % companies.length];
    let company = '';
    let email = r.email;
    const kind = i % 10;
    if (kind <= 2) {
      mix.name += 1;
      const spelling = Math.floor(i / 10) % 3;
      company =
        spelling === 0
          ? existing.name
          : spelling === 1
            ? existing.name.toUpperCase()
            : `${existing.name}${SUFFIXES[Math.floor(i / 30) % SUFFIXES.length]}`;
    } else if (kind <= 4) {
      mix.number += 1;
      company = existing.number;
    } else if (kind <= 6 && existing.domain) {
      mix.domain += 1;
      email = `${r.firstName}.${r.lastName}.${i}@${existing.domain}`.toLowerCase();
    } else if (kind <= 7) {
      mix.nearMiss += 1;
      const near = companies[Math.floor(i / 10) % nearMisses];
      const [first, ...rest] = near.name.split(' ');
      company = [`${first}x`, ...rest].join(' ');
    } else {
      mix.new += 1;
      const n = Math.floor(i / 10) % newNames;
      company = `Brandnew ${TRADES[n % TRADES.length]} ${n + 1}`;
    }
    lines.push(
      `${[r.firstName, r.lastName, email, r.mobile, company, r.jobTitle].map(csvCell).join(',')}\r\n`
    );
    if (lines.length >= 5000) {
      if (!out.write(lines.join(''))) await once(out, 'drain');
      lines = [];
    }
  }
  out.write(lines.join(''));
  out.end();
  await once(out, 'finish');
  return { bytes: out.bytesWritten, mix };
};

/**
 * The businesses the file names, written into a database of their own (same numbers, names and
 * e-mail domains): the small database the large one is compared with, where the same rows match
 * the same companies and the same new ones are created. Bulk, around the plugin, so their company
 * keys are then written as a start-up would.
 */
const loadNamedCompanies = async (app, companies) => {
  const knex = app.db.connection;
  const table = boot.tableOf(app, CUSTOMER_UID);
  for (let i = 0; i < companies.length; i += IDS_PER_STATEMENT)
    await app.db.query(CUSTOMER_UID).createMany({
      data: companies.slice(i, i + IDS_PER_STATEMENT).map((company) => ({
        type: 'business',
        businessName: company.name,
        customerNumber: company.number,
      })),
    });
  const ids = new Map();
  for (let i = 0; i < companies.length; i += IDS_PER_STATEMENT)
    for (const row of await knex(table)
      .whereIn(
        'customer_number',
        companies.slice(i, i + IDS_PER_STATEMENT).map((company) => company.number)
      )
      .select('id', 'customer_number'))
      ids.set(row.customer_number, Number(row.id));
  const withDomain = companies.filter((company) => company.domain);
  const link = boot.linkOf(app, EMAIL_UID, 'customer');
  for (let i = 0; i < withDomain.length; i += IDS_PER_STATEMENT) {
    const chunk = withDomain.slice(i, i + IDS_PER_STATEMENT);
    const { ids: emailIds } = await app.db.query(EMAIL_UID).createMany({
      data: chunk.map((company) => ({
        type: 'work',
        address: `info@${company.domain}`,
        isPrimary: true,
      })),
    });
    await knex(link.table).insert(
      chunk.map((company, k) => ({
        [link.owner]: emailIds[k],
        [link.target]: ids.get(company.number),
        ...Object.fromEntries(link.orderColumns.map((column) => [column, 1])),
      }))
    );
  }
  // New customers the import creates get numbers after these.
  const top = Math.max(...companies.map((company) => Number(company.number.slice(2)) || 0));
  await knex(boot.tableOf(app, 'plugin::crm.sequence'))
    .where({ name: 'customer' })
    .update({ value: top });
  await app.plugin('crm').service('company-keys').rebuild();
  await app.plugin('crm').service('search-index').rebuild();
  // Planner statistics, as the seed has them: a fresh table believed empty is read whole.
  if (app.db.dialect.client === 'postgres') await knex.raw('ANALYZE');
};

module.exports = { copyOfSeed, existingCompanies, writeExistingCsv, loadNamedCompanies };

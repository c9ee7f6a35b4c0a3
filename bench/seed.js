'use strict';

/**
 * `npm run bench:seed -- --customers 1000000 [--database sqlite|postgres] [--force]`: fills a database
 * with that many customers and what surrounds them (contact points, connections, relationships,
 * contacts and the search index; see bench/lib/seed-data.js), in bulk.
 *
 * The database is kept for reuse: SQLite `.tmp/bench/seed-<N>.db`, PostgreSQL `crm_bench_seed_<N>`
 * (on CRM_BENCH_POSTGRES_URL, postgres://postgres@127.0.0.1:5432 by default). A database that
 * already holds the same seed is left as it is unless `--force`. Start Strapi on it with the line
 * printed at the end. The schema comes from booting the compiled app (dist/), so run
 * `npm run build:server` after changing content types.
 */

const { existsSync, mkdirSync } = require('node:fs');
const { join } = require('node:path');

const boot = require('./lib/boot');
const { count } = require('./lib/stats');

const argument = (name, fallback) => {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? fallback : process.argv[index + 1];
};

/** Where the seed of `customers` customers lives on `client`. */
const seedDatabase = (client, customers) =>
  client === 'postgres'
    ? { client, name: `crm_bench_seed_${customers}` }
    : {
        client: 'sqlite',
        name: `seed-${customers}`,
        file: join('.tmp', 'bench', `seed-${customers}.db`),
      };

const postgresUrl = (name) => {
  const url = new URL(
    process.env.CRM_BENCH_POSTGRES_URL ||
      process.env.CRM_TEST_POSTGRES_URL ||
      'postgres://postgres@127.0.0.1:5432/postgres'
  );
  url.pathname = `/${name}`;
  return url.toString();
};

/** Points the app's config at an existing database (no drop, no create). */
const useDatabase = (database) => {
  if (database.client === 'postgres') {
    Object.assign(process.env, {
      DATABASE_CLIENT: 'postgres',
      DATABASE_URL: postgresUrl(database.name),
      DATABASE_NAME: database.name,
    });
  } else {
    mkdirSync(join(boot.ROOT, '.tmp', 'bench'), { recursive: true });
    Object.assign(process.env, { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: database.file });
  }
};

const databaseExists = async (database) => {
  if (database.client === 'sqlite') return existsSync(join(boot.ROOT, database.file));
  const { Client } = require('pg');
  const client = new Client({ connectionString: postgresUrl('postgres') });
  await client.connect();
  try {
    return (
      (await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database.name]))
        .rowCount > 0
    );
  } finally {
    await client.end();
  }
};

/**
 * Makes sure `database` holds the seed of `customers` customers (seeding it from empty when it does
 * not, or when `force`), then boots the app on it and returns it (the caller destroys it).
 */
const ensureSeeded = async (
  database,
  customers,
  { force = false, progress = console.log } = {}
) => {
  const { seed, seededInfo, SEED_VERSION } = require('./lib/seed-data');
  if (!force && (await databaseExists(database))) {
    useDatabase(database);
    const app = await boot.bootApp();
    const info = await seededInfo(app);
    if (info && info.customers === customers && info.version === SEED_VERSION) {
      progress(
        `[${database.client}] reusing ${database.file || database.name} (${count(customers)} customers)`
      );
      return { app, seeded: null };
    }
    await app.destroy();
  }
  await boot.createDatabase(database);
  const app = await boot.bootApp();
  progress(
    `[${database.client}] seeding ${count(customers)} customers into ${database.file || database.name}…`
  );
  const result = await seed(app, {
    customers,
    onProgress: (text) => progress(`[${database.client}] ${text}`),
  });
  return { app, seeded: result };
};

const main = async () => {
  const customers = Number(argument('customers', 100000));
  const client = argument('database', process.env.DATABASE_CLIENT || 'sqlite');
  if (!Number.isInteger(customers) || customers < 20)
    throw new Error('--customers must be an integer of at least 20');
  if (!['sqlite', 'postgres'].includes(client)) throw new Error('--database is sqlite or postgres');
  const database = seedDatabase(client, customers);
  const { app, seeded } = await ensureSeeded(database, customers, {
    force: process.argv.includes('--force'),
  });
  await app.destroy();
  if (seeded) {
    console.log('');
    for (const [table, rows] of Object.entries(seeded.counts))
      console.log(`${table.padEnd(42)} ${count(rows).padStart(12)}`);
    console.log(`\nseeded in ${seeded.seconds.toFixed(1)} s`);
  }
  console.log(
    client === 'postgres'
      ? `\nStart Strapi on it: DATABASE_CLIENT=postgres DATABASE_URL=${postgresUrl(database.name)} npm run develop`
      : `\nStart Strapi on it: DATABASE_CLIENT=sqlite DATABASE_FILENAME=${database.file} npm run develop`
  );
  process.exit(0);
};

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}

module.exports = { seedDatabase, ensureSeeded, useDatabase };

'use strict';

const { randomBytes } = require('node:crypto');
const { mkdirSync, rmSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..', '..');
const PREFIX = 'crm_test_';
const adminUrl = () =>
  process.env.CRM_TEST_POSTGRES_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const isPostgres = () => process.env.DATABASE_CLIENT === 'postgres';

const withAdminClient = async (work) => {
  const { Client } = require('pg');
  const client = new Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
};

/**
 * Gives one test file a database of its own: a fresh SQLite file under .tmp/, or a fresh
 * PostgreSQL database (made here, dropped by `dropDatabase`). Sets the env the app's config reads.
 */
const createDatabase = async () => {
  const name = `${PREFIX}${process.pid}_${randomBytes(4).toString('hex')}`;
  if (isPostgres()) {
    await withAdminClient((client) => client.query(`CREATE DATABASE "${name}"`));
    const url = new URL(adminUrl());
    url.pathname = `/${name}`;
    process.env.DATABASE_URL = url.toString();
    process.env.DATABASE_NAME = name;
    return { client: 'postgres', name };
  }
  mkdirSync(join(root, '.tmp'), { recursive: true });
  process.env.DATABASE_CLIENT = 'sqlite';
  process.env.DATABASE_FILENAME = join('.tmp', `${name}.db`);
  return { client: 'sqlite', name };
};

const dropDatabase = async ({ client, name }) => {
  if (client === 'postgres') {
    await withAdminClient((admin) => admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    return;
  }
  for (const suffix of ['', '-wal', '-shm', '-journal']) {
    rmSync(join(root, '.tmp', `${name}.db${suffix}`), { force: true });
  }
};

const isAlive = (pid) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** Drops databases left by test processes that died; those of live runs (another checkout) stay. */
const dropLeftoverDatabases = async () => {
  if (!isPostgres()) return;
  await withAdminClient(async (client) => {
    const { rows } = await client.query('SELECT datname FROM pg_database WHERE datname LIKE $1', [
      `${PREFIX}%`,
    ]);
    for (const { datname } of rows) {
      const pid = Number(datname.slice(PREFIX.length).split('_')[0]);
      if (!isAlive(pid)) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    }
  });
};

module.exports = { createDatabase, dropDatabase, dropLeftoverDatabases };

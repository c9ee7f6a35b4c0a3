import { statSync } from 'node:fs';

import { startApp, type TestApp } from '../helpers/strapi';

// The app's SQLite connection: in WAL mode the log's checkpoints run in a thread of their own, not
// in the app's commits, and long runs of statements give the event loop turns.
let app: TestApp;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app.stop();
});

const checkpoints = () => app.strapi.plugin('crm').service('sqlite-checkpoints');
const isSqlite = () => app.strapi.db.dialect.client === 'sqlite';
const autocheckpointPages = async () =>
  Number(
    Object.values(
      ((await app.strapi.db.connection.raw('PRAGMA wal_autocheckpoint')) as object[])[0]
    )[0]
  );

it('copies what the app commits into the database file from its own thread (SQLite), or stays off', async () => {
  if (!isSqlite()) {
    expect(checkpoints().running()).toBe(false);
    return;
  }
  expect(checkpoints().running()).toBe(true);
  // The app's own connection runs no checkpoint, so only the thread can grow the database file.
  expect(await autocheckpointPages()).toBe(0);
  const filename = (
    app.strapi.db.connection.client as { config: { connection: { filename: string } } }
  ).config.connection.filename;
  const before = statSync(filename).size;

  const knex = app.strapi.db.connection;
  await knex.schema.createTable('checkpoint_probe', (table) => {
    table.increments('id');
    table.text('payload');
  });
  const payload = 'x'.repeat(1000);
  await knex.transaction(async (trx) => {
    for (let i = 0; i < 4000; i += 500)
      await trx('checkpoint_probe').insert(Array.from({ length: 500 }, () => ({ payload })));
  });

  let after = statSync(filename).size;
  for (let i = 0; i < 50 && after < before + 4_000_000; i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    after = statSync(filename).size;
  }
  expect(after).toBeGreaterThanOrEqual(before + 4_000_000);
  await knex.schema.dropTable('checkpoint_probe');
});

it('gives the checkpoints back to the app when it stops, and takes them again', async () => {
  if (!isSqlite()) {
    await checkpoints().start();
    expect(checkpoints().running()).toBe(false);
    return;
  }
  await checkpoints().stop();
  expect(checkpoints().running()).toBe(false);
  expect(await autocheckpointPages()).toBe(1000);
  await checkpoints().start();
  expect(checkpoints().running()).toBe(true);
  expect(await autocheckpointPages()).toBe(0);
});

/** Runs `statement` again and again for `ms`; how many turns a 1 ms interval timer got meanwhile. */
const turnsDuring = async (ms: number, statement: () => PromiseLike<unknown>) => {
  let turns = 0;
  const timer = setInterval(() => (turns += 1), 1);
  const started = performance.now();
  while (performance.now() - started < ms) await statement();
  clearInterval(timer);
  return turns;
};

it('gives the event loop a turn during a long transaction; reads outside one run back to back', async () => {
  // SQLite's driver is synchronous: without these turns the timer would not run at all. Slices
  // are 10 ms, so 300 ms of statements leave it about 30 turns.
  const knex = app.strapi.db.connection;
  await knex.transaction(async (trx) => {
    expect(await turnsDuring(300, () => trx.raw('select 1'))).toBeGreaterThanOrEqual(5);
  });
  await app.strapi.db.transaction(async () => {
    const turns = await turnsDuring(300, () => app.strapi.db.query('plugin::crm.customer').count());
    expect(turns).toBeGreaterThanOrEqual(5);
  });
  // Outside a transaction a request keeps SQLite's one connection from one read to the next.
  if (isSqlite()) expect(await turnsDuring(100, () => knex.raw('select 1'))).toBe(0);
});

import { statSync } from 'node:fs';

import { takeOverlaps } from '../helpers/statement-overlaps';
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

it('runs independent reads one after another inside a transaction, at once outside one', async () => {
  const { readTogetherIn } = await import('../../src/plugins/crm/server/src/utils/read-together');
  const { withKnex } = await import('../../src/plugins/crm/server/src/utils/with-knex');
  const customers = () => app.strapi.db.query('plugin::crm.customer').count();
  // Joins the current transaction, as the plugin's reads do.
  const sleep = () =>
    withKnex(app.strapi, (knex) => knex.raw(isSqlite() ? 'select 1' : 'select pg_sleep(0.05)'));
  const order: string[] = [];
  const read = (name: string) => async () => {
    order.push(`start ${name}`);
    await sleep();
    order.push(`end ${name}`);
    return name;
  };

  expect(await readTogetherIn(app.strapi, [read('a'), read('b')])).toEqual(['a', 'b']);
  expect(order.slice(0, 2)).toEqual(['start a', 'start b']);

  order.length = 0;
  await app.strapi.db.transaction(async () => {
    expect(await readTogetherIn(app.strapi, [read('a'), read('b'), customers])).toEqual([
      'a',
      'b',
      expect.any(Number),
    ]);
  });
  expect(order).toEqual(['start a', 'end a', 'start b', 'end b']);
  expect(takeOverlaps()).toEqual([]);

  // What the suite's watch (test/helpers/statement-overlaps.ts) catches on PostgreSQL.
  if (!isSqlite()) {
    await app.strapi.db.transaction(async () => {
      await Promise.all([sleep(), sleep()]);
    });
    expect(takeOverlaps()).toHaveLength(1);
  }
});

it('answers a read that comes during a transaction from what was committed, writes after the commit (SQLite)', async () => {
  const readConnection = app.strapi.plugin('crm').service('sqlite-read-connection');
  if (!isSqlite()) {
    expect(readConnection.status().running).toBe(false);
    return;
  }
  expect(readConnection.status().running).toBe(true);
  const knex = app.strapi.db.connection;
  await knex.schema.createTable('read_probe', (table) => {
    table.increments('id');
    table.text('name');
  });
  await knex('read_probe').insert({ name: 'committed' });

  let commit!: () => void;
  const held = new Promise<void>((resolve) => (commit = resolve));
  const transaction = knex.transaction(async (trx) => {
    await trx('read_probe').insert({ name: 'uncommitted' });
    await held;
  });
  await new Promise((resolve) => setTimeout(resolve, 20));

  // Without the read-only connection these would wait for the commit.
  const before = readConnection.status().readsBeside;
  expect(await knex('read_probe').pluck('name')).toEqual(['committed']);
  expect(await knex.raw('select count(*) as n from read_probe')).toEqual([{ n: 1 }]);
  // A request: its token's lookup, and the document service's read transaction of a CRM type.
  const response = await app.api().get('/api/crm/customers?pagination[pageSize]=1');
  expect(response.status).toBe(200);
  expect(readConnection.status().readsBeside).toBeGreaterThanOrEqual(before + 3);
  // A write of a CRM type waits.
  let created = false;
  const creating = app
    .api()
    .post('/api/crm/customers')
    .send({ data: { firstName: 'Ada', lastName: 'Read' } })
    .then((answer) => {
      created = true;
      return answer;
    });

  // Writes, also a raw one sent as a read would be, wait for the app's connection.
  const written: string[] = [];
  const writes = Promise.all([
    knex('read_probe')
      .insert({ name: 'built' })
      .then(() => written.push('built')),
    knex.raw(`insert into read_probe (name) values ('raw')`).then(() => written.push('raw')),
  ]);
  await new Promise((resolve) => setTimeout(resolve, 50));
  expect(written).toEqual([]);
  expect(created).toBe(false);
  commit();
  await transaction;
  await writes;
  expect((await creating).status).toBe(201);
  expect((await knex('read_probe').orderBy('id').pluck('name')).sort()).toEqual([
    'built',
    'committed',
    'raw',
    'uncommitted',
  ]);
  await knex.schema.dropTable('read_probe');
});

'use strict';

/**
 * Booting the compiled app on a database of its own for a benchmark, and cleaning up after it.
 *
 * Each database is benchmarked in a child process (`runChild`): Strapi keeps process-wide state
 * (the global `strapi`, config read from the environment at load), so a second boot in the same
 * process on another database is not something to rely on, and a child that crashes or leaks
 * handles cannot spoil the next database's numbers. The parent names the databases, so it can drop
 * them even when a child dies halfway.
 */

const { fork } = require('node:child_process');
const { randomBytes } = require('node:crypto');
const { mkdirSync, rmSync } = require('node:fs');
const { join } = require('node:path');

const { SERVER_HEAP_MB } = require('../../scripts/lib/server-heap');

const ROOT = join(__dirname, '..', '..');

const BENCH_ENV = {
  // What the integration tests use (test/helpers/strapi.ts): the app's config has no separate
  // benchmark mode, and `production` would want a built admin panel.
  NODE_ENV: 'test',
  STRAPI_TELEMETRY_DISABLED: 'true',
  STRAPI_DISABLE_UPDATE_NOTIFICATION: 'true',
  HOST: '127.0.0.1',
  PORT: '0',
  APP_KEYS: 'benchKeyA,benchKeyB',
  API_TOKEN_SALT: 'bench-api-token-salt',
  ADMIN_JWT_SECRET: 'bench-admin-jwt-secret',
  TRANSFER_TOKEN_SALT: 'bench-transfer-token-salt',
  JWT_SECRET: 'bench-jwt-secret',
  ENCRYPTION_KEY: 'bench-encryption-key',
  CRM_DEMO_DATA: 'false',
  CRM_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
  LOG_LEVEL: 'error',
};

const postgresAdminUrl = () =>
  process.env.CRM_BENCH_POSTGRES_URL ||
  process.env.CRM_TEST_POSTGRES_URL ||
  'postgres://postgres@127.0.0.1:5432/postgres';

const withPostgresAdmin = async (work) => {
  const { Client } = require('pg');
  const client = new Client({
    connectionString: postgresAdminUrl(),
    connectionTimeoutMillis: 5000,
  });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
};

/** `{ ok: true }`, or `{ ok: false, reason }` when no PostgreSQL answers at the admin URL. */
const postgresReachable = async () => {
  try {
    await withPostgresAdmin((client) => client.query('SELECT 1'));
    return { ok: true };
  } catch (error) {
    return { ok: false, reason: error.message || String(error) };
  }
};

const labelOfClient = (client) => (client === 'postgres' ? 'PostgreSQL' : 'SQLite');

/**
 * Runs `run(client)` for each database named ('sqlite', 'postgres'), one at a time (on a small
 * machine two would compete for the same cores). PostgreSQL is passed over when it does not
 * answer, and a run that throws is reported: both land in `skipped` with the reason.
 */
const onEachDatabase = async (clients, run) => {
  const results = [];
  const skipped = [];
  for (const client of clients) {
    if (client === 'postgres') {
      const reachable = await postgresReachable();
      if (!reachable.ok) {
        skipped.push({
          label: labelOfClient(client),
          reason: `PostgreSQL not reachable (${reachable.reason})`,
        });
        continue;
      }
    }
    try {
      results.push(await run(client));
    } catch (error) {
      console.error(error);
      skipped.push({ label: labelOfClient(client), reason: error.message });
    }
  }
  return { results, skipped };
};

/**
 * Where a benchmark's data lives: a SQLite file under .tmp/ or a PostgreSQL database, named after
 * the benchmark and the parent's pid so concurrent runs and leftovers are easy to tell apart.
 */
const databaseFor = (client, benchName, pid = process.pid) =>
  client === 'postgres'
    ? { client, name: `crm_bench_${benchName.replace(/\W/g, '_')}_${pid}` }
    : {
        client: 'sqlite',
        name: `bench-${benchName}-${pid}`,
        file: join('.tmp', `bench-${benchName}-${pid}.db`),
      };

const sqliteFiles = (database) =>
  ['', '-wal', '-shm', '-journal'].map((suffix) => join(ROOT, `${database.file}${suffix}`));

/** Drops the database or deletes the file; safe to call twice or on one never created. */
const dropDatabase = async (database) => {
  if (database.client === 'postgres') {
    await withPostgresAdmin((admin) =>
      admin.query(`DROP DATABASE IF EXISTS "${database.name}" WITH (FORCE)`)
    );
    return;
  }
  for (const file of sqliteFiles(database)) rmSync(file, { force: true });
};

/** Makes an empty database and points the app's config (config/database.ts) at it. */
const createDatabase = async (database) => {
  await dropDatabase(database);
  if (database.client === 'postgres') {
    await withPostgresAdmin((admin) => admin.query(`CREATE DATABASE "${database.name}"`));
    const url = new URL(postgresAdminUrl());
    url.pathname = `/${database.name}`;
    Object.assign(process.env, {
      DATABASE_CLIENT: 'postgres',
      DATABASE_URL: url.toString(),
      DATABASE_NAME: database.name,
    });
    return;
  }
  mkdirSync(join(ROOT, '.tmp'), { recursive: true });
  Object.assign(process.env, { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: database.file });
};

/**
 * Boots the compiled app (dist/, see `npm run build:server`) without the HTTP server listening: the
 * benchmarks call services directly, so request handling stays out of the numbers.
 */
const bootApp = async () => {
  Object.assign(process.env, BENCH_ENV);
  const { createStrapi } = require('@strapi/strapi');
  return createStrapi({
    appDir: ROOT,
    distDir: join(ROOT, 'dist'),
    autoReload: false,
    serveAdminPanel: false,
  }).load();
};

/** Creates the database, boots on it, runs `work(app)`, and always shuts down and drops it. */
const withApp = async (database, work) => {
  await createDatabase(database);
  let app;
  try {
    app = await bootApp();
    return await work(app);
  } finally {
    if (app)
      await app
        .destroy()
        .catch((error) => console.error(`strapi.destroy failed: ${error.message}`));
    await dropDatabase(database);
  }
};

// Children not yet exited, so an interrupted parent can stop them (see stopChildren).
const running = new Set();

/**
 * The heap limit of the app's processes, in MB: BENCH_HEAP_MB, by default the one `npm run start`
 * gives the server (scripts/lib/server-heap.js); 0 (undefined here) leaves V8 to size the heap.
 */
const appHeapMb = () =>
  process.env.BENCH_HEAP_MB === undefined
    ? SERVER_HEAP_MB
    : Number(process.env.BENCH_HEAP_MB) || undefined;

/** The node flags of a process that runs the app: its heap limit, and BENCH_NODE_FLAGS (--trace-gc…). */
const appNodeFlags = () => [
  ...(appHeapMb() ? [`--max-old-space-size=${appHeapMb()}`] : []),
  ...(process.env.BENCH_NODE_FLAGS ? process.env.BENCH_NODE_FLAGS.split(' ').filter(Boolean) : []),
];

/** How a run's heap was sized, for the bench's report. */
const heapNote = (heapMb) =>
  heapMb
    ? `heap limit ${heapMb} MB${heapMb === SERVER_HEAP_MB ? ', as npm run start sets it' : ''}`
    : 'heap sized by V8';

/**
 * Runs `script` with `args` in a child process and resolves with the one result it sends through
 * `sendToParent`. Rejects when the child exits without one (crash, failed boot); the child's own
 * error output shows why, since stdio is inherited.
 */
const runChild = (script, args) =>
  new Promise((resolve, reject) => {
    const execArgv = [
      ...(process.env.BENCH_CPU_PROF
        ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_CPU_PROF]
        : []),
      ...appNodeFlags(),
    ];
    const child = fork(script, args, { stdio: 'inherit', execArgv });
    running.add(child);
    let result;
    child.on('message', (message) => {
      if (message && message.type === 'result') result = message.result;
      if (message && message.type === 'progress') console.log(message.text);
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      running.delete(child);
      if (result !== undefined) resolve(result);
      else
        reject(
          new Error(`child ${args.join(' ')} exited (${signal || `code ${code}`}) without a result`)
        );
    });
  });

/**
 * Stops the children still running (the parent was interrupted) and waits until they are gone.
 * Strapi answers SIGTERM with a graceful shutdown that waits for the bulk-load transaction, so a
 * child still there after a few seconds is killed outright: its database is dropped anyway.
 */
const stopChildren = () =>
  Promise.all(
    [...running].map(
      (child) =>
        new Promise((resolve) => {
          const kill = setTimeout(() => child.kill('SIGKILL'), 3000);
          child.once('exit', () => {
            clearTimeout(kill);
            resolve();
          });
          child.kill('SIGTERM');
        })
    )
  );

/** In a child: hands the result to the parent and waits until it is sent before the caller exits. */
const sendToParent = (result) =>
  new Promise((resolve, reject) => {
    if (!process.send) {
      resolve();
      return;
    }
    process.send({ type: 'result', result }, (error) => (error ? reject(error) : resolve()));
  });

/** Progress lines go to the parent's console when there is one (keeps output ordering sane). */
const progress = (text) => {
  if (process.send) process.send({ type: 'progress', text });
  else console.log(text);
};

/**
 * A to-one relation's link table as Strapi laid it out: name, owner and target columns, and the
 * order columns when it has them. Read from the metadata so the benchmark follows Strapi's naming.
 */
const linkOf = (app, uid, attribute) => {
  const { joinTable } = app.db.metadata.get(uid).attributes[attribute];
  if (!joinTable) throw new Error(`${uid}.${attribute} has no link table`);
  return {
    table: joinTable.name,
    owner: joinTable.joinColumn.name,
    target: joinTable.inverseJoinColumn.name,
    orderColumns: [joinTable.orderColumnName, joinTable.inverseOrderColumnName].filter(Boolean),
  };
};

const tableOf = (app, uid) => app.db.metadata.get(uid).tableName;

/**
 * Builds the plugin package when one of its files changed since its last build (the app loads the
 * plugin from its dist/), then compiles the app's server code (`tsc -p tsconfig.json`, as Strapi's
 * build does), unless the command line says `--no-build`: what every benchmark runs before it
 * boots the app.
 */
const compileServer = () => {
  if (process.argv.includes('--no-build')) return;
  const { execFileSync } = require('node:child_process');
  console.log(
    'Building the plugin if it changed, compiling the server code (tsc -p tsconfig.json)…'
  );
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'build-plugin.js'), '--if-changed'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  execFileSync(
    process.execPath,
    [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json'],
    { cwd: ROOT, stdio: 'inherit' }
  );
};

module.exports = {
  ROOT,
  compileServer,
  BENCH_ENV,
  postgresReachable,
  onEachDatabase,
  labelOf: labelOfClient,
  databaseFor,
  createDatabase,
  dropDatabase,
  bootApp,
  withApp,
  runChild,
  appHeapMb,
  appNodeFlags,
  heapNote,
  stopChildren,
  sendToParent,
  progress,
  linkOf,
  tableOf,
};

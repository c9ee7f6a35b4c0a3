'use strict';

/**
 * `npm run bench:nodes`: the CRM on two Strapi nodes (two `strapi start` processes, two ports) on
 * one fresh PostgreSQL database, driven through HTTP (test/helpers/strapi-nodes.js).
 *
 * 1. Throughput: one import of `--rows` contacts started through node 1, then two imports of
 *    `--rows` each started at the same moment, one through each node; rows/s from the start
 *    (POST …/start) to `done`, and for the pair the rows of both over the time until both are done.
 * 2. Takeover: an import of `--takeover-rows` started through node 1, which is killed (SIGKILL)
 *    once a tenth of the rows are written; prints how long node 2 took to claim the job against
 *    `importStaleMs` + 5 s (CRM_IMPORT_STALE_MS, `--stale-ms`), and how long it then took to finish.
 * Every import is checked afterwards: each row imported once (by line and by e-mail), each company
 * created once, the search index matching the customers.
 *
 * Options: `--rows N` (100000), `--takeover-rows N` (100000), `--stale-ms N` (10000), `--no-build`
 * (skip compiling the server code; the plugin must be built: `npm run build:plugin`).
 */

const os = require('node:os');

const {
  adminThrough,
  clientOf,
  contactsCsv,
  sleep,
  startCluster,
  startImport,
  uploadContacts,
  waitWhile,
} = require('../test/helpers/strapi-nodes');
const boot = require('./lib/boot');
const { fixed, formatTable, msSince } = require('./lib/stats');

const argument = (name, fallback) => {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? fallback : process.argv[index + 1];
};

const options = {
  rows: Number(argument('rows', 100000)),
  takeoverRows: Number(argument('takeover-rows', 100000)),
  staleMs: Number(argument('stale-ms', process.env.CRM_IMPORT_STALE_MS || 10000)),
};
/** Companies per file: one for every hundred rows, none of them existing before. */
const companiesFor = (rows) => Math.max(1, Math.round(rows / 100));

const sqlClient = async () => {
  const { Client } = require('pg');
  const client = new Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  return client;
};

/** What was wrong with an import's outcome, checked in the database; empty when nothing. */
const problemsOf = async (sql, documentId, prefix, rows) => {
  const problems = [];
  const [byLine] = (
    await sql.query(
      `SELECT count(*)::int AS imported, count(DISTINCT r.line)::int AS lines,
              count(DISTINCT r.record_id)::int AS records
         FROM crm_import_rows r JOIN crm_import_jobs j ON j.id = r.job_id
        WHERE j.document_id = $1 AND r.status = 'imported'`,
      [documentId]
    )
  ).rows;
  if (byLine.imported !== rows || byLine.lines !== rows || byLine.records !== rows)
    problems.push(`rows by line ${JSON.stringify(byLine)}, expected ${rows}`);
  const [byKey] = (
    await sql.query(
      'SELECT count(*)::int AS n, count(DISTINCT email)::int AS emails FROM crm_contacts WHERE first_name = $1',
      [prefix]
    )
  ).rows;
  if (byKey.n !== rows || byKey.emails !== rows)
    problems.push(`contacts by e-mail ${JSON.stringify(byKey)}, expected ${rows}`);
  const companies = companiesFor(rows);
  const [made] = (
    await sql.query(
      'SELECT count(*)::int AS n, count(DISTINCT business_name)::int AS names FROM crm_customers WHERE business_name LIKE $1',
      [`${prefix} Company %`]
    )
  ).rows;
  if (made.n !== companies || made.names !== companies)
    problems.push(`companies ${JSON.stringify(made)}, expected ${companies}`);
  return problems;
};

const searchIndexProblems = async (sql) => {
  const [row] = (
    await sql.query(
      `SELECT count(*)::int AS n FROM crm_customers c
         FULL JOIN crm_search_index i ON i.customer_id = c.id
        WHERE c.id IS NULL OR i.customer_id IS NULL OR i.document_id <> c.document_id`
    )
  ).rows;
  return row.n === 0 ? [] : [`${row.n} customers and search index rows do not match`];
};

/** Uploads through `uploadVia`, starts through `startVia`, waits: the timings of one import. */
const timedImport = async (uploadVia, startVia, prefix, rows) => {
  const uploading = process.hrtime.bigint();
  const job = await uploadContacts(
    uploadVia,
    contactsCsv(prefix, rows, companiesFor(rows)),
    `${prefix}.csv`
  );
  const uploadMs = msSince(uploading);
  const started = process.hrtime.bigint();
  await startImport(startVia, job.documentId);
  const done = await waitWhile(startVia, job.documentId, ['running'], 30 * 60_000);
  const runMs = msSince(started);
  if (done.stage !== 'done') throw new Error(`the import ${prefix} ended ${done.stage}`);
  return { documentId: job.documentId, prefix, rows, uploadMs, runMs, startedAt: started };
};

const main = async () => {
  const began = process.hrtime.bigint();
  const loadBefore = os.loadavg()[0];
  boot.compileServer();
  const reachable = await boot.postgresReachable();
  if (!reachable.ok) {
    console.error(`Several nodes need PostgreSQL, which does not answer: ${reachable.reason}`);
    process.exit(1);
  }
  const database = boot.databaseFor('postgres', 'nodes');
  await boot.createDatabase(database);
  let cluster;
  let sql;
  const problems = [];
  const throughput = [];
  let takeover;
  try {
    const starting = process.hrtime.bigint();
    cluster = await startCluster({
      databaseUrl: process.env.DATABASE_URL,
      databaseName: process.env.DATABASE_NAME,
      env: { CRM_IMPORT_STALE_MS: String(options.staleMs) },
    });
    const startMs = msSince(starting);
    const { apiToken: token } = await adminThrough(cluster.nodes[0]);
    const [one, two] = cluster.nodes.map((node) => clientOf(node, token));
    sql = await sqlClient();

    console.log(`Two nodes up in ${fixed(startMs / 1000)} s; one import of ${options.rows} rows…`);
    const single = await timedImport(one, one, 'Solo', options.rows);
    throughput.push({
      what: 'one import (node 1)',
      rows: single.rows,
      ms: single.runMs,
      upload: single.uploadMs,
    });
    problems.push(...(await problemsOf(sql, single.documentId, 'Solo', single.rows)));

    console.log(`Two imports of ${options.rows} rows at once, one through each node…`);
    const pairStarted = process.hrtime.bigint();
    const pair = await Promise.all([
      timedImport(one, one, 'Left', options.rows),
      timedImport(two, two, 'Right', options.rows),
    ]);
    const pairMs = msSince(pairStarted);
    for (const [i, job] of pair.entries()) {
      throughput.push({
        what: `pair: import through node ${i + 1}`,
        rows: job.rows,
        ms: job.runMs,
        upload: job.uploadMs,
      });
      problems.push(...(await problemsOf(sql, job.documentId, job.prefix, job.rows)));
    }
    throughput.push({
      what: 'pair: both, upload to done',
      rows: pair[0].rows + pair[1].rows,
      ms: pairMs,
      upload: Math.max(pair[0].uploadMs, pair[1].uploadMs),
    });

    console.log(`Takeover: ${options.takeoverRows} rows through node 1, killed after a tenth…`);
    const rows = options.takeoverRows;
    const job = await uploadContacts(
      one,
      contactsCsv('Taken', rows, companiesFor(rows)),
      'taken.csv'
    );
    await startImport(one, job.documentId);
    const state = async () =>
      (
        await sql.query(
          'SELECT stage, worker_id, heartbeat_at, progress FROM crm_import_jobs WHERE document_id = $1',
          [job.documentId]
        )
      ).rows[0];
    const doneOf = (progress) =>
      (typeof progress === 'string' ? JSON.parse(progress) : progress)?.done ?? 0;
    for (;;) {
      const now = await state();
      if (now.stage !== 'running')
        throw new Error(`the import ended ${now.stage} before node 1 could be killed`);
      if (doneOf(now.progress) >= rows / 10) break;
      await sleep(10);
    }
    await cluster.nodes[0].kill('SIGKILL');
    const killed = process.hrtime.bigint();
    const dead = await state();
    if (dead.stage !== 'running')
      throw new Error(`the import ended ${dead.stage} as node 1 was killed: use more rows`);
    let current = dead;
    // Claimed by another worker (or, polled too late to see it, already finished by it).
    while (current.stage === 'running' && current.worker_id === dead.worker_id) {
      if (msSince(killed) > options.staleMs + 60_000)
        throw new Error(
          `nobody took the job over: ${JSON.stringify(current)}\nnode 2 printed:\n${cluster.nodes[1].output()}`
        );
      await sleep(25);
      current = await state();
    }
    const takeoverMs = msSince(killed);
    const finished = await waitWhile(two, job.documentId, ['running'], 30 * 60_000);
    const finishMs = msSince(killed);
    if (finished.stage !== 'done') problems.push(`the taken-over import ended ${finished.stage}`);
    problems.push(...(await problemsOf(sql, job.documentId, 'Taken', rows)));
    problems.push(...(await searchIndexProblems(sql)));
    takeover = {
      rows,
      doneAtKill: doneOf(dead.progress),
      takeoverMs,
      finishMs,
      byNode2: String(current.worker_id).startsWith(`${cluster.nodes[1].pid}-`),
    };
  } finally {
    await sql?.end();
    await cluster?.stop();
    await boot.dropDatabase(database);
  }

  console.log(
    `\nSeveral nodes (PostgreSQL, two strapi start processes; ${os.cpus().length} cores, load ${fixed(loadBefore, 2)} before; ${fixed(msSince(began) / 1000)} s in all)\n`
  );
  console.log(
    formatTable(
      ['import', 'rows', 'upload s', 'run s', 'rows/s'],
      throughput.map((row) => [
        row.what,
        row.rows,
        fixed(row.upload / 1000),
        fixed(row.ms / 1000),
        fixed(row.rows / (row.ms / 1000), 0),
      ])
    )
  );
  const limit = options.staleMs + 5000;
  console.log(
    `\n${formatTable(
      [
        'takeover',
        'rows',
        'done at kill',
        'importStaleMs',
        'claimed after ms',
        'limit ms',
        'within',
        'finished after s',
      ],
      [
        [
          takeover.byNode2 ? 'node 2 took it' : 'someone else took it',
          takeover.rows,
          takeover.doneAtKill,
          options.staleMs,
          fixed(takeover.takeoverMs, 0),
          limit,
          takeover.takeoverMs <= limit ? 'yes' : 'NO',
          fixed(takeover.finishMs / 1000),
        ],
      ]
    )}`
  );
  if (problems.length) {
    console.log(`\nProblems:\n- ${problems.join('\n- ')}`);
    process.exitCode = 1;
  } else
    console.log(
      '\nEvery row imported once (by line and by e-mail), every company created once, the search index matching the customers.'
    );
  if (takeover.takeoverMs > limit || !takeover.byNode2) process.exitCode = 1;
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

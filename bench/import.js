'use strict';

/**
 * `npm run bench:import`: how fast the CSV import of contacts is, against per-row creates and a
 * raw bulk load of the same rows.
 *
 * Per database (SQLite, and PostgreSQL when one answers at 127.0.0.1:5432), in a child process of
 * its own (see bench/lib/boot.js):
 * - 90% of BENCH_COMPANIES companies are bulk-inserted as business customers; the CSV of
 *   BENCH_ROWS contacts names all of them, so 10% of the companies (and rows) are unknown;
 * - per-row baseline: BENCH_SAMPLE `documents('plugin::crm.contact').create` calls, spread over the
 *   file, timed one after another and extrapolated to rows/s; then deleted again;
 * - the import: `importJobs.createFromUpload` (parse into the staging table, map, validate, match),
 *   `decide(..., 'create')` for the unknown companies, `importRunner.start` and polling until done,
 *   each phase timed, SQL time summed by statement kind (bench/lib/query-profile.js);
 * - raw load: the imported contacts are deleted and the same rows (the validated values the import
 *   wrote, same company ids) inserted straight into crm_contacts plus its company link table: COPY
 *   through pg-copy-streams on PostgreSQL, one prepared statement in one transaction through the
 *   better-sqlite3 handle on SQLite;
 * - upsert: the same rows again, every other one with a changed job title, imported in upsert
 *   mode into the database that holds them (matched by e-mail: half updated, half unchanged),
 *   timed like the import and compared with it.
 * Then, in one more child per database and file format (BENCH_BIG_DATABASE, BENCH_BIG_FORMATS:
 * csv, windows-1252, xlsx), a BENCH_BIG_ROWS import with its RSS sampled every 100 ms, to show
 * whether memory stays bounded as the file grows and how fast each format is read beside UTF-8
 * CSV. That run also validates every row once more after the upload (as a mapping change does,
 * in the background) and, through HTTP from a process of its own, sends quick searches first on
 * the idle app (BENCH_SEARCH_IDLE_S) then beside the import, printing both p95.
 * Every import measures the event-loop delay of each phase (perf_hooks.monitorEventLoopDelay):
 * how long a request could have waited.
 *
 * Options (environment): BENCH_ROWS (100000), BENCH_COMPANIES (5000), BENCH_SAMPLE (2000),
 * BENCH_BIG_ROWS (1000000; 0 skips the memory run), BENCH_BIG_DATABASE ("sqlite,postgres"),
 * BENCH_SEARCH_CONNECTIONS (4; 0: no search load), BENCH_SEARCH_IDLE_S (10), BENCH_HEAP_MB (the
 * heap limit of the app's processes, --max-old-space-size: by default the one `npm run start` sets,
 * scripts/lib/server-heap.js; 0 leaves V8 to size the heap), BENCH_NODE_FLAGS (more node flags for
 * those processes, such as --trace-gc), BENCH_DATABASES ("sqlite,postgres"), BENCH_CPU_PROF=<dir>
 * (writes the CPU profile of each phase of the first import there and prints where its time
 * went). `--no-build` skips compiling the server code.
 *
 * `--existing N` runs instead the import into a database of N customers (the seed of bench:seed,
 * reused when present) beside the same file into an empty database: rows/s, peak RSS and their
 * ratio (see bench/lib/existing-import.js). BENCH_ROWS and BENCH_COMPANIES (the existing
 * businesses the file names) apply; `--existing 50000` keeps it short.
 */

const { execFile, execFileSync } = require('node:child_process');
const { readFileSync, rmSync, statSync, writeFileSync } = require('node:fs');
const os = require('node:os');
const { join } = require('node:path');
const { Readable } = require('node:stream');
const { pipeline } = require('node:stream/promises');
const { promisify } = require('node:util');

const boot = require('./lib/boot');
const { LONG_PAUSE_MS, measureEventLoop } = require('./lib/event-loop');
const { count, fixed, formatTable, msSince } = require('./lib/stats');

const CONTACT_UID = 'plugin::crm.contact';
const STAGING_TABLE = 'crm_import_rows';
const POLL_MS = 100;

const TARGETS = {
  perRow: 50,
  raw: 5,
  memoryMb: 512,
  formatRatio: 1.5,
  upsert: 2,
  existingRatio: 1.5,
  eventLoopP99Ms: 50,
  searchRatio: 2,
};

/** The live heap: the most it held just after a full collection, with how many there were. */
const liveHeap = (memory) =>
  memory.liveHeapMb == null
    ? 'no full collection'
    : `live heap after full collections ${fixed(memory.liveHeapMb, 0)} MB at most (${count(memory.fullGcs)})`;

const settings = () => ({
  rows: Number(process.env.BENCH_ROWS || 100000),
  companies: Number(process.env.BENCH_COMPANIES || 5000),
  sample: Number(process.env.BENCH_SAMPLE || 2000),
  bigRows: Number(process.env.BENCH_BIG_ROWS ?? 1000000),
  bigDatabases: (process.env.BENCH_BIG_DATABASE || 'sqlite,postgres')
    .split(',')
    .map((client) => client.trim())
    .filter(Boolean),
  bigFormats: (process.env.BENCH_BIG_FORMATS || 'csv,windows-1252,xlsx')
    .split(',')
    .map((format) => format.trim())
    .filter((format) => BIG_FORMATS[format]),
  // Node's old-generation limit of the app's processes (--max-old-space-size; see bench/lib/boot.js).
  heapMb: boot.appHeapMb(),
  // The quick-search load beside the memory run: connections (0: none) and its idle measurement.
  searchConnections: Number(process.env.BENCH_SEARCH_CONNECTIONS ?? 4),
  searchIdleS: Number(process.env.BENCH_SEARCH_IDLE_S || 10),
});

const argument = (name) => {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? undefined : process.argv[index + 1];
};

const labelOf = (client) => (client === 'postgres' ? 'PostgreSQL' : 'SQLite');

const serverVersion = async (app) =>
  app.db.dialect.client === 'postgres'
    ? (await app.db.connection.raw('SHOW server_version')).rows[0].server_version.split(' ')[0]
    : (await app.db.connection.raw('SELECT sqlite_version() AS version'))[0].version;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Wraps a service method so its calls' wall time is summed (the service object is one instance,
 * so the plugin's own calls go through the wrapper). Returns a reader and an undo.
 */
const timeMethod = (service, name) => {
  const original = service[name];
  const total = { calls: 0, ms: 0 };
  service[name] = async function wrapped(...args) {
    const start = process.hrtime.bigint();
    try {
      return await original.apply(this, args);
    } finally {
      total.calls += 1;
      total.ms += msSince(start);
    }
  };
  return { total, restore: () => (service[name] = original) };
};

/** Empties the contacts table and its company links (between the baselines and the import). */
const clearContacts = async (app, link) => {
  const knex = app.db.connection;
  const table = boot.tableOf(app, CONTACT_UID);
  if (app.db.dialect.client === 'postgres') {
    await knex.raw(`TRUNCATE TABLE ??, ?? RESTART IDENTITY CASCADE`, [link.table, table]);
  } else {
    await knex(link.table).delete();
    await knex(table).delete();
  }
};

/** Polls a job until its rows are validated (a mapping or mode change validates in the background). */
const validated = async (importJobs, documentId) => {
  for (;;) {
    const job = importJobs.view(await importJobs.load(documentId));
    if (job.stage !== 'validating') return job;
    await sleep(POLL_MS);
  }
};

/**
 * The whole import of the file at `path`: upload (parse + validate + match), decide, run. Returns
 * phase times, the job's final view, the peak RSS and the event-loop delay of each phase. With
 * `revalidate`, the rows are validated once more after the upload, as a mapping change does
 * (timed apart: not counted in the import's time).
 */
const runImport = async (
  app,
  path,
  { profile, cpu, label, mode, referenceData = false, revalidate } = {}
) => {
  const { sampleMemory } = require('./lib/query-profile');
  const importJobs = app.plugin('crm').service('import-jobs');
  const importRunner = app.plugin('crm').service('import-runner');
  const memory = sampleMemory(100);
  const eventLoop = measureEventLoop();
  const phases = {};
  const started = process.hrtime.bigint();

  if (profile) profile.phase('parse+validate');
  if (cpu) await cpu.start('parse+validate');
  memory.phase('parse+validate');
  eventLoop.phase('parse+validate');
  let start = process.hrtime.bigint();
  const uploaded = await importJobs.createFromUpload({
    path,
    fileName: 'bench.csv',
    size: statSync(path).size,
    object: 'contacts',
  });
  if (mode) {
    await importJobs.setMode(uploaded.documentId, mode);
    await validated(importJobs, uploaded.documentId);
  }
  phases.upload = msSince(start);
  if (label)
    boot.progress(
      `[${label}]   parsed + validated in ${fixed(phases.upload / 1000)} s (${JSON.stringify(uploaded.counts)}, stage ${uploaded.stage})`
    );

  if (referenceData) {
    // What the reference-data step shows: every unmatched company with its near matches.
    memory.phase('reference data');
    start = process.hrtime.bigint();
    const groups = await importJobs.referenceData(uploaded.documentId);
    phases.referenceData = msSince(start);
    phases.groups = groups.length;
    phases.suggested = groups.filter((group) => group.suggestions.length > 0).length;
  }

  if (revalidate) {
    // The same mapping sent again: every row is judged again, with the same outcome.
    memory.phase('revalidate');
    eventLoop.phase('revalidate');
    start = process.hrtime.bigint();
    const column = uploaded.columns.find((c) => c.field) ?? uploaded.columns[0];
    await importJobs.setMapping(uploaded.documentId, { [column.header]: column.field });
    const again = await validated(importJobs, uploaded.documentId);
    phases.revalidate = msSince(start);
    if (label)
      boot.progress(
        `[${label}]   validated again in ${fixed(phases.revalidate / 1000)} s (${JSON.stringify(again.counts)})`
      );
  }

  if (profile) profile.phase('decide');
  if (cpu) await cpu.start('decide');
  memory.phase('decide');
  eventLoop.phase('decide');
  start = process.hrtime.bigint();
  await importJobs.decide(uploaded.documentId, [], 'create');
  phases.decide = msSince(start);

  if (profile) profile.phase('run');
  if (cpu) await cpu.start('run');
  memory.phase('run');
  eventLoop.phase('run');
  start = process.hrtime.bigint();
  await importRunner.start(uploaded.documentId, 'bench');
  let job;
  let lastReport = Date.now();
  for (;;) {
    job = importJobs.view(await importJobs.load(uploaded.documentId));
    if (job.stage === 'done') break;
    if (job.stage !== 'running') throw new Error(`import ended in stage ${job.stage}`);
    if (label && Date.now() - lastReport > 15000) {
      lastReport = Date.now();
      boot.progress(
        `[${label}]   running: ${count(job.progress.done)} / ${count(job.progress.total)}`
      );
    }
    await sleep(POLL_MS);
  }
  phases.run = msSince(start);
  const totalMs = msSince(started) - (phases.revalidate ?? 0);
  if (profile) profile.phase('other');
  if (cpu) await cpu.stop();
  return { job, phases, totalMs, memory: memory.stop(), eventLoop: eventLoop.stop() };
};

/** Per-row baseline: `sample` document-service creates of rows spread over the file. */
const perRowCreates = async (app, { rows, companies, sample }, companyRows) => {
  const { contactRow, knownCompanies } = require('./lib/import-data');
  const known = knownCompanies(companies);
  const step = Math.max(1, Math.floor(rows / sample));
  const data = Array.from({ length: sample }, (_, k) => {
    const r = contactRow(k * step, companies);
    return {
      firstName: r.firstName,
      lastName: r.lastName,
      email: r.email,
      mobilePhone: r.mobile,
      jobTitle: r.jobTitle || null,
      // Unknown companies do not exist yet; the import creates them, this baseline leaves them out.
      ...(r.company < known
        ? { company: { documentId: companyRows[r.company].documentId, status: 'published' } }
        : {}),
    };
  });
  const documents = app.documents(CONTACT_UID);
  // A few untimed creates first (plans cached, JIT warm), as stats.timeCalls does.
  for (let i = 0; i < 5; i += 1) await documents.create({ data: data[i] });
  const start = process.hrtime.bigint();
  for (const row of data) await documents.create({ data: row });
  const ms = msSince(start);
  return { calls: sample, ms, rowsPerSecond: sample / (ms / 1000) };
};

/**
 * What the raw load writes: per imported row, the crm_contacts columns the import filled (those
 * not null on an imported row), with the validated values from the staging table, and the company
 * id the runner linked (matched customer, or the customer it created for an unknown company).
 */
const rawRowsFromImport = async (app, jobDocumentId) => {
  const knex = app.db.connection;
  const sqlite = app.db.dialect.client === 'sqlite';
  const table = boot.tableOf(app, CONTACT_UID);
  const job = await app.plugin('crm').service('import-jobs').load(jobDocumentId);
  const sample = await knex(table).first();
  const attributes = app.db.metadata.get(CONTACT_UID).attributes;
  const byColumn = new Map(
    Object.entries(attributes)
      .filter(([, attribute]) => attribute.columnName)
      .map(([name, attribute]) => [attribute.columnName, name])
  );
  const columns = Object.keys(sample).filter(
    (column) => column !== 'id' && sample[column] !== null
  );
  const now = sqlite ? Date.now() : new Date();
  const created = new Map(
    Object.entries(job.decisions || {}).map(([key, decision]) => [key, decision.createdId])
  );
  const { documentIdOf } = require('./lib/import-data');

  const staged = await knex(STAGING_TABLE)
    .select('line', 'data', 'company_key', 'customer_id')
    .where({ job_id: job.id, status: 'imported' })
    .orderBy('line');
  const rows = [];
  const links = [];
  for (const [index, row] of staged.entries()) {
    const { contact } = JSON.parse(row.data);
    const id = index + 1;
    rows.push(
      [id].concat(
        columns.map((column) => {
          if (column === 'document_id') return documentIdOf(index, 2);
          if (column === 'created_at' || column === 'updated_at' || column === 'published_at')
            return now;
          const attribute = byColumn.get(column);
          const value =
            attribute && attribute in contact
              ? contact[attribute]
              : attribute === 'isUser'
                ? false
                : sample[column];
          return sqlite && typeof value === 'boolean' ? Number(value) : value;
        })
      )
    );
    const company =
      row.customer_id !== null ? Number(row.customer_id) : created.get(row.company_key);
    if (company) links.push([id, Number(company)]);
  }
  return { columns: ['id', ...columns], rows, links };
};

/** One prepared statement per table, all in one transaction, on knex's own better-sqlite3 handle. */
const rawLoadSqlite = async (app, table, link, data) => {
  const knex = app.db.connection;
  const db = await knex.client.acquireConnection();
  try {
    const quote = (name) => `"${name}"`;
    const insertRow = db.prepare(
      `INSERT INTO ${quote(table)} (${data.columns.map(quote).join(', ')}) VALUES (${data.columns.map(() => '?').join(', ')})`
    );
    const linkColumns = [link.owner, link.target, ...link.orderColumns];
    const insertLink = db.prepare(
      `INSERT INTO ${quote(link.table)} (${linkColumns.map(quote).join(', ')}) VALUES (${linkColumns.map(() => '?').join(', ')})`
    );
    const order = link.orderColumns.map(() => 1);
    const start = process.hrtime.bigint();
    db.transaction(() => {
      for (const row of data.rows) insertRow.run(row);
      for (const [owner, target] of data.links) insertLink.run(owner, target, ...order);
    })();
    return msSince(start);
  } finally {
    await knex.client.releaseConnection(db);
  }
};

/** COPY text format: tab-separated, \N for null, backslash escapes. */
const copyValue = (value) => {
  if (value === null || value === undefined) return '\\N';
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'boolean') return value ? 't' : 'f';
  return String(value)
    .replace(/\\/g, '\\\\')
    .replace(/\t/g, '\\t')
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r');
};

/** Lines of COPY text, a few thousand rows per chunk so the stream does not push row by row. */
function* copyChunks(rows) {
  for (let start = 0; start < rows.length; start += 2000) {
    yield rows
      .slice(start, start + 2000)
      .map((row) => `${row.map(copyValue).join('\t')}\n`)
      .join('');
  }
}

/** COPY through pg-copy-streams into both tables, in one transaction, on one pooled connection. */
const rawLoadPostgres = async (app, table, link, data) => {
  const { from: copyFrom } = require('pg-copy-streams');
  const knex = app.db.connection;
  const client = await knex.client.acquireConnection();
  try {
    const order = link.orderColumns.map(() => 1);
    const start = process.hrtime.bigint();
    await client.query('BEGIN');
    await pipeline(
      Readable.from(copyChunks(data.rows)),
      client.query(
        copyFrom(`COPY "${table}" (${data.columns.map((c) => `"${c}"`).join(', ')}) FROM STDIN`)
      )
    );
    const linkColumns = [link.owner, link.target, ...link.orderColumns];
    await pipeline(
      Readable.from(copyChunks(data.links.map((pair) => [...pair, ...order]))),
      client.query(
        copyFrom(`COPY "${link.table}" (${linkColumns.map((c) => `"${c}"`).join(', ')}) FROM STDIN`)
      )
    );
    await client.query('COMMIT');
    const ms = msSince(start);
    await client.query(
      `SELECT setval(pg_get_serial_sequence($1, 'id'), (SELECT MAX(id) FROM "${table}"))`,
      [table]
    );
    return ms;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    await knex.client.releaseConnection(client);
  }
};

/** What better-sqlite3's statements share, so the profile can time the bulk path's writes. */
const sqliteStatementPrototype = async (knex) => {
  const connection = await knex.client.acquireConnection();
  try {
    return Object.getPrototypeOf(connection.prepare('SELECT 1'));
  } finally {
    await knex.client.releaseConnection(connection);
  }
};

/** In a child: one database, start to finish; the result goes to the parent as JSON. */
const runDatabase = async (client, parentPid) => {
  const { writeCsv, loadCompanies } = require('./lib/import-data');
  const { profileQueries } = require('./lib/query-profile');
  const { phaseProfiler } = require('./lib/cpu-profile');
  const options = settings();
  const label = labelOf(client);
  const csv = join(boot.ROOT, '.tmp', `bench-import-${client}-${parentPid}.csv`);

  try {
    return await boot.withApp(boot.databaseFor(client, 'import', parentPid), async (app) => {
      const knex = app.db.connection;
      const table = boot.tableOf(app, CONTACT_UID);
      const link = boot.linkOf(app, CONTACT_UID, 'company');
      boot.progress(
        `[${label}] booted; ${count(options.companies)} companies (10% unknown), ${count(options.rows)} rows…`
      );
      let start = process.hrtime.bigint();
      const companyRows = await loadCompanies(app, options.companies);
      const bytes = await writeCsv(csv, options);
      const dataMs = msSince(start);

      boot.progress(`[${label}] per-row creates (${count(options.sample)})…`);
      const perRow = await perRowCreates(app, options, companyRows);
      await clearContacts(app, link);
      boot.progress(`[${label}]   ${fixed(perRow.rowsPerSecond)} rows/s`);

      boot.progress(`[${label}] importing ${count(options.rows)} rows…`);
      const staging = app.plugin('crm').service('import-rows');
      const timed = ['insert', 'record', 'page', 'unmatchedGroups', 'counts', 'pending'].map(
        (name) => [name, timeMethod(staging, name)]
      );
      const profile = profileQueries(knex, {
        sqliteStatements: client === 'sqlite' ? await sqliteStatementPrototype(knex) : undefined,
      });
      const cpu = phaseProfiler(process.env.BENCH_CPU_PROF, `import-${client}`);
      const imported = await runImport(app, csv, { profile, cpu, label });
      profile.stop();
      for (const [, wrapper] of timed) wrapper.restore();
      const stored = Number((await knex(table).count({ n: '*' }).first()).n);
      const linked = Number((await knex(link.table).count({ n: '*' }).first()).n);
      boot.progress(
        `[${label}]   done in ${fixed(imported.totalMs / 1000)} s: ${JSON.stringify(imported.job.counts)}; ${count(stored)} contacts, ${count(linked)} company links`
      );

      boot.progress(`[${label}] raw load of the same rows…`);
      const raw = await rawRowsFromImport(app, imported.job.documentId);
      await clearContacts(app, link);
      const rawMs =
        client === 'postgres'
          ? await rawLoadPostgres(app, table, link, raw)
          : await rawLoadSqlite(app, table, link, raw);
      const rawStored = Number((await knex(table).count({ n: '*' }).first()).n);
      const rawLinked = Number((await knex(link.table).count({ n: '*' }).first()).n);
      boot.progress(
        `[${label}]   ${fixed(rawMs / 1000, 2)} s (${count(rawStored)} contacts, ${count(rawLinked)} links)`
      );

      // The same contacts again, half of them with a changed job title, into the database that
      // holds them: every row matched by e-mail, half updated, half unchanged.
      boot.progress(`[${label}] upserting ${count(options.rows)} rows (half changed)…`);
      await writeCsv(csv, { ...options, changed: true });
      if (client === 'postgres') await knex.raw('ANALYZE');
      const upserted = await runImport(app, csv, { label, mode: { mode: 'upsert' } });
      boot.progress(
        `[${label}]   done in ${fixed(upserted.totalMs / 1000)} s: ${JSON.stringify(upserted.job.counts)}`
      );

      return {
        client,
        label,
        version: await serverVersion(app),
        rows: options.rows,
        companies: options.companies,
        bytes,
        dataMs,
        perRow,
        import: {
          totalMs: imported.totalMs,
          phases: imported.phases,
          counts: imported.job.counts,
          memory: imported.memory,
          eventLoop: imported.eventLoop,
          stored,
          linked,
          staging: Object.fromEntries(timed.map(([name, wrapper]) => [name, wrapper.total])),
          sql: profile.result(),
          profiles: cpu.files,
        },
        upsert: {
          totalMs: upserted.totalMs,
          phases: upserted.phases,
          counts: upserted.job.counts,
          peakRssMb: upserted.memory.peakRssMb,
        },
        raw: {
          ms: rawMs,
          rows: raw.rows.length,
          links: raw.links.length,
          columns: raw.columns,
          stored: rawStored,
          linked: rawLinked,
        },
      };
    });
  } finally {
    rmSync(csv, { force: true });
  }
};

/** In a child: only the big import, RSS sampled, nothing else in the process to blur the peak. */
/** The files of the memory runs: the same rows as UTF-8 CSV, Windows-1252 CSV and an Excel workbook. */
const BIG_FORMATS = {
  csv: { extension: 'csv', name: 'UTF-8 CSV' },
  'windows-1252': { extension: 'csv', name: 'Windows-1252 CSV' },
  xlsx: { extension: 'xlsx', name: 'Excel .xlsx' },
};

/**
 * Serves the app over HTTP and measures the quick search idle (BENCH_SEARCH_IDLE_S) from a process
 * of its own; the returned load is then measured again beside the import. Null when
 * BENCH_SEARCH_CONNECTIONS is 0.
 */
const searchBeside = async (app, label) => {
  const { serveWithUser } = require('./lib/http-app');
  const { startSearchLoad } = require('./lib/search-load');
  const { searchConnections, searchIdleS } = settings();
  if (searchConnections <= 0) return null;
  // The companies were inserted straight into their table: indexed for the search here.
  await app.plugin('crm').service('search-index').rebuild();
  const { base, jwt, identifier, password } = await serveWithUser(app);
  const table = boot.tableOf(app, 'plugin::crm.customer');
  const names = await app.db.connection(table).orderBy('id').limit(500).pluck('business_name');
  // What a user types: the start of a name, or a name and the start of its trade.
  const queries = names.map((name, i) =>
    i % 2 ? name.split(' ')[0] : name.split(' ').slice(0, 2).join(' ').slice(0, -2)
  );
  const load = startSearchLoad({
    base,
    jwt,
    login: { identifier, password },
    queries,
    connections: searchConnections,
  });
  boot.progress(
    `[${label}] quick search idle for ${searchIdleS} s (${searchConnections} connections)…`
  );
  // The event loop under the search load alone: what the requests hold it for without an import.
  const loop = measureEventLoop();
  loop.phase('search load alone');
  const idleRun = load.measure();
  await sleep(searchIdleS * 1000);
  const idle = await idleRun.stop();
  idle.eventLoop = loop.stop().all;
  boot.progress(
    `[${label}]   idle p95 ${fixed(idle.p95Ms)} ms over ${count(idle.calls)} searches; event-loop delay p99 ${fixed(idle.eventLoop.p99Ms)} ms, max ${fixed(idle.eventLoop.maxMs)} ms`
  );
  return { load, idle };
};

const runMemory = async (client, parentPid, rows, format = 'csv') => {
  const { loadCompanies } = require('./lib/import-data');
  const { companies } = settings();
  const label = `${labelOf(client)} memory ${BIG_FORMATS[format].name}`;
  const csv = join(
    boot.ROOT,
    '.tmp',
    `bench-import-big-${client}-${format}-${parentPid}.${BIG_FORMATS[format].extension}`
  );
  try {
    return await boot.withApp(boot.databaseFor(client, 'import-big', parentPid), async (app) => {
      await loadCompanies(app, companies);
      const search = await searchBeside(app, label);
      boot.progress(`[${label}] writing ${count(rows)} rows…`);
      // Written by a process of its own: the writer's memory is not the import's.
      const { stdout } = await promisify(execFile)(
        process.execPath,
        [join(__dirname, 'lib', 'write-import-file.js'), csv, format, rows, companies],
        { maxBuffer: 1024 }
      );
      const bytes = Number(stdout);
      boot.progress(
        `[${label}] importing ${count(rows)} rows (${fixed(bytes / 1024 / 1024)} MB ${BIG_FORMATS[format].name})…`
      );
      const during = search?.load.measure();
      const imported = await runImport(app, csv, { label, revalidate: true });
      const searched = search ? { idle: search.idle, during: await during.stop() } : null;
      search?.load.close();
      boot.progress(
        `[${label}]   done in ${fixed(imported.totalMs / 1000)} s, peak RSS ${fixed(imported.memory.peakRssMb)} MB, event-loop delay p99 ${fixed(imported.eventLoop.all.p99Ms)} ms`
      );
      return {
        client,
        label: labelOf(client),
        format,
        encoding: imported.job.encoding,
        rows,
        heapMb: settings().heapMb,
        bytes,
        totalMs: imported.totalMs,
        phases: imported.phases,
        counts: imported.job.counts,
        memory: imported.memory,
        eventLoop: imported.eventLoop,
        search: searched,
      };
    });
  } finally {
    rmSync(csv, { force: true });
  }
};

/**
 * In a child: the import of the existing-database file into a copy of the seed of `existing`
 * customers (`target` "existing", which writes the file), or into an empty database ("empty").
 */
const runExisting = async (client, parentPid, existing, target, csv) => {
  const { seedDatabase } = require('./seed');
  const {
    copyOfSeed,
    existingCompanies,
    loadNamedCompanies,
    writeExistingCsv,
  } = require('./lib/existing-import');
  const options = settings();
  const label = `${labelOf(client)} ${target === 'empty' ? 'empty database' : `${count(existing)} customers`}`;
  const database = boot.databaseFor(client, `import-${target}`, parentPid);
  let app;
  try {
    if (target === 'empty') await boot.createDatabase(database);
    else await copyOfSeed(seedDatabase(client, existing), database);
    const booting = process.hrtime.bigint();
    app = await boot.bootApp();
    boot.progress(`[${label}] booted in ${fixed(msSince(booting) / 1000)} s`);
    const customersBefore = Number(
      (await app.db.connection(boot.tableOf(app, 'plugin::crm.customer')).count({ n: '*' }).first())
        .n
    );
    let file = null;
    if (target === 'empty') {
      // Only the businesses the file names, as the large database holds them.
      await loadNamedCompanies(app, JSON.parse(readFileSync(`${csv}.json`, 'utf8')));
    } else {
      const companies = await existingCompanies(app, options.companies);
      writeFileSync(`${csv}.json`, JSON.stringify(companies));
      file = await writeExistingCsv(csv, options.rows, companies);
      boot.progress(
        `[${label}] ${count(options.rows)} rows over ${count(companies.length)} existing businesses: ${JSON.stringify(file.mix)}`
      );
    }
    const imported = await runImport(app, csv, { label, referenceData: true });
    const matched = Number(
      (
        await app.db
          .connection(STAGING_TABLE)
          .where({
            job_id: (await app.plugin('crm').service('import-jobs').load(imported.job.documentId))
              .id,
          })
          .whereNotNull('customer_id')
          .count({ n: '*' })
          .first()
      ).n
    );
    boot.progress(
      `[${label}]   done in ${fixed(imported.totalMs / 1000)} s, peak RSS ${fixed(imported.memory.peakRssMb)} MB; ${count(matched)} rows matched an existing customer`
    );
    return {
      client,
      label: labelOf(client),
      target,
      existing: target === 'empty' ? 0 : existing,
      customersBefore,
      version: await serverVersion(app),
      rows: options.rows,
      mix: file?.mix ?? null,
      totalMs: imported.totalMs,
      phases: imported.phases,
      counts: imported.job.counts,
      matched,
      heapMb: options.heapMb,
      memory: imported.memory,
    };
  } finally {
    if (app)
      await app
        .destroy()
        .catch((error) => console.error(`strapi.destroy failed: ${error.message}`));
    await boot.dropDatabase(database);
  }
};

const child = async () => {
  const client = argument('db');
  try {
    const result = argument('existing-target')
      ? await runExisting(
          client,
          argument('parent'),
          Number(argument('existing')),
          argument('existing-target'),
          argument('csv')
        )
      : argument('big')
        ? await runMemory(client, argument('parent'), Number(argument('big')), argument('format'))
        : await runDatabase(client, argument('parent'));
    await boot.sendToParent(result);
    process.exit(0);
  } catch (error) {
    const text = String(error.stack || error);
    console.error(
      `[${client}] ${text.length > 2000 ? `${text.slice(0, 2000)}… (${text.length} characters)` : text}`
    );
    process.exit(1);
  }
};

const perSecond = (rows, ms) => rows / (ms / 1000);
const times = (value) => `${fixed(value)}x`;

const searchLine = ({ idle, during }) =>
  `idle p95 ${fixed(idle.p95Ms)} ms (${count(idle.calls)} searches), during the import p95 ${fixed(during.p95Ms)} ms ` +
  `(${count(during.calls)} searches, max ${fixed(during.maxMs)} ms, ${count(idle.failures + during.failures)} not 200` +
  `${idle.failures + during.failures ? `: ${JSON.stringify({ ...idle.statuses, ...during.statuses })} by status` : ''}), ` +
  `ratio ${times(during.p95Ms / idle.p95Ms)}`;

/** Event-loop delay per phase of every import measured: how long a request could have waited. */
const printEventLoop = (results, bigs) => {
  const rows = [
    ...results.map((r) => [`${r.label} ${r.version}`, `${count(r.rows)} rows`, r.import.eventLoop]),
    ...bigs.map((run) => [
      run.label,
      `${count(run.rows)} rows ${BIG_FORMATS[run.format].name}`,
      {
        ...run.eventLoop,
        // The search load alone, before the import: the requests' own share of the delay.
        phases: run.search?.idle.eventLoop
          ? { 'no import, search load': run.search.idle.eventLoop, ...run.eventLoop.phases }
          : run.eventLoop.phases,
      },
    ]),
  ].flatMap(([database, name, { phases, all }]) =>
    [...Object.entries(phases), ['(whole import)', all]].map(([phase, figures]) => [
      database,
      name,
      phase,
      fixed(figures.p50Ms),
      fixed(figures.p99Ms),
      fixed(figures.maxMs),
      count(figures.gc.pauses),
      fixed(figures.gc.totalMs, 0),
      fixed(figures.gc.majorMs, 0),
      fixed(figures.gc.maxMs),
      count(figures.gc.long),
    ])
  );
  if (rows.length === 0) return;
  console.log(
    `Event-loop delay (perf_hooks.monitorEventLoopDelay, 10 ms resolution; target p99 ≤ ${TARGETS.eventLoopP99Ms} ms), and the main thread's garbage-collection pauses`
  );
  console.log('');
  console.log(
    formatTable(
      [
        'database',
        'import',
        'phase',
        'p50 ms',
        'p99 ms',
        'max ms',
        'GC pauses',
        'GC ms',
        'major GC ms',
        'GC max ms',
        `GC ≥ ${LONG_PAUSE_MS} ms`,
      ],
      rows
    )
  );
  const searched = bigs.filter((run) => run.search);
  if (searched.length) {
    console.log('');
    console.log(
      'Quick search through HTTP (GET /api/crm/customers/search?q=), idle and beside the import'
    );
    console.log('');
    console.log(
      formatTable(
        [
          'database',
          'import',
          'idle p95 ms',
          'during p95 ms',
          'during/idle',
          'during max ms',
          'searches',
          'not 200',
        ],
        searched.map((run) => [
          run.label,
          `${count(run.rows)} rows ${BIG_FORMATS[run.format].name}`,
          fixed(run.search.idle.p95Ms),
          fixed(run.search.during.p95Ms),
          times(run.search.during.p95Ms / run.search.idle.p95Ms),
          fixed(run.search.during.maxMs),
          count(run.search.idle.calls + run.search.during.calls),
          count(run.search.idle.failures + run.search.during.failures),
        ])
      )
    );
  }
  console.log('');
};

const printReport = (results, bigs, skipped, { totalMs, loadBefore }) => {
  const main = results.map((r) => {
    const importRate = perSecond(r.rows, r.import.totalMs);
    const rawRate = perSecond(r.raw.rows, r.raw.ms);
    return [
      `${r.label} ${r.version}`,
      count(r.rows),
      count(Math.round(importRate)),
      count(Math.round(r.perRow.rowsPerSecond)),
      times(importRate / r.perRow.rowsPerSecond),
      count(Math.round(rawRate)),
      times(rawRate / importRate),
      fixed(r.import.phases.upload / 1000),
      fixed(r.import.phases.decide / 1000),
      fixed(r.import.phases.run / 1000),
      fixed(r.import.totalMs / 1000),
      fixed(r.raw.ms / 1000, 2),
      fixed(r.import.memory.peakRssMb, 0),
    ];
  });

  console.log('');
  console.log(
    'CSV import of contacts (import = upload/parse/validate/match + decide + run, wall time)'
  );
  console.log('');
  console.log(
    formatTable(
      [
        'database',
        'rows',
        'import rows/s',
        'per-row rows/s',
        'import/per-row',
        'raw rows/s',
        'raw/import',
        'parse+validate s',
        'decide s',
        'run s',
        'import s',
        'raw s',
        'peak RSS MB',
      ],
      main
    )
  );
  console.log('');
  console.log(
    'Upsert: the same rows imported again in upsert mode into the database that holds them, half with a changed job title'
  );
  console.log('');
  console.log(
    formatTable(
      [
        'database',
        'rows',
        'upsert rows/s',
        'create rows/s',
        'upsert/create time',
        'updated',
        'unchanged',
        'created',
        'parse+validate s',
        'run s',
        'upsert s',
        'peak RSS MB',
      ],
      results.map((r) => [
        `${r.label} ${r.version}`,
        count(r.rows),
        count(Math.round(perSecond(r.rows, r.upsert.totalMs))),
        count(Math.round(perSecond(r.rows, r.import.totalMs))),
        times(r.upsert.totalMs / r.import.totalMs),
        count(r.upsert.counts.updated ?? 0),
        count(r.upsert.counts.unchanged ?? 0),
        count(r.upsert.counts.created ?? 0),
        fixed(r.upsert.phases.upload / 1000),
        fixed(r.upsert.phases.run / 1000),
        fixed(r.upsert.totalMs / 1000),
        fixed(r.upsert.peakRssMb, 0),
      ])
    )
  );
  // The UTF-8 CSV run on the same database every other format is measured against (if it ran).
  const utf8Of = (run) => bigs.find((big) => big.format === 'csv' && big.client === run.client);
  for (const run of bigs) {
    console.log('');
    console.log(
      `Memory: ${count(run.rows)}-row import of ${BIG_FORMATS[run.format].name} on ${run.label} (${boot.heapNote(run.heapMb)}): peak RSS ${fixed(run.memory.peakRssMb, 0)} MB ` +
        `(${fixed(run.memory.startRssMb, 0)} MB when it started; ` +
        `${Object.entries(run.memory.phasePeaksMb)
          .map(([phase, mb]) => `${phase} ${fixed(mb, 0)} MB`)
          .join(', ')}; ` +
        `peak heap ${fixed(run.memory.peakHeapMb, 0)} MB; ${liveHeap(run.memory)}), ` +
        `${fixed(run.totalMs / 1000)} s in all (parse+validate ${fixed(run.phases.upload / 1000)} s, run ${fixed(run.phases.run / 1000)} s; ` +
        `validated again beside it in ${fixed((run.phases.revalidate ?? 0) / 1000)} s), ` +
        `${count(Math.round(perSecond(run.rows, run.totalMs)))} rows/s; counts ${JSON.stringify(run.counts)}.`
    );
  }
  if (bigs.length > 1) {
    console.log('');
    console.log(
      formatTable(
        ['file', 'rows', 'detected', 'MB', 'rows/s', 'vs UTF-8 CSV', 'peak RSS MB'],
        bigs.map((run) => {
          const rate = perSecond(run.rows, run.totalMs);
          const utf8 = utf8Of(run);
          return [
            `${BIG_FORMATS[run.format].name} (${run.label})`,
            count(run.rows),
            run.encoding ?? run.format,
            fixed(run.bytes / 1024 / 1024),
            count(Math.round(rate)),
            utf8 ? times(perSecond(utf8.rows, utf8.totalMs) / rate) : '-',
            fixed(run.memory.peakRssMb, 0),
          ];
        })
      )
    );
  }
  console.log('');
  printEventLoop(results, bigs);

  const verdict = (ok) => (ok ? 'met' : 'NOT met');
  for (const r of results) {
    const importRate = perSecond(r.rows, r.import.totalMs);
    const rawRate = perSecond(r.raw.rows, r.raw.ms);
    console.log(
      `${r.label}: targets — ≥${TARGETS.perRow}x per-row: ${verdict(importRate / r.perRow.rowsPerSecond >= TARGETS.perRow)}; ` +
        `within ${TARGETS.raw}x of raw: ${verdict(rawRate / importRate <= TARGETS.raw)}; ` +
        `upsert within ${TARGETS.upsert}x of create: ${verdict(r.upsert.totalMs / r.import.totalMs <= TARGETS.upsert)}.`
    );
    console.log(
      `  counts ${JSON.stringify(r.import.counts)}; ${count(r.import.stored)} contacts and ${count(r.import.linked)} company links written; ` +
        `raw load wrote ${count(r.raw.stored)} contacts (${r.raw.columns.length} columns) and ${count(r.raw.linked)} links. ` +
        `Per-row: ${count(r.perRow.calls)} creates in ${fixed(r.perRow.ms / 1000)} s. CSV ${fixed(r.bytes / 1024 / 1024)} MB; data set up in ${fixed(r.dataMs / 1000)} s.`
    );
    const staging = Object.entries(r.import.staging)
      .filter(([, t]) => t.calls > 0)
      .map(([name, t]) => `${name} ${fixed(t.ms / 1000)} s/${count(t.calls)} calls`)
      .join(', ');
    console.log(`  staging service time: ${staging}`);
    const phaseMs = {
      'parse+validate': r.import.phases.upload,
      decide: r.import.phases.decide,
      run: r.import.phases.run,
    };
    const rows = Object.entries(r.import.sql).flatMap(([phase, kinds]) => {
      const sqlMs = kinds.reduce((sum, k) => sum + k.ms, 0);
      const top = kinds
        .slice(0, 6)
        .map((k) => [
          r.label,
          phase,
          k.kind,
          count(k.count),
          fixed(k.ms / 1000, 2),
          fixed(k.maxMs, 1),
        ]);
      const wall = phaseMs[phase];
      return [
        ...top,
        [
          r.label,
          phase,
          wall === undefined ? '(all SQL)' : '(wall - SQL: JS, waits; <0 = overlap)',
          '-',
          wall === undefined ? fixed(sqlMs / 1000, 2) : fixed((wall - sqlMs) / 1000, 2),
          '-',
        ],
      ];
    });
    console.log('');
    console.log(
      formatTable(
        ['database', 'phase', 'statement kind', 'statements', 'seconds', 'longest ms'],
        rows
      )
    );
    require('./lib/cpu-profile').printProfiles(r.label, r.import.profiles, { fixed });
    console.log('');
  }
  for (const { label, reason } of skipped) console.log(`${label}: not benchmarked — ${reason}`);
  for (const run of bigs) {
    const utf8 = utf8Of(run);
    console.log(
      `Event loop during the ${count(run.rows)}-row ${BIG_FORMATS[run.format].name} import on ${run.label} (p99 ≤ ${TARGETS.eventLoopP99Ms} ms): ` +
        `p99 ${fixed(run.eventLoop.all.p99Ms)} ms, max ${fixed(run.eventLoop.all.maxMs)} ms: ${verdict(run.eventLoop.all.p99Ms <= TARGETS.eventLoopP99Ms)}.`
    );
    if (run.search)
      console.log(
        `Quick search beside it (p95 ≤ ${TARGETS.searchRatio}x idle): ${searchLine(run.search)}: ` +
          `${verdict(run.search.during.p95Ms / run.search.idle.p95Ms <= TARGETS.searchRatio && run.search.during.failures === 0)}.`
      );
    console.log(
      `Memory target for ${BIG_FORMATS[run.format].name} (<${TARGETS.memoryMb} MB for ${count(run.rows)} rows): ${verdict(run.memory.peakRssMb < TARGETS.memoryMb)}` +
        (run.format === 'csv'
          ? '.'
          : !utf8
            ? `; speed not compared (no UTF-8 CSV run: add csv to BENCH_BIG_FORMATS).`
            : `; within ${TARGETS.formatRatio}x of the UTF-8 CSV's rows/s: ${verdict(perSecond(utf8.rows, utf8.totalMs) / perSecond(run.rows, run.totalMs) <= TARGETS.formatRatio)}.`)
    );
  }
  console.log(
    [
      'per-row = documents(contact).create one after another (company set by documentId; unknown companies left out), extrapolated.',
      'raw = the imported rows (validated values, same company ids) into crm_contacts + crm_contacts_company_lnk; SQLite: one',
      '  prepared statement per table in one transaction (better-sqlite3); PostgreSQL: COPY via pg-copy-streams, one transaction.',
      'raw/import = how many times slower the import is than the raw load; peak RSS sampled every 100 ms during the import.',
      `${os.cpus().length} CPUs; 1-minute load average ${loadBefore.toFixed(2)} at start, ${os.loadavg()[0].toFixed(2)} at end.`,
      `Total run time ${fixed(totalMs / 1000)} s.`,
    ].join('\n')
  );
};

/** Rows per second of an existing-database run: the import's wall time, the reference-data view left out. */
const existingRate = (run) => perSecond(run.rows, run.totalMs - (run.phases.referenceData ?? 0));

const printExistingReport = (pairs, skipped, { existing, totalMs, loadBefore }) => {
  console.log('');
  console.log(
    `CSV import of contacts into a database of ${count(existing)} customers, beside the same file into an empty database holding only the businesses it names`
  );
  console.log('');
  console.log(
    formatTable(
      [
        'database',
        'customers before',
        'rows',
        'matched rows',
        'groups',
        'rows/s',
        'parse+validate s',
        'reference data s',
        'run s',
        'peak RSS MB',
        'empty-db rows/s / this',
      ],
      pairs.flatMap(({ full, empty }) =>
        [full, empty]
          .filter(Boolean)
          .map((run) => [
            `${run.label} ${run.version}${run.target === 'empty' ? ' (empty)' : ''}`,
            count(run.customersBefore),
            count(run.rows),
            count(run.matched),
            count(run.phases.groups ?? 0),
            count(Math.round(existingRate(run))),
            fixed(run.phases.upload / 1000),
            fixed((run.phases.referenceData ?? 0) / 1000),
            fixed(run.phases.run / 1000),
            fixed(run.memory.peakRssMb, 0),
            run.target === 'empty' || !empty ? '-' : times(existingRate(empty) / existingRate(run)),
          ])
      )
    )
  );
  console.log('');
  const verdict = (ok) => (ok ? 'met' : 'NOT met');
  for (const { full, empty } of pairs) {
    if (!full) continue;
    console.log(
      `${full.label}: file mix ${JSON.stringify(full.mix)}; counts ${JSON.stringify(full.counts)}; ` +
        `${count(full.phases.suggested ?? 0)} of ${count(full.phases.groups ?? 0)} unmatched companies with suggestions.`
    );
    for (const run of [full, empty].filter(Boolean))
      console.log(
        `  ${run.target === 'empty' ? 'empty database' : `${count(run.existing)} customers`} (${boot.heapNote(run.heapMb)}): RSS ${fixed(run.memory.startRssMb, 0)} MB when the import started; peaks ` +
          Object.entries(run.memory.phasePeaksMb)
            .map(([phase, mb]) => `${phase} ${fixed(mb, 0)} MB`)
            .join(', ') +
          `; peak heap ${fixed(run.memory.peakHeapMb, 0)} MB; ${liveHeap(run.memory)}.`
      );
    console.log(
      `${full.label}: targets — peak RSS ≤ ${TARGETS.memoryMb} MB: ${verdict(full.memory.peakRssMb <= TARGETS.memoryMb)} (${fixed(full.memory.peakRssMb, 0)} MB); ` +
        (empty
          ? `rows/s within ${TARGETS.existingRatio}x of the empty database: ${verdict(existingRate(empty) / existingRate(full) <= TARGETS.existingRatio)} (${times(existingRate(empty) / existingRate(full))}).`
          : 'no empty-database run to compare with.')
    );
  }
  for (const { label, reason } of skipped) console.log(`${label}: not benchmarked — ${reason}`);
  console.log(
    [
      'rows/s = rows / (upload + decide + run wall time); the reference-data view (suggestions for every unmatched company) is timed apart.',
      'Each import runs in a child process of its own; peak RSS is that process sampled every 100 ms during the import.',
      `${os.cpus().length} CPUs; 1-minute load average ${loadBefore.toFixed(2)} at start, ${os.loadavg()[0].toFixed(2)} at end.`,
      `Total run time ${fixed(totalMs / 1000)} s.`,
    ].join('\n')
  );
};

/** `--existing N`: the seed of N customers (bench:seed, reused when present), then both imports per database. */
const parentExisting = async (existing) => {
  const started = process.hrtime.bigint();
  const loadBefore = os.loadavg()[0];
  const wanted = (process.env.BENCH_DATABASES || 'sqlite,postgres')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
  const csv = join(boot.ROOT, '.tmp', `bench-import-existing-${process.pid}.csv`);
  const pairs = [];
  const skipped = [];
  try {
    for (const client of wanted) {
      if (client === 'postgres') {
        const answer = await boot.postgresReachable();
        if (!answer.ok) {
          skipped.push({
            label: labelOf(client),
            reason: `PostgreSQL not reachable (${answer.reason})`,
          });
          continue;
        }
      }
      // Seeded once and kept; the second call boots on the seed, so the plugin's start-up work
      // on a million rows (company keys, duplicate keys) is done there once, not on every copy.
      for (let i = 0; i < 2; i += 1)
        execFileSync(
          process.execPath,
          [join(__dirname, 'seed.js'), '--customers', String(existing), '--database', client],
          { cwd: boot.ROOT, stdio: 'inherit' }
        );
      const pair = {};
      for (const target of ['existing', 'empty']) {
        try {
          pair[target === 'existing' ? 'full' : 'empty'] = await boot.runChild(__filename, [
            '--db',
            client,
            '--parent',
            String(process.pid),
            '--existing',
            String(existing),
            '--existing-target',
            target,
            '--csv',
            csv,
          ]);
        } catch (error) {
          skipped.push({ label: `${labelOf(client)} (${target})`, reason: error.message });
          break;
        }
      }
      pairs.push(pair);
    }
  } finally {
    rmSync(csv, { force: true });
    rmSync(`${csv}.json`, { force: true });
  }
  printExistingReport(pairs, skipped, { existing, totalMs: msSince(started), loadBefore });
  if (!pairs.some((pair) => pair.full)) process.exitCode = 1;
};

const parent = async () => {
  const started = process.hrtime.bigint();
  const loadBefore = os.loadavg()[0];
  const options = settings();
  boot.compileServer();

  const existing = Number(argument('existing') || 0);
  if (existing > 0) {
    for (const signal of ['SIGINT', 'SIGTERM'])
      process.once(signal, async () => {
        await boot.stopChildren();
        process.exit(130);
      });
    await parentExisting(existing);
    return;
  }

  let current;
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.once(signal, async () => {
      console.log(`\n${signal}: stopping and dropping the benchmark database.`);
      await boot.stopChildren();
      if (current) await boot.dropDatabase(current).catch(() => {});
      process.exit(130);
    });
  }

  const reachable = async (client) => {
    if (client !== 'postgres') return true;
    const answer = await boot.postgresReachable();
    if (!answer.ok) console.log(`PostgreSQL not reachable (${answer.reason}).`);
    return answer.ok ? true : answer.reason;
  };

  const wanted = (process.env.BENCH_DATABASES || 'sqlite,postgres')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
  const results = [];
  const skipped = [];
  const bigs = [];
  const runs = wanted.map((client) => ({ client, name: 'import', args: [] }));
  if (options.bigRows > 0)
    for (const client of options.bigDatabases)
      for (const format of options.bigFormats)
        runs.push({
          client,
          name: 'import-big',
          args: ['--big', String(options.bigRows), '--format', format],
        });
  for (const run of runs) {
    const ok = await reachable(run.client);
    if (ok !== true) {
      skipped.push({ label: labelOf(run.client), reason: `PostgreSQL not reachable (${ok})` });
      continue;
    }
    // One child at a time: on a small machine two would compete for the same cores.
    current = boot.databaseFor(run.client, run.name);
    try {
      const result = await boot.runChild(__filename, [
        '--db',
        run.client,
        '--parent',
        String(process.pid),
        ...run.args,
      ]);
      if (run.name === 'import-big') bigs.push(result);
      else results.push(result);
    } catch (error) {
      skipped.push({
        label: `${labelOf(run.client)}${run.name === 'import-big' ? ' (memory run)' : ''}`,
        reason: error.message,
      });
    } finally {
      await boot.dropDatabase(current).catch(() => {});
      current = undefined;
    }
  }
  printReport(results, bigs, skipped, { totalMs: msSince(started), loadBefore });
  if (results.length === 0) process.exitCode = 1;
};

(argument('db') ? child() : parent()).catch((error) => {
  console.error(error);
  process.exit(1);
});

'use strict';

/**
 * `npm run bench:search -- --customers 1000000`: the quick search and the customer API at scale.
 *
 * Per database (SQLite, then PostgreSQL when one answers), a child process seeds the database once
 * (`bench/seed.js`, kept under .tmp/bench/ or as crm_bench_seed_<N> and reused by later runs),
 * boots Strapi on it with its HTTP server on a free port, and makes a crm_sales user (staff, with
 * a users-permissions JWT). This process, the client, then:
 * 1. after 1,000 other searches to warm the server up (BENCH_WARMUP_SEARCHES), sends 500 quick
 *    searches of mixed kinds — name fragments (the start of a last name, an inner fragment, "first
 *    last-start"), customer numbers, emails, phone digits — one after another to
 *    `GET /api/crm/customers/search?q=` (the index), each timed from request to last byte;
 * 2. sends the same searches, in the same order, to `GET /api/crm/customers` with the `$containsi`
 *    filters the search used before the index (every word in a name, the number or an email; or
 *    the digits in a phone number), page size 25 with its total, as a client without the index
 *    would; these stop at a time budget (BENCH_CONTAINS_BUDGET_S, 120 s), the report says after
 *    how many;
 * 3. runs autocannon with 50 connections for 20 s on `GET /api/crm/customers/:id?populate=*`, each
 *    request for a random one of 1,000 customers, timeout 30 s; then the same load on the host
 *    app's plain reference type, `GET /api/reference-customers/:id?populate=*` (src/api/reference-*:
 *    the customer's fields and relations without the CRM's middlewares, policies and rules, holding
 *    a copy of the same rows, see bench/lib/reference-seed.js), and the ratios of the two.
 * and prints its tables. Options: `--customers N` (1,000,000), `--queries N` (500), `--databases
 * sqlite,postgres`, `--no-build`; BENCH_DURATION_S (20), BENCH_WARMUP_S (3, before each load),
 * BENCH_CONNECTIONS (50); BENCH_ONLY=index runs the quick searches only, BENCH_ONLY=load skips the $containsi ones; BENCH_SQL_PROFILE=1
 * prints the statements by total time, BENCH_CPU_PROF=<dir> writes a CPU profile of the server during each load and prints its summary.
 */

const { fork } = require('node:child_process');
const { readFileSync } = require('node:fs');
const os = require('node:os');
const { monitorEventLoopDelay } = require('node:perf_hooks');

const boot = require('./lib/boot');
const { phaseProfiler, summarizeProfile } = require('./lib/cpu-profile');
const { loginAs, serve: serveHttp } = require('./lib/http-app');
const { ensureReferenceRows, grantReferenceReads } = require('./lib/reference-seed');
const { count, fixed, formatTable, msSince, percentile } = require('./lib/stats');

const argument = (name, fallback) => {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? fallback : process.argv[index + 1];
};
const { labelOf } = boot;
const CUSTOMER_UID = 'plugin::crm.customer';
// A server that just booted runs its code unoptimised for its first few hundred requests; the
// searches are measured as a server in use answers them.
const WARM_UP_SEARCHES = Number(process.env.BENCH_WARMUP_SEARCHES || 1000);

// ---------------------------------------------------------------------------------------------
// Child: the server.

/**
 * Mixed quick-search queries drawn from real rows, the same on both databases for the same `seed`
 * (seeded generator).
 */
const buildQueries = async (app, total, wanted, seed = 4242) => {
  const { generator } = require('./lib/seed-data');
  const random = generator(seed);
  const knex = app.db.connection;
  const customerTable = boot.tableOf(app, CUSTOMER_UID);
  const ids = Array.from({ length: wanted * 2 }, () => 1 + random.int(total));
  const customers = await knex(customerTable)
    .select('id', 'customer_number', 'first_name', 'last_name', 'business_name')
    .whereIn('id', ids);
  const byId = new Map(customers.map((c) => [Number(c.id), c]));
  const emailLink = boot.linkOf(app, 'plugin::crm.email', 'customer');
  const phoneLink = boot.linkOf(app, 'plugin::crm.phone', 'customer');
  const emails = await knex(`${emailLink.table} as l`)
    .join('crm_emails as e', 'e.id', `l.${emailLink.owner}`)
    .select(`l.${emailLink.target} as id`, 'e.address')
    .whereIn(`l.${emailLink.target}`, ids);
  const phones = await knex(`${phoneLink.table} as l`)
    .join('crm_phones as p', 'p.id', `l.${phoneLink.owner}`)
    .select(`l.${phoneLink.target} as id`, 'p.number')
    .whereIn(`l.${phoneLink.target}`, ids);
  const fragment = (name) => {
    const length = 3 + random.int(3);
    const start = random.int(Math.max(1, name.length - length));
    return name.slice(start, start + length);
  };
  const kinds = ['name', 'number', 'name', 'email', 'name', 'phone'];
  const queries = [];
  for (let i = 0; queries.length < wanted && i < 10 * wanted; i += 1) {
    const kind = kinds[queries.length % kinds.length];
    const customer = byId.get(ids[random.int(ids.length)]);
    if (!customer) continue;
    if (kind === 'name') {
      const name = customer.last_name || customer.business_name;
      const style = random.int(3);
      if (style === 0) queries.push({ kind, q: name.slice(0, 4 + random.int(3)) });
      else if (style === 1) {
        // A fragment across a space ("n M") has no word the search accepts (a 400 by design).
        const q = fragment(name);
        if (q.split(' ').some((word) => word.length >= 2)) queries.push({ kind, q });
      } else if (customer.first_name)
        queries.push({ kind, q: `${customer.first_name} ${customer.last_name.slice(0, 3)}` });
      else queries.push({ kind, q: customer.business_name.split(' ')[0] });
    } else if (kind === 'number') {
      queries.push({ kind, q: customer.customer_number });
    } else if (kind === 'email') {
      const email = emails.find((row) => Number(row.id) === customer.id);
      if (email)
        queries.push({
          kind,
          q: random.next() < 0.7 ? email.address : email.address.split('@')[0],
        });
    } else {
      const phone = phones.find((row) => Number(row.id) === customer.id);
      // The last 7 or all 10 national digits, as staff type them from a caller's number.
      if (phone)
        queries.push({
          kind,
          q: random.next() < 0.5 ? phone.number.slice(-7) : phone.number.slice(-10),
        });
    }
  }
  return queries;
};

const serverVersion = async (app) =>
  app.db.dialect.client === 'postgres'
    ? (await app.db.connection.raw('SHOW server_version')).rows[0].server_version.split(' ')[0]
    : (await app.db.connection.raw('SELECT sqlite_version() AS version'))[0].version;

const child = async () => {
  const client = argument('db');
  const customers = Number(argument('customers'));
  const queries = Number(argument('queries'));
  const { seedDatabase, ensureSeeded } = require('./seed');
  const started = process.hrtime.bigint();
  const { app, seeded } = await ensureSeeded(seedDatabase(client, customers), customers, {
    progress: boot.progress,
  });
  const seedSeconds = seeded ? seeded.seconds : null;
  boot.progress(
    `[${client}] ready after ${fixed(msSince(started) / 1000)} s; starting the HTTP server…`
  );
  const { port, base } = await serveHttp(app);

  const role = await app.db
    .query('plugin::users-permissions.role')
    .findOne({ where: { type: 'crm_sales' } });
  boot.progress(`[${client}] copying the customers into the reference type…`);
  const referenceSeconds = await ensureReferenceRows(app);
  await grantReferenceReads(app, role);
  const { jwt } = await loginAs(app, base, 'crm_sales');
  const sample = await app.db
    .connection(boot.tableOf(app, CUSTOMER_UID))
    .whereIn(
      'id',
      Array.from({ length: 1000 }, (_, i) => 1 + Math.floor((i * customers) / 1000))
    )
    .pluck('document_id');
  process.send({
    type: 'ready',
    port,
    jwt,
    documentIds: sample,
    queries: await buildQueries(app, customers, queries),
    // Other customers than the measured ones, so the warm-up does not cache what is measured.
    warmUpQueries: await buildQueries(app, customers, WARM_UP_SEARCHES, 9191),
    version: await serverVersion(app),
    seedSeconds,
    referenceSeconds,
    indexInStep: await app.plugin('crm').service('search-index').inStep(),
  });
  // BENCH_SQL_PROFILE=1: time per statement (SQL text, bindings left out) of each load, printed
  // when it ends.
  let statements = new Map();
  if (process.env.BENCH_SQL_PROFILE) {
    const started = new Map();
    app.db.connection.on('query', (query) =>
      started.set(query.__knexQueryUid, { at: process.hrtime.bigint(), sql: query.sql })
    );
    app.db.connection.on('query-response', (_result, query) => {
      const start = started.get(query.__knexQueryUid);
      if (!start) return;
      started.delete(query.__knexQueryUid);
      const key = start.sql.replace(/\s+/g, ' ').slice(0, 400);
      const entry = statements.get(key) || { count: 0, ms: 0 };
      entry.count += 1;
      entry.ms += msSince(start.at);
      statements.set(key, entry);
    });
  }
  const printStatements = (title) => {
    if (!process.env.BENCH_SQL_PROFILE) return;
    console.log(`SQL of ${title}: total ms, calls, ms per call, statement`);
    for (const [sql, { count: n, ms }] of [...statements]
      .sort((a, b) => b[1].ms - a[1].ms)
      .slice(0, 25)) {
      console.log(
        `${fixed(ms, 0).padStart(7)} ms ${String(n).padStart(6)}x ${fixed(ms / n, 2).padStart(7)} ms  ${sql}`
      );
    }
  };
  // BENCH_CPU_PROF=<dir>: a CPU profile of each load, written there and summed up.
  const profiler = phaseProfiler(process.env.BENCH_CPU_PROF, `search-${client}`);
  const printProfile = (title, file) => {
    const { totalMs, areas, functions } = summarizeProfile(
      JSON.parse(readFileSync(file, 'utf8')),
      30
    );
    console.log(`CPU of ${title} (${file}): ${fixed(totalMs, 0)} ms sampled`);
    for (const { area, ms } of areas) console.log(`${fixed(ms, 0).padStart(7)} ms  ${area}`);
    for (const { name, where, ms } of functions)
      console.log(`${fixed(ms, 0).padStart(7)} ms  ${name}  ${where}`);
  };
  // How long the server's event loop was held during each load: a long hold (a synchronous
  // statement, a checkpoint, a collection) delays every request waiting behind it.
  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  loopDelay.enable();
  // Each request's time inside the server, from its arrival to its answer's last byte handed to
  // the socket: what the client measures beyond it was spent waiting to be read.
  let served = [];
  app.server.httpServer.on('request', (_request, response) => {
    const arrived = process.hrtime.bigint();
    response.on('finish', () => served.push(msSince(arrived)));
  });
  process.on('message', async (message) => {
    if (message?.type === 'load-start') {
      statements = new Map();
      served = [];
      loopDelay.reset();
      await profiler.start(message.name);
      process.send({ type: 'load-started', name: message.name });
      return;
    }
    if (message?.type === 'load-end') {
      printStatements(message.name);
      const file = await profiler.stop();
      if (file) printProfile(message.name, file);
      process.send({
        type: 'load-loop',
        name: message.name,
        loop: {
          p50: loopDelay.percentile(50) / 1e6,
          p99: loopDelay.percentile(99) / 1e6,
          max: loopDelay.max / 1e6,
        },
        served: (() => {
          const sorted = served.sort((a, b) => a - b);
          return { p50: percentile(sorted, 50), p99: percentile(sorted, 99) };
        })(),
      });
      return;
    }
    if (message?.type !== 'stop') return;
    // Requests autocannon gave up on may still be queued: the seeded database is kept, so exit
    // without waiting for them (the connections close with the process).
    process.exit(0);
  });
};

// ---------------------------------------------------------------------------------------------
// Parent: the client.

/** What the search did with `$containsi` before the index, as filters of the customers route. */
const containsFilters = (q) => {
  const words = q.trim().split(/\s+/).filter(Boolean).slice(0, 5);
  const params = new URLSearchParams();
  const digits = /^[\d\s+().\-/]+$/.test(q) ? q.replace(/\D/g, '') : '';
  words.forEach((word, w) => {
    const base = `filters[$or][0][$and][${w}][$or]`;
    ['firstName', 'lastName', 'middleName', 'businessName', 'customerNumber'].forEach((field, f) =>
      params.append(`${base}[${f}][${field}][$containsi]`, word)
    );
    params.append(`${base}[5][emails][address][$contains]`, word.toLowerCase());
  });
  if (digits.length >= 3) params.append('filters[$or][1][phones][number][$contains]', digits);
  params.append('sort', 'customerNumber:asc');
  params.append('pagination[pageSize]', '25');
  return params.toString();
};

const timeRequests = async (base, jwt, paths, budgetMs = Infinity) => {
  const samples = [];
  const kinds = [];
  let failures = 0;
  const started = process.hrtime.bigint();
  for (const { path, kind } of paths) {
    const start = process.hrtime.bigint();
    const response = await fetch(`${base}${path}`, { headers: { Authorization: `Bearer ${jwt}` } });
    const body = await response.text();
    if (response.status !== 200 && failures === 0) console.log(`  ${body.slice(0, 300)}`);
    samples.push(msSince(start));
    kinds.push(kind);
    if (response.status !== 200) {
      failures += 1;
      if (failures === 1) console.log(`  first failure: ${response.status} ${path}`);
    }
    if (msSince(started) > budgetMs && samples.length >= 20) break;
  }
  const sorted = [...samples].sort((a, b) => a - b);
  const byKind = {};
  for (const kind of new Set(kinds)) {
    const mine = samples.filter((_, i) => kinds[i] === kind).sort((a, b) => a - b);
    byKind[kind] = { calls: mine.length, p50: percentile(mine, 50), p95: percentile(mine, 95) };
  }
  return {
    calls: samples.length,
    failures,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    byKind,
  };
};

/**
 * autocannon on `pathOf(documentId)`, each request for the next of `documentIds` (a stride through
 * them, so consecutive requests read different customers). `duration` in seconds.
 */
const loadTest = async (base, jwt, documentIds, pathOf, duration) => {
  const autocannon = require('autocannon');
  const connections = Number(process.env.BENCH_CONNECTIONS || 50);
  let next = 0;
  const result = await autocannon({
    url: base,
    connections,
    duration,
    timeout: 30,
    headers: { Authorization: `Bearer ${jwt}` },
    requests: [
      {
        method: 'GET',
        setupRequest: (request) => {
          next = (next + 7919) % documentIds.length;
          return { ...request, path: pathOf(documentIds[next]) };
        },
      },
    ],
  });
  return {
    connections,
    duration,
    requests: result.requests.total,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
  };
};

/** The CRM's customer route and the plain reference type's (bench/lib/reference-seed.js). */
const LOAD_TARGETS = [
  { name: 'crm', path: (id) => `/api/crm/customers/${id}?populate=*` },
  { name: 'reference', path: (id) => `/api/reference-customers/${id}?populate=*` },
];

/**
 * The same load on the CRM's route and on the reference's, one after the other, each after a short
 * warm-up of its own (BENCH_WARMUP_S, 3 s) so neither is measured on cold caches.
 */
/** The worker's next message of `type` about the load `name`. */
const answerOf = (worker, type, name) =>
  new Promise((resolve) => {
    const listen = (message) => {
      if (message?.type !== type || message.name !== name) return;
      worker.off('message', listen);
      resolve(message);
    };
    worker.on('message', listen);
  });

const loadBoth = async (client, worker, base, jwt, documentIds) => {
  const duration = Number(process.env.BENCH_DURATION_S || 20);
  const warmup = Number(process.env.BENCH_WARMUP_S || 3);
  const load = {};
  for (const target of LOAD_TARGETS) {
    if (warmup > 0) await loadTest(base, jwt, documentIds, target.path, warmup);
    console.log(`[${client}] GET ${target.path(':id')} under load…`);
    const started = answerOf(worker, 'load-started', target.name);
    worker.send({ type: 'load-start', name: target.name });
    await started;
    const measured = await loadTest(base, jwt, documentIds, target.path, duration);
    const loop = answerOf(worker, 'load-loop', target.name);
    worker.send({ type: 'load-end', name: target.name });
    const { loop: eventLoop, served } = await loop;
    const r = (load[target.name] = { ...measured, loop: eventLoop, served });
    console.log(
      `[${client}]   ${fixed(r.rps, 0)} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms, max ${r.max} ms, errors ${r.errors}, timeouts ${r.timeouts}, non-2xx ${r.non2xx}; ` +
        `in the server p50 ${fixed(served.p50)} ms, p99 ${fixed(served.p99)} ms; event loop delay p99 ${fixed(eventLoop.p99)} ms, max ${fixed(eventLoop.max)} ms`
    );
  }
  return load;
};

const runDatabase = (client, options) =>
  new Promise((resolve, reject) => {
    const worker = fork(
      __filename,
      [
        '--db',
        client,
        '--customers',
        String(options.customers),
        '--queries',
        String(options.queries),
      ],
      { stdio: 'inherit', execArgv: boot.appNodeFlags() }
    );
    let done = false;
    worker.on('message', async (message) => {
      if (message?.type === 'progress') console.log(message.text);
      if (message?.type !== 'ready') return;
      try {
        const base = `http://127.0.0.1:${message.port}`;
        const queries = message.queries;
        const indexPaths = queries.map(({ q, kind }) => ({
          kind,
          path: `/api/crm/customers/search?q=${encodeURIComponent(q)}`,
        }));
        console.log(`[${client}] warming up with ${message.warmUpQueries.length} other searches…`);
        await timeRequests(
          base,
          message.jwt,
          message.warmUpQueries.map(({ q }) => ({
            kind: 'warm-up',
            path: `/api/crm/customers/search?q=${encodeURIComponent(q)}`,
          }))
        );
        console.log(`[${client}] ${queries.length} quick searches through the index…`);
        const index = await timeRequests(base, message.jwt, indexPaths);
        console.log(
          `[${client}]   p50 ${fixed(index.p50, 1)} ms, p95 ${fixed(index.p95, 1)} ms, p99 ${fixed(index.p99, 1)} ms`
        );
        // BENCH_ONLY=index or =load: the quick searches alone, or with the load; no $containsi.
        const only = process.env.BENCH_ONLY;
        if (only === 'index' || only === 'load') {
          const load =
            only === 'load'
              ? await loadBoth(client, worker, base, message.jwt, message.documentIds)
              : {};
          done = true;
          resolve({
            client,
            label: labelOf(client),
            version: message.version,
            seedSeconds: message.seedSeconds,
            referenceSeconds: message.referenceSeconds,
            inStep: message.indexInStep,
            index,
            contains: index,
            indexSame: index,
            load,
          });
          return;
        }
        console.log(
          `[${client}] the same searches with $containsi filters (budget ${options.containsBudgetS} s)…`
        );
        const containsPaths = queries.map(({ q, kind }) => ({
          kind,
          path: `/api/crm/customers?${containsFilters(q)}`,
        }));
        const contains = await timeRequests(
          base,
          message.jwt,
          containsPaths,
          options.containsBudgetS * 1000
        );
        // The ratio compares the queries both ran.
        const indexSame = await timeRequests(
          base,
          message.jwt,
          indexPaths.slice(0, contains.calls)
        );
        console.log(
          `[${client}]   ${contains.calls} calls: p50 ${fixed(contains.p50, 1)} ms, p95 ${fixed(contains.p95, 1)} ms`
        );
        const load = await loadBoth(client, worker, base, message.jwt, message.documentIds);
        done = true;
        resolve({
          client,
          label: labelOf(client),
          version: message.version,
          seedSeconds: message.seedSeconds,
          referenceSeconds: message.referenceSeconds,
          inStep: message.indexInStep,
          index,
          contains,
          indexSame,
          load,
        });
      } catch (error) {
        reject(error);
      } finally {
        worker.send({ type: 'stop' });
      }
    });
    worker.on('exit', (code) => {
      if (!done)
        reject(
          new Error(`${client}: the server exited (code ${code}) before the benchmark finished`)
        );
    });
  });

const printReport = (results, skipped, options, { totalMs, loadBefore }) => {
  console.log('');
  console.log(
    `Quick search, ${count(options.customers)} customers: ${options.queries} searches of mixed kinds, one at a time, through HTTP (crm_sales JWT); target: index p95 ≤ 20 ms at 1,000,000 customers`
  );
  console.log('');
  const rows = [];
  for (const r of results) {
    rows.push([
      r.label,
      'index  /customers/search',
      count(r.index.calls),
      fixed(r.index.p50),
      fixed(r.index.p95),
      fixed(r.index.p99),
      '',
    ]);
    rows.push([
      r.label,
      '$containsi  /customers?filters',
      count(r.contains.calls),
      fixed(r.contains.p50),
      fixed(r.contains.p95),
      fixed(r.contains.p99),
      `${fixed(r.contains.p50 / r.indexSame.p50, 0)}x / ${fixed(r.contains.p95 / r.indexSame.p95, 0)}x`,
    ]);
  }
  console.log(
    formatTable(
      ['database', 'endpoint', 'calls', 'p50 ms', 'p95 ms', 'p99 ms', 'ratio p50 / p95'],
      rows
    )
  );
  console.log('');
  console.log('Index p50 / p95 ms by kind of query');
  console.log('');
  const kinds = ['name', 'number', 'email', 'phone'];
  console.log(
    formatTable(
      ['database', ...kinds],
      results.map((r) => [
        r.label,
        ...kinds.map((kind) =>
          r.index.byKind[kind]
            ? `${fixed(r.index.byKind[kind].p50)} / ${fixed(r.index.byKind[kind].p95)}`
            : '-'
        ),
      ])
    )
  );
  console.log('');
  const loaded = results.filter((r) => r.load.crm);
  if (loaded.length > 0) {
    const { connections, duration } = loaded[0].load.crm;
    console.log(
      `GET …/:id?populate=* — autocannon, ${connections} connections, ${duration} s each, random customers; ` +
        'the CRM (/api/crm/customers) and, in the same run, the plain reference type with the same fields and relations (/api/reference-customers); ' +
        "loop: the server's event-loop delay during the load"
    );
    console.log('');
    const loadRows = [];
    for (const r of loaded) {
      for (const [name, label] of [
        ['crm', 'CRM /api/crm/customers'],
        ['reference', 'reference /api/reference-customers'],
      ]) {
        const l = r.load[name];
        loadRows.push([
          r.label,
          label,
          count(l.requests),
          fixed(l.rps, 0),
          count(l.p50),
          count(l.p99),
          count(l.max),
          count(l.errors),
          count(l.timeouts),
          count(l.non2xx),
          fixed(l.loop.p99),
          fixed(l.loop.max),
        ]);
      }
    }
    console.log(
      formatTable(
        [
          'database',
          'route',
          'requests',
          'req/s',
          'p50 ms',
          'p99 ms',
          'max ms',
          'errors',
          'timeouts',
          'non-2xx',
          'loop p99 ms',
          'loop max ms',
        ],
        loadRows
      )
    );
    console.log('');
    console.log('CRM against the reference (targets: req/s ≥ 0.8×, p99 ≤ 1.25×, p99 ≤ 1,000 ms)');
    console.log('');
    console.log(
      formatTable(
        ['database', 'req/s CRM / reference', 'p99 CRM / reference', 'CRM p99 ms'],
        loaded.map(({ label, load: { crm, reference } }) => [
          label,
          `${fixed(crm.rps / reference.rps, 2)}x`,
          `${fixed(crm.p99 / reference.p99, 2)}x`,
          count(crm.p99),
        ])
      )
    );
    console.log('');
  }
  for (const r of results) {
    console.log(
      `${r.label} ${r.version}: ${r.seedSeconds === null ? 'seeded database reused' : `seeded in ${fixed(r.seedSeconds)} s`}; ` +
        `reference rows ${r.referenceSeconds ? `copied in ${fixed(r.referenceSeconds)} s` : 'reused'}; index ${r.inStep ? 'in step' : 'NOT in step'}; ` +
        `failed searches: index ${r.index.failures}, $containsi ${r.contains.failures}` +
        (r.contains.calls < r.index.calls
          ? `; $containsi stopped at its time budget after ${r.contains.calls} of ${r.index.calls} searches (ratio over those)`
          : '')
    );
  }
  for (const { label, reason } of skipped) console.log(`${label}: not benchmarked — ${reason}`);
  console.log(
    `${os.cpus().length} CPUs; 1-minute load average ${loadBefore.toFixed(2)} at start, ${os.loadavg()[0].toFixed(2)} at end. Total ${fixed(totalMs / 1000)} s.`
  );
};

const parent = async () => {
  const started = process.hrtime.bigint();
  const loadBefore = os.loadavg()[0];
  const options = {
    customers: Number(argument('customers', 1000000)),
    queries: Number(argument('queries', 500)),
    containsBudgetS: Number(process.env.BENCH_CONTAINS_BUDGET_S || 120),
  };
  boot.compileServer();
  const { results, skipped } = await boot.onEachDatabase(
    argument('databases', process.env.BENCH_DATABASES || 'sqlite,postgres')
      .split(',')
      .map((s) => s.trim()),
    (client) => runDatabase(client, options)
  );
  printReport(results, skipped, options, { totalMs: msSince(started), loadBefore });
  if (results.length === 0) process.exitCode = 1;
};

(argument('db') ? child() : parent()).catch((error) => {
  console.error(error);
  process.exit(1);
});

'use strict';

const { PerformanceObserver, constants } = require('node:perf_hooks');

/**
 * Where a phase's database time goes: every statement knex sends is timed from its `query` event
 * to its `query-response` (or `query-error`) and summed by kind ("update crm_import_rows",
 * "insert crm_contacts", "select count crm_import_rows"…). The difference between a phase's wall
 * time and its summed SQL time is JavaScript work (parsing, validation, JSON) plus waits.
 *
 * The listener costs a Map lookup per statement; it stays on for the whole import so the phases
 * are measured the same way.
 *
 * On SQLite the import's bulk writes run prepared statements on the transaction's connection
 * without knex (one `statement.run` per row). `sqliteStatements` (given a connection's statement
 * prototype) times those too, as "insert crm_match_keys (prepared)" and so on: a statement
 * whose SQL knex has in flight is knex's own and counted once, by its events.
 */

const kindOf = (sql) => {
  const text = sql.trim().toLowerCase();
  const verb = text.split(/\s+/, 1)[0];
  // Schema-qualified names ("public"."crm_contacts" on PostgreSQL) count under the table name.
  const table =
    (text.match(/(?:into|update|from)\s+(?:[`"]?\w+[`"]?\.)?[`"]?(\w+)/) || [])[1] || '?';
  if (verb === 'select' && /^select\s+count\(/.test(text)) return `select count ${table}`;
  return `${verb} ${table}`;
};

const profileQueries = (knex, { sqliteStatements } = {}) => {
  const started = new Map();
  const inFlight = new Map(); // sql -> how many of knex's statements with it are running
  let phase = 'other';
  const phases = new Map(); // phase -> Map(kind -> { count, ms })

  const record = (phaseName, kind, ms) => {
    if (!phases.has(phaseName)) phases.set(phaseName, new Map());
    const kinds = phases.get(phaseName);
    const entry = kinds.get(kind) || { count: 0, ms: 0, maxMs: 0 };
    entry.count += 1;
    entry.ms += ms;
    // The longest one holds the event loop longest on SQLite, whose driver is synchronous.
    if (ms > entry.maxMs) entry.maxMs = ms;
    kinds.set(kind, entry);
  };
  const onQuery = (query) => {
    started.set(query.__knexQueryUid, { at: process.hrtime.bigint(), sql: query.sql, phase });
    inFlight.set(query.sql, (inFlight.get(query.sql) || 0) + 1);
  };
  const onDone = (_result, query) => {
    const start = started.get(query.__knexQueryUid);
    if (!start) return;
    started.delete(query.__knexQueryUid);
    const left = inFlight.get(start.sql) - 1;
    if (left) inFlight.set(start.sql, left);
    else inFlight.delete(start.sql);
    record(start.phase, kindOf(start.sql), Number(process.hrtime.bigint() - start.at) / 1e6);
  };
  knex.on('query', onQuery);
  knex.on('query-response', onDone);
  knex.on('query-error', onDone);

  // Writes through prepared statements outside knex (the SQLite bulk path).
  const restored = [];
  if (sqliteStatements)
    for (const method of ['run']) {
      const original = sqliteStatements[method];
      sqliteStatements[method] = function timed(...args) {
        if (inFlight.has(this.source)) return original.apply(this, args);
        const at = process.hrtime.bigint();
        try {
          return original.apply(this, args);
        } finally {
          record(
            phase,
            `${kindOf(this.source)} (prepared)`,
            Number(process.hrtime.bigint() - at) / 1e6
          );
        }
      };
      restored.push(() => (sqliteStatements[method] = original));
    }

  return {
    /** Statements sent from now on count towards `name`. */
    phase(name) {
      phase = name;
    },
    stop() {
      knex.removeListener('query', onQuery);
      knex.removeListener('query-response', onDone);
      knex.removeListener('query-error', onDone);
      for (const restore of restored) restore();
    },
    /** { phase: [{ kind, count, ms, maxMs }] } heaviest first, as plain JSON for the parent. */
    result() {
      return Object.fromEntries(
        [...phases].map(([name, kinds]) => [
          name,
          [...kinds].map(([kind, entry]) => ({ kind, ...entry })).sort((a, b) => b.ms - a.ms),
        ])
      );
    },
  };
};

/**
 * Samples the process's resident set size every `intervalMs` (100 ms: short enough to catch a
 * batch's peak, cheap enough not to matter). `phase(name)` starts a named phase; `stop()` returns
 * the peak, the first reading and the peak RSS of each phase, in MB.
 *
 * It also reads the heap in use just after each full collection of the main thread (when its
 * `gc` entry arrives, a moment later): what the heap still held, the live memory. The peak heap
 * beside it is mostly garbage V8 lets build up before collecting.
 */
const sampleMemory = (intervalMs = 100) => {
  const mb = (bytes) => bytes / 1024 / 1024;
  const first = process.memoryUsage();
  let peakRss = first.rss;
  let peakHeap = first.heapUsed;
  let liveAfterFullGc = 0;
  let fullGcs = 0;
  const collections = new PerformanceObserver((list) => {
    if (
      !list.getEntries().some((entry) => entry.detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR)
    )
      return;
    fullGcs += 1;
    liveAfterFullGc = Math.max(liveAfterFullGc, process.memoryUsage().heapUsed);
  });
  collections.observe({ entryTypes: ['gc'] });
  const phases = {};
  let current;
  const take = () => {
    const now = process.memoryUsage();
    if (now.rss > peakRss) peakRss = now.rss;
    if (now.heapUsed > peakHeap) peakHeap = now.heapUsed;
    if (current && now.rss > (phases[current] ?? 0)) phases[current] = now.rss;
  };
  const timer = setInterval(take, intervalMs);
  return {
    phase(name) {
      take();
      current = name;
    },
    stop() {
      clearInterval(timer);
      collections.disconnect();
      take();
      const phasePeaksMb = Object.fromEntries(
        Object.entries(phases).map(([name, rss]) => [name, mb(rss)])
      );
      return {
        startRssMb: mb(first.rss),
        peakRssMb: mb(peakRss),
        peakHeapMb: mb(peakHeap),
        /** the most the heap held just after a full collection (null: none happened) */
        liveHeapMb: fullGcs ? mb(liveAfterFullGc) : null,
        fullGcs,
        phasePeaksMb,
      };
    },
  };
};

module.exports = { profileQueries, sampleMemory, kindOf };

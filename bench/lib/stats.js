'use strict';

/**
 * Timing and reporting helpers shared by the benchmarks: run a call many times, reduce the samples
 * to percentiles, and print results as a plain-text table that can be pasted into a note as is.
 */

/** Milliseconds elapsed since `start` (a `process.hrtime.bigint()` reading). */
const msSince = (start) => Number(process.hrtime.bigint() - start) / 1e6;

/**
 * The p-th percentile of already sorted samples, nearest-rank method: always one of the measured
 * values (no interpolation), so a p95 is a latency some call really had.
 */
const percentile = (sorted, p) => {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
};

const summarize = (samples) => {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    calls: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    min: sorted[0],
    max: sorted[sorted.length - 1],
  };
};

/**
 * Calls `fn` `warmup` times untimed (plans cached, pools filled, JIT warm), then `calls` times one
 * after the other, each timed on its own: the calls never overlap, so a sample is one call's latency
 * rather than a share of a throughput figure. `budgetMs` stops the timed calls early (after at
 * least `minCalls`) when they run past it, and warm-up stops after a tenth of it (at least one
 * call), so one slow path cannot blow the benchmark's total run time.
 */
const timeCalls = async (fn, { calls, warmup = 5, budgetMs = Infinity, minCalls = 10 }) => {
  const warming = process.hrtime.bigint();
  for (let i = 0; i < warmup; i += 1) {
    await fn();
    if (msSince(warming) > budgetMs / 10) break;
  }
  const samples = [];
  const started = process.hrtime.bigint();
  for (let i = 0; i < calls; i += 1) {
    const start = process.hrtime.bigint();
    await fn();
    samples.push(msSince(start));
    if (samples.length >= minCalls && msSince(started) > budgetMs) break;
  }
  return { ...summarize(samples), samples };
};

/** A number with `digits` decimals, or a dash for a missing value, for table cells. */
const fixed = (value, digits = 1) =>
  value === undefined || value === null || Number.isNaN(value)
    ? '-'
    : Number(value).toFixed(digits);

/** 12345 -> "12,345": counts in the tables are easier to read grouped. */
const count = (value) =>
  value === undefined || value === null ? '-' : Number(value).toLocaleString('en-US');

/**
 * A plain-text table: header, a rule, one line per row, columns padded to their widest cell. Text
 * columns align left and numeric-looking ones right, so digits line up.
 */
const formatTable = (headers, rows) => {
  const cells = [headers, ...rows].map((row) => row.map((cell) => String(cell)));
  const widths = headers.map((_, col) => Math.max(...cells.map((row) => row[col].length)));
  const numeric = headers.map((_, col) =>
    rows.every((row) => /^[-\d.,x%×]+$/.test(String(row[col])))
  );
  const line = (row) =>
    row
      .map((cell, col) => (numeric[col] ? cell.padStart(widths[col]) : cell.padEnd(widths[col])))
      .join('  ')
      .trimEnd();
  return [
    line(cells[0]),
    widths.map((width) => '-'.repeat(width)).join('  '),
    ...cells.slice(1).map(line),
  ].join('\n');
};

module.exports = { msSince, percentile, summarize, timeCalls, fixed, count, formatTable };

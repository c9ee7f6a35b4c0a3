'use strict';

/**
 * CPU profiles of one phase of a benchmark's server, taken in the process itself through the
 * inspector (so a profile covers a phase, not the whole process as `--cpu-prof` would), and a
 * short summary of one: self time by area (the plugin, knex, the database driver, garbage
 * collection, idle = waiting on I/O…) and the functions with the most self time.
 */

const { mkdirSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

/**
 * `start(name)` begins a profile (ending the one running), `stop()` ends it and writes
 * `<dir>/<prefix>-<name>.cpuprofile`; resolves with the file's path. Does nothing without `dir`.
 */
const phaseProfiler = (dir, prefix) => {
  if (!dir) return { start: async () => {}, stop: async () => null, files: [] };
  const inspector = require('node:inspector');
  const session = new inspector.Session();
  session.connect();
  const post = (method, params = {}) =>
    new Promise((resolve, reject) =>
      session.post(method, params, (error, result) => (error ? reject(error) : resolve(result)))
    );
  let current = null;
  const files = [];
  const stop = async () => {
    if (!current) return null;
    const { profile } = await post('Profiler.stop');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `${prefix}-${current}.cpuprofile`);
    writeFileSync(file, JSON.stringify(profile));
    files.push(file);
    current = null;
    return file;
  };
  return {
    files,
    async start(name) {
      await stop();
      await post('Profiler.enable');
      // Microseconds; a long phase sampled every millisecond keeps millions of samples in memory.
      await post('Profiler.setSamplingInterval', {
        interval: Number(process.env.BENCH_CPU_PROF_INTERVAL_US || 1000),
      });
      await post('Profiler.start');
      current = name;
    },
    stop,
  };
};

const areaOf = (functionName, url) => {
  if (functionName === '(garbage collector)') return 'garbage collection';
  if (functionName === '(idle)') return 'idle (waiting on the database / I/O)';
  if (functionName === '(program)') return 'program (native, unattributed)';
  if (/plugins\/crm\/dist|strapi-plugin-crm/.test(url)) return 'crm plugin';
  if (/node_modules\/knex\//.test(url)) return 'knex';
  if (/node_modules\/better-sqlite3\//.test(url)) return 'better-sqlite3';
  if (/node_modules\/(pg|pg-protocol|pg-pool|pg-types)\//.test(url)) return 'pg driver';
  if (/node_modules\/@strapi\//.test(url)) return 'strapi';
  if (url.startsWith('node:') || url === '') return 'node internals / native';
  return 'other';
};

/** `{ totalMs, areas: [{ area, ms }], functions: [{ name, where, ms }] }`, heaviest first. */
const summarizeProfile = (profile, top = 15) => {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfMs = new Map();
  profile.samples.forEach((id, i) =>
    selfMs.set(id, (selfMs.get(id) || 0) + (profile.timeDeltas[i] || 0) / 1000)
  );
  const areas = new Map();
  const functions = new Map();
  let totalMs = 0;
  for (const [id, ms] of selfMs) {
    const { functionName, url, lineNumber } = nodes.get(id).callFrame;
    totalMs += ms;
    const area = areaOf(functionName, url);
    areas.set(area, (areas.get(area) || 0) + ms);
    const short = url.replace(/^.*node_modules\//, '').replace(/^.*\/src\/plugins\//, '');
    const key = `${functionName || '(anonymous)'}\t${short}:${lineNumber + 1}`;
    functions.set(key, (functions.get(key) || 0) + ms);
  }
  return {
    totalMs,
    areas: [...areas].map(([area, ms]) => ({ area, ms })).sort((a, b) => b.ms - a.ms),
    functions: [...functions]
      .map(([key, ms]) => {
        const [name, where] = key.split('\t');
        return { name, where, ms };
      })
      .sort((a, b) => b.ms - a.ms)
      .slice(0, top),
  };
};

/** Prints, for each profile file, where its time went: by area, then the heaviest functions. */
const printProfiles = (label, files, { fixed }) => {
  const { readFileSync } = require('node:fs');
  for (const file of files ?? []) {
    const summary = summarizeProfile(JSON.parse(readFileSync(file, 'utf8')));
    console.log('');
    console.log(`${label}: CPU profile ${file} (${fixed(summary.totalMs / 1000)} s sampled)`);
    console.log(
      `  by area: ${summary.areas.map(({ area, ms }) => `${area} ${fixed((100 * ms) / summary.totalMs, 0)}%`).join(', ')}`
    );
    for (const fn of summary.functions.slice(0, 12))
      console.log(`    ${fixed(fn.ms / 1000, 1).padStart(7)} s  ${fn.name}  ${fn.where}`);
  }
};

module.exports = { phaseProfiler, summarizeProfile, printProfiles };

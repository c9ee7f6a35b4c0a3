'use strict';

/**
 * Event-loop delay of this process, by phase: how long a timer waited beyond its time, sampled by
 * `perf_hooks.monitorEventLoopDelay`. A request that arrives while the loop is held waits as long,
 * so p99 and max say how long the API may stall while the measured work runs.
 * Beside it, the garbage collector's pauses of the main thread (`gc` performance entries), as one
 * cause of a held loop: how many, how long in all, the longest, and how many of 50 ms or more.
 */
const { PerformanceObserver, constants, monitorEventLoopDelay } = require('node:perf_hooks');

const NS_PER_MS = 1e6;
const LONG_PAUSE_MS = 50;

const figures = (histogram, gc) => ({
  samples: histogram.count,
  p50Ms: histogram.count ? histogram.percentile(50) / NS_PER_MS : 0,
  p99Ms: histogram.count ? histogram.percentile(99) / NS_PER_MS : 0,
  maxMs: histogram.count ? histogram.max / NS_PER_MS : 0,
  gc,
});

const started = (resolutionMs) => {
  const monitor = monitorEventLoopDelay({ resolution: resolutionMs });
  monitor.enable();
  return monitor;
};

const emptyGc = () => ({ pauses: 0, totalMs: 0, maxMs: 0, long: 0, majorMs: 0 });

const addPause = (gc, entry) => {
  gc.pauses += 1;
  gc.totalMs += entry.duration;
  gc.maxMs = Math.max(gc.maxMs, entry.duration);
  if (entry.duration >= LONG_PAUSE_MS) gc.long += 1;
  if (entry.detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR) gc.majorMs += entry.duration;
};

/**
 * Starts measuring; `phase(name)` closes the current phase and opens the next, `stop()` answers
 * the figures of each phase and of all of them together (a monitor of its own: percentiles of
 * phases cannot be added up).
 */
const measureEventLoop = (resolutionMs = 10) => {
  const all = started(resolutionMs);
  const allGc = emptyGc();
  const phases = {};
  let current = null;
  let monitor = null;
  let phaseGc = null;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      addPause(allGc, entry);
      if (phaseGc) addPause(phaseGc, entry);
    }
  });
  observer.observe({ entryTypes: ['gc'] });
  const close = () => {
    if (!monitor) return;
    monitor.disable();
    phases[current] = figures(monitor, phaseGc);
    monitor = null;
    phaseGc = null;
  };
  return {
    phase(name) {
      close();
      current = name;
      monitor = started(resolutionMs);
      phaseGc = emptyGc();
    },
    stop() {
      close();
      all.disable();
      observer.disconnect();
      return { phases, all: figures(all, allGc) };
    },
  };
};

module.exports = { LONG_PAUSE_MS, measureEventLoop };

'use strict';

/**
 * Event-loop delay of this process, by phase: how long a timer waited beyond its time, sampled by
 * `perf_hooks.monitorEventLoopDelay`. A request that arrives while the loop is held waits as long,
 * so p99 and max say how long the API may stall while the measured work runs.
 */
const { monitorEventLoopDelay } = require('node:perf_hooks');

const NS_PER_MS = 1e6;

const figures = (histogram) => ({
  samples: histogram.count,
  p50Ms: histogram.count ? histogram.percentile(50) / NS_PER_MS : 0,
  p99Ms: histogram.count ? histogram.percentile(99) / NS_PER_MS : 0,
  maxMs: histogram.count ? histogram.max / NS_PER_MS : 0,
});

const started = (resolutionMs) => {
  const monitor = monitorEventLoopDelay({ resolution: resolutionMs });
  monitor.enable();
  return monitor;
};

/**
 * Starts measuring; `phase(name)` closes the current phase and opens the next, `stop()` answers
 * the figures of each phase and of all of them together (a monitor of its own: percentiles of
 * phases cannot be added up).
 */
const measureEventLoop = (resolutionMs = 10) => {
  const all = started(resolutionMs);
  const phases = {};
  let current = null;
  let monitor = null;
  const close = () => {
    if (!monitor) return;
    monitor.disable();
    phases[current] = figures(monitor);
    monitor = null;
  };
  return {
    phase(name) {
      close();
      current = name;
      monitor = started(resolutionMs);
    },
    stop() {
      close();
      all.disable();
      return { phases, all: figures(all) };
    },
  };
};

module.exports = { measureEventLoop };

'use strict';

/**
 * Event-loop delay of this process, by phase: how long a timer waited beyond its time, sampled by
 * `perf_hooks.monitorEventLoopDelay`. A request that arrives while the loop is held waits as long,
 * so p99 and max say how long the API may stall while the measured work runs.
 */
const { createHistogram, monitorEventLoopDelay } = require('node:perf_hooks');

const NS_PER_MS = 1e6;

const figures = (histogram) => ({
  samples: histogram.count,
  p50Ms: histogram.count ? histogram.percentile(50) / NS_PER_MS : 0,
  p99Ms: histogram.count ? histogram.percentile(99) / NS_PER_MS : 0,
  maxMs: histogram.count ? histogram.max / NS_PER_MS : 0,
});

/**
 * Starts measuring; `phase(name)` closes the current phase and opens the next, `stop()` answers
 * the figures of each phase and of all of them together.
 */
const measureEventLoop = (resolutionMs = 10) => {
  const all = createHistogram();
  const phases = {};
  let current = null;
  let monitor = null;
  const close = () => {
    if (!monitor) return;
    monitor.disable();
    all.add(monitor);
    phases[current] = figures(monitor);
    monitor = null;
  };
  return {
    phase(name) {
      close();
      current = name;
      monitor = monitorEventLoopDelay({ resolution: resolutionMs });
      monitor.enable();
    },
    stop() {
      close();
      return { phases, all: figures(all) };
    },
  };
};

module.exports = { measureEventLoop };

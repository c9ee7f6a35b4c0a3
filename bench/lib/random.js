'use strict';

/** mulberry32: tiny, fast and seedable; Math.random cannot be replayed, so every run gets the same data. */
const generator = (seed) => {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (max) => Math.floor(next() * max),
    pick: (items) => items[Math.floor(next() * items.length)],
    // Zipf-like: early items far more often than late ones, as with real names.
    skewed: (items) => items[Math.floor(items.length * next() ** 2.2)],
  };
};

module.exports = { generator };

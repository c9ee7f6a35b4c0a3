'use strict';

/**
 * The heap limit the app's server runs with (`npm run start`, `npm run develop`, the benches).
 *
 * V8 lets the heap grow, between two full collections, to a multiple of what survived the last
 * one, and that multiple follows the heap limit: with a limit of 2 GB or more (Node's default on a
 * machine with 8 GB of memory or more) it is up to four, with 1.5 GB it is at most 1.8. A long
 * import allocates fast and keeps about 130 MB alive, so under the default its heap swells to
 * 450 to 500 MB of mostly garbage; under this limit it stays near 250 MB. The limit itself is far
 * above what the app keeps alive, so it bounds the garbage, not the work.
 *
 * A `--max-old-space-size` the operator gives in NODE_OPTIONS wins over this one.
 */
const SERVER_HEAP_MB = 1536;

/** The node flags that start the server with this limit, unless NODE_OPTIONS already sets one. */
const heapFlags = (env = process.env) =>
  /--max-old-space-size\b/.test(env.NODE_OPTIONS ?? '')
    ? []
    : [`--max-old-space-size=${SERVER_HEAP_MB}`];

module.exports = { SERVER_HEAP_MB, heapFlags };

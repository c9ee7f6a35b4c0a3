#!/usr/bin/env node
'use strict';

/**
 * `npm run start`: `strapi start` with the server's heap limit (see lib/server-heap.js). Extra
 * arguments go to `strapi start`; signals are passed on, and its exit code is this script's.
 */
const { spawnStrapi } = require('./lib/spawn-strapi');

const strapi = spawnStrapi('start', process.argv.slice(2));

for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => strapi.kill(signal));
strapi.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));

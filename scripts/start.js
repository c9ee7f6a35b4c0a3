#!/usr/bin/env node
'use strict';

/**
 * `npm run start`: `strapi start` with the server's heap limit (see lib/server-heap.js). Extra
 * arguments go to `strapi start`; signals are passed on, and its exit code is this script's.
 */
const { spawn } = require('node:child_process');
const { join } = require('node:path');

const { heapFlags } = require('./lib/server-heap');

const root = join(__dirname, '..');

const strapi = spawn(
  process.execPath,
  [
    ...heapFlags(),
    join(root, 'node_modules', '@strapi', 'strapi', 'bin', 'strapi.js'),
    'start',
    ...process.argv.slice(2),
  ],
  { cwd: root, stdio: 'inherit' }
);

for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => strapi.kill(signal));
strapi.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));

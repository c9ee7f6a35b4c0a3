'use strict';

const { spawn } = require('node:child_process');
const { join } = require('node:path');

const { heapFlags } = require('./server-heap');

const ROOT = join(__dirname, '..', '..');
const STRAPI_BIN = join(ROOT, 'node_modules', '@strapi', 'strapi', 'bin', 'strapi.js');

/**
 * Starts `strapi <command> <args>` in the app's folder, in a node process of its own with the
 * server's heap limit; `options` go to `spawn` (stdio inherited unless given).
 */
const spawnStrapi = (command, args = [], options = {}) =>
  spawn(process.execPath, [...heapFlags(options.env), STRAPI_BIN, command, ...args], {
    cwd: ROOT,
    stdio: 'inherit',
    ...options,
  });

module.exports = { spawnStrapi };

#!/usr/bin/env node
'use strict';

/**
 * `npm run develop`: builds the crm plugin package when its files changed, starts `strapi develop`
 * with the server's heap limit (lib/server-heap.js), and rebuilds the plugin whenever one of its
 * files changes. Strapi loads the plugin from its built dist/, which its watcher ignores, so this
 * script then touches a stamp file Strapi does watch (crm-plugin-build.stamp at the root:
 * Strapi's watcher skips dotfiles) and Strapi restarts on the new build. config/admin.ts keeps
 * Strapi from restarting on the plugin's sources themselves, before the build is done. Extra
 * arguments go to `strapi develop`.
 */
const { watch, writeFileSync } = require('node:fs');
const { join, sep } = require('node:path');

const { buildPlugin } = require('./build-plugin');
const { spawnStrapi } = require('./lib/spawn-strapi');

const root = join(__dirname, '..');
const pluginDir = join(root, 'src', 'plugins', 'crm');
const stamp = join(root, 'crm-plugin-build.stamp');
const IGNORED = new RegExp(`(^|\\${sep})(dist|node_modules)(\\${sep}|$)`);

const rebuild = () => {
  try {
    buildPlugin({ ifChanged: true });
    writeFileSync(stamp, `${new Date().toISOString()}\n`);
  } catch (error) {
    // A syntax error mid-edit: keep the last build running and wait for the next change.
    console.error(`[develop] the crm plugin did not build: ${error.message}`);
  }
};

buildPlugin({ ifChanged: true });

const strapi = spawnStrapi('develop', process.argv.slice(2), {
  env: { ...process.env, CRM_DEMO_DATA: 'true', STRAPI_TELEMETRY_DISABLED: 'true' },
});

let timer;
const watcher = watch(pluginDir, { recursive: true }, (_event, file) => {
  if (!file || IGNORED.test(file)) return;
  clearTimeout(timer);
  timer = setTimeout(rebuild, 300);
});

const stop = (signal) => {
  watcher.close();
  strapi.kill(signal);
};
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
strapi.on('exit', (code) => {
  watcher.close();
  process.exit(code ?? 0);
});

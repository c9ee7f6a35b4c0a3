#!/usr/bin/env node
'use strict';

/**
 * Builds the crm plugin package (src/plugins/crm) with `strapi-plugin build` into its dist/, which
 * is what the app loads through node_modules/strapi-plugin-crm. With --if-changed (the test setup)
 * the build is skipped while no file of the plugin changed since the last one.
 *   node scripts/build-plugin.js [--if-changed]
 */
const { execFileSync } = require('node:child_process');
const { createHash } = require('node:crypto');
const {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} = require('node:fs');
const { dirname, join, relative } = require('node:path');

const root = join(__dirname, '..');
const pluginDir = join(root, 'src', 'plugins', 'crm');
const stampFile = join(root, 'node_modules', '.cache', 'crm-plugin-build.json');
const SKIP = new Set(['dist', 'node_modules']);

/** Paths, sizes and modification times of every plugin file: any edit, move or deletion changes it. */
const fingerprint = () => {
  const hash = createHash('sha256');
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name.localeCompare(b.name)
    )) {
      if (SKIP.has(entry.name)) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) {
        const { size, mtimeMs } = statSync(path);
        hash.update(`${relative(pluginDir, path)}\0${size}\0${mtimeMs}\n`);
      }
    }
  };
  walk(pluginDir);
  return hash.digest('hex');
};

const builtOutputs = () => {
  const { exports } = JSON.parse(readFileSync(join(pluginDir, 'package.json'), 'utf8'));
  return Object.values(exports)
    .filter((entry) => typeof entry === 'object')
    .flatMap((entry) => [entry.types, entry.require, entry.import].filter(Boolean))
    .map((file) => join(pluginDir, file));
};

const sdkCli = () => {
  try {
    // The package's exports hide bin/: go from its main entry (dist/cli.js).
    return join(
      dirname(require.resolve('@strapi/sdk-plugin', { paths: [pluginDir, root] })),
      '..',
      'bin',
      'strapi-plugin.js'
    );
  } catch {
    return undefined;
  }
};

/** Returns false when there is nothing to build with (an install without dev dependencies). */
const buildPlugin = ({ ifChanged = false } = {}) => {
  const cli = sdkCli();
  if (!cli) return false;
  const current = fingerprint();
  if (ifChanged && existsSync(stampFile) && builtOutputs().every((file) => existsSync(file))) {
    const { source } = JSON.parse(readFileSync(stampFile, 'utf8'));
    if (source === current) {
      console.log('[crm plugin] dist/ is up to date');
      return true;
    }
  }
  const started = Date.now();
  execFileSync(process.execPath, [cli, 'build'], {
    cwd: pluginDir,
    stdio: 'inherit',
    env: { ...process.env, STRAPI_TELEMETRY_DISABLED: 'true' },
  });
  // strapi-plugin build reports a declaration it could not emit (a private type in an exported
  // signature) but still succeeds: the package would ship without its types.
  const missing = builtOutputs().filter((file) => !existsSync(file));
  if (missing.length > 0)
    throw new Error(
      `[crm plugin] the build left out ${missing.map((file) => relative(pluginDir, file)).join(', ')}`
    );
  mkdirSync(dirname(stampFile), { recursive: true });
  writeFileSync(stampFile, JSON.stringify({ source: current }));
  console.log(
    `[crm plugin] built into src/plugins/crm/dist in ${((Date.now() - started) / 1000).toFixed(1)} s`
  );
  return true;
};

module.exports = { buildPlugin };

if (require.main === module) {
  buildPlugin({ ifChanged: process.argv.includes('--if-changed') });
}

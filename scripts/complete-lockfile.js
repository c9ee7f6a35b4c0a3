#!/usr/bin/env node
'use strict';

/**
 * Restores lockfile entries for other platforms' optional binaries (e.g. @swc/core-darwin-arm64,
 * @rollup/rollup-win32-x64-msvc). A registry mirror that does not serve them makes `npm install`
 * drop them from package-lock.json, and `npm ci` then refuses the lockfile as out of sync. Each
 * entry gets the os/cpu/libc its name states, so npm skips it on other machines, as it would if the
 * registry had answered. Run after changing dependencies: `node scripts/complete-lockfile.js`.
 */
const { readFileSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const OSES = [
  'darwin',
  'linux',
  'win32',
  'android',
  'freebsd',
  'openbsd',
  'netbsd',
  'openharmony',
  'sunos',
  'aix',
];
const CPUS = ['arm64', 'x64', 'ia32', 'ppc64', 's390x', 'riscv64', 'loong64', 'mips64el', 'arm'];

const platformOf = (name) => {
  const parts = name.split('/').pop().split('-');
  const os = OSES.find((candidate) => parts.includes(candidate));
  const cpu = CPUS.find((candidate) => parts.includes(candidate));
  if (!os || !cpu) return undefined;
  const platform = { os: [os], cpu: [cpu] };
  if (os === 'linux') {
    if (parts.some((part) => part.startsWith('musl'))) platform.libc = ['musl'];
    else if (parts.some((part) => part.startsWith('gnu'))) platform.libc = ['glibc'];
  }
  return platform;
};

const file = join(__dirname, '..', 'package-lock.json');
const lock = JSON.parse(readFileSync(file, 'utf8'));
const packages = lock.packages;
let added = 0;

/** Where Node looks for `name` required from the package at `path`, nearest first. */
const lookupPaths = (path, name) => {
  const paths = [];
  let dir = path;
  for (;;) {
    paths.push(`${dir ? `${dir}/` : ''}node_modules/${name}`);
    if (!dir) return paths;
    const parent = dir.lastIndexOf('node_modules/');
    dir = parent <= 0 ? '' : dir.slice(0, parent - 1);
  }
};

for (const [path, entry] of Object.entries(packages)) {
  for (const [name, range] of Object.entries(entry.optionalDependencies ?? {})) {
    const platform = platformOf(name);
    if (!platform || !/^\d+\.\d+\.\d+/.test(range)) continue; // only exact-version platform binaries
    const paths = lookupPaths(path, name);
    const found = paths.find((candidate) => packages[candidate]);
    if (found && packages[found].version === range) continue;
    // Nothing anywhere: at the root, as npm would put it. Another version on the way (a nested
    // toolchain, e.g. a second esbuild): right beside the package that needs this one.
    packages[found ? paths[0] : paths[paths.length - 1]] = {
      version: range,
      optional: true,
      ...platform,
    };
    added += 1;
  }
}

const sorted = Object.fromEntries(
  Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b)))
);
lock.packages = sorted;
writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`[lockfile] restored ${added} optional platform entries`);

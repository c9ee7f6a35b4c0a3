'use strict';

/**
 * The crm plugin's domain functions (customerSearchText, the duplicate matcher's nickname list,
 * phone and e-mail normalisation…) for the benchmarks' data generators.
 *
 * Since the plugin became its own package, `tsc -p tsconfig.json` no longer compiles it into the
 * app's dist/ (the root tsconfig excludes src/plugins/) and the package's dist/server is one bundle
 * that exports only the plugin. So the domain's index is bundled here with esbuild (a dependency
 * of Strapi's build) into .tmp/bench/plugin-domain.js, again whenever a file of the domain is newer
 * than the bundle. The older compiled layout is used when it is there.
 */

const { existsSync, mkdirSync, readdirSync, statSync } = require('node:fs');
const { join } = require('node:path');

const ROOT = join(__dirname, '..', '..');
const DOMAIN = join(ROOT, 'src', 'plugins', 'crm', 'server', 'src', 'domain');
const LEGACY = join(ROOT, 'dist', 'src', 'plugins', 'crm', 'server', 'src', 'domain', 'index.js');
const BUNDLE = join(ROOT, '.tmp', 'bench', 'plugin-domain.js');

const newestSource = (dir) => {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
};

let loaded;

/** The plugin's domain module (src/plugins/crm/server/src/domain/index.ts), compiled. */
const pluginDomain = () => {
  if (loaded) return loaded;
  if (existsSync(LEGACY)) {
    loaded = require(LEGACY);
    return loaded;
  }
  if (!existsSync(BUNDLE) || statSync(BUNDLE).mtimeMs < newestSource(DOMAIN)) {
    mkdirSync(join(ROOT, '.tmp', 'bench'), { recursive: true });
    require('esbuild').buildSync({
      entryPoints: [join(DOMAIN, 'index.ts')],
      outfile: BUNDLE,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      packages: 'external',
      logLevel: 'warning',
    });
  }
  loaded = require(BUNDLE);
  return loaded;
};

module.exports = { pluginDomain };

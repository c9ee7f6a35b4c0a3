'use strict';

const { execFileSync } = require('node:child_process');
const { join } = require('node:path');

const { buildPlugin } = require('../../scripts/build-plugin');

/**
 * Build the plugin package (skipped while its files are unchanged) and compile the app once, so
 * every test file boots the code as it is now.
 */
module.exports = async () => {
  const root = join(__dirname, '..', '..');
  if (!buildPlugin({ ifChanged: true }))
    throw new Error('@strapi/sdk-plugin is missing: run npm install');
  const tsc = require.resolve('typescript/bin/tsc', { paths: [root] });
  execFileSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.json')], {
    cwd: root,
    stdio: 'inherit',
  });
};

'use strict';

const { execFileSync } = require('node:child_process');
const { join } = require('node:path');

/** Compile the app and the plugin once, so every test file boots the code as it is now. */
module.exports = async () => {
  const root = join(__dirname, '..', '..');
  const tsc = require.resolve('typescript/bin/tsc', { paths: [root] });
  execFileSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.json')], { cwd: root, stdio: 'inherit' });
};

#!/usr/bin/env node
'use strict';

/**
 * `npm run crm:rotate-ssn-key`: re-encrypts every stored SSN with the first key of
 * CRM_ENCRYPTION_KEY. To rotate: put a new key first (keep the old ones after it), restart or run
 * this, then drop the old keys once it reports that nothing is left to re-encrypt.
 */
const { join } = require('node:path');

process.env.LOG_LEVEL = process.env.LOG_LEVEL || 'error';
process.env.STRAPI_TELEMETRY_DISABLED = 'true';

const main = async () => {
  const root = join(__dirname, '..');
  const { createStrapi } = require('@strapi/strapi');
  const app = await createStrapi({ appDir: root, distDir: join(root, 'dist') }).load();
  try {
    const count = await app
      .plugin('crm')
      .service('ssn')
      .rotateKeys((done) => process.stdout.write(`\r${done} re-encrypted…`));
    process.stdout.write(`\r${count} SSN(s) re-encrypted with the current key\n`);
  } finally {
    await app.destroy();
  }
};

main().catch((error) => {
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
});

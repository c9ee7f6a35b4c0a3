#!/usr/bin/env node
'use strict';

/**
 * Runs after `npm install`: writes a `.env` with fresh random secrets when there is none, builds the
 * crm plugin package (src/plugins/crm/dist, loaded through node_modules/strapi-plugin-crm), then
 * compiles the app into `dist/` (Strapi only loads JavaScript).
 */
const { execFileSync } = require('node:child_process');
const { randomBytes } = require('node:crypto');
const { appendFileSync, existsSync, readFileSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const { buildPlugin } = require('./build-plugin');

const root = join(__dirname, '..');
const secret = () => randomBytes(16).toString('base64');

const encryptionKey = () => randomBytes(32).toString('base64');

/** An .env written by an older version lacks the CRM's keys: add them rather than fail later. */
const addMissingKeys = (file) => {
  for (const name of ['CRM_ENCRYPTION_KEY', 'CRM_ERASURE_KEY']) {
    const text = readFileSync(file, 'utf8');
    if (new RegExp(`^${name}=`, 'm').test(text)) continue;
    appendFileSync(file, `${text.endsWith('\n') ? '' : '\n'}${name}=${encryptionKey()}\n`);
    console.log(`[setup] added ${name} to .env`);
  }
};

const writeEnv = () => {
  const file = join(root, '.env');
  if (existsSync(file)) return addMissingKeys(file);
  const lines = [
    '# Written by `npm install` (scripts/setup.js). Keep it out of version control.',
    'HOST=0.0.0.0',
    'PORT=1337',
    `APP_KEYS=${[secret(), secret(), secret(), secret()].join(',')}`,
    `API_TOKEN_SALT=${secret()}`,
    `ADMIN_JWT_SECRET=${secret()}`,
    `TRANSFER_TOKEN_SALT=${secret()}`,
    `JWT_SECRET=${secret()}`,
    `ENCRYPTION_KEY=${secret()}`,
    '',
    '# SQLite by default; DATABASE_CLIENT=postgres with DATABASE_URL (or DATABASE_HOST/PORT/NAME/USERNAME/PASSWORD) for PostgreSQL',
    'DATABASE_CLIENT=sqlite',
    'DATABASE_FILENAME=.tmp/data.db',
    '',
    '# CRM plugin',
    'CRM_DEFAULT_COUNTRY=US',
    '# AES-256-GCM keys for SSNs, newest first; `npm run crm:rotate-ssn-key` re-encrypts with the first',
    `CRM_ENCRYPTION_KEY=${encryptionKey()}`,
    '# Key of the keyed hashes on the erasure list (erased e-mails and phones); keep it secret and stable',
    `CRM_ERASURE_KEY=${encryptionKey()}`,
    '',
  ];
  writeFileSync(file, lines.join('\n'), { mode: 0o600 });
  console.log('[setup] wrote .env with fresh secrets');
};

const compile = () => {
  let tsc;
  try {
    tsc = require.resolve('typescript/bin/tsc', { paths: [root] });
  } catch {
    // A production install without dev dependencies compiles with `npm run build` instead.
    console.log('[setup] typescript is not installed; run `npm run build` before `npm start`');
    return;
  }
  execFileSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.json')], {
    cwd: root,
    stdio: 'inherit',
  });
  console.log('[setup] compiled the app into dist/');
};

writeEnv();
if (!buildPlugin())
  console.log('[setup] @strapi/sdk-plugin is not installed; src/plugins/crm/dist is used as it is');
compile();

#!/usr/bin/env node
'use strict';

/**
 * Installs the crm plugin the way any Strapi app would and checks it from outside (npm run
 * test:package):
 *  1. builds the plugin package, runs `strapi-plugin verify` and packs it with `npm pack` (prints the
 *     tarball's size),
 *  2. copies the minimal Strapi 5 app of test/package/template into a temporary folder and installs
 *     the tarball into it (`npm install --prefer-offline`: the npm cache keeps it fast),
 *  3. builds that app's admin panel and looks for the CRM pages in the bundle,
 *  4. starts it on SQLite, then on a throwaway PostgreSQL database, and checks over HTTP only: the
 *     four CRM roles, a customer with contact points found by the quick search, a CSV import run to
 *     `done`,
 *  5. removes the temporary folder and the database, whatever the outcome.
 * Exits non-zero when any step or check fails. CRM_PACKAGE_SKIP_POSTGRES=true runs SQLite only.
 */
const { spawn, spawnSync } = require('node:child_process');
const { randomBytes } = require('node:crypto');
const {
  copyFileSync,
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

const { buildPlugin } = require('./build-plugin');
const { freePort } = require('./lib/free-port');

const root = join(__dirname, '..');
const pluginDir = join(root, 'src', 'plugins', 'crm');
const templateDir = join(root, 'test', 'package', 'template');
const typesDir = join(root, 'test', 'package', 'types');
const PACKAGE = JSON.parse(readFileSync(join(pluginDir, 'package.json'), 'utf8')).name;
const CRM_ROLES = ['crm_admin', 'crm_manager', 'crm_sales', 'crm_marketeer'];
// Text of the customer pages and of the import wizard, which must be in the built admin bundle,
// in English and in the French and German the plugin ships (its translations/*.json).
const ADMIN_STRINGS = [
  'Searching customers',
  'The import could not be loaded',
  'Recherche de clients en cours',
  'Kunden werden gesucht',
];

const started = Date.now();
const seconds = (since) => `${((Date.now() - since) / 1000).toFixed(1)} s`;
const log = (message) => console.log(`[test:package] ${message}`);
let passed = 0;
let failed = 0;
const check = (label, ok, detail = '') => {
  if (ok) passed += 1;
  else failed += 1;
  console.log(`  ${ok ? '✓' : '✗'} ${label}${!ok && detail ? ` (${detail})` : ''}`);
};

const run = (command, args, cwd, env = process.env) => {
  const t = Date.now();
  const result = spawnSync(command, args, {
    cwd,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) {
    process.stdout.write(result.stdout ?? '');
    process.stderr.write(result.stderr ?? '');
    throw new Error(`${command} ${args.join(' ')} exited with ${result.status ?? result.signal}`);
  }
  return { stdout: result.stdout, took: seconds(t) };
};

/** Files under dir (node_modules left out) whose text contains needle. */
const filesContaining = (dir, needle) => {
  const found = [];
  const walk = (current) => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      if (entry.name === 'node_modules') continue;
      const path = join(current, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.(m?js|html)$/.test(entry.name) && readFileSync(path, 'utf8').includes(needle))
        found.push(path);
    }
  };
  walk(dir);
  return found;
};

const secrets = () => {
  const secret = () => randomBytes(16).toString('base64');
  return {
    APP_KEYS: [secret(), secret()].join(','),
    API_TOKEN_SALT: secret(),
    ADMIN_JWT_SECRET: secret(),
    TRANSFER_TOKEN_SALT: secret(),
    JWT_SECRET: secret(),
    ENCRYPTION_KEY: secret(),
    CRM_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    CRM_ERASURE_KEY: randomBytes(32).toString('base64'),
    CRM_DEFAULT_COUNTRY: 'US',
  };
};

const startStrapi = (appDir, env) => {
  const server = spawn(
    process.execPath,
    [join(appDir, 'node_modules', '@strapi', 'strapi', 'bin', 'strapi.js'), 'start'],
    {
      cwd: appDir,
      env,
      detached: true, // its own process group, stopped as a whole
      stdio: ['ignore', 'pipe', 'pipe'],
    }
  );
  server.output = '';
  server.stdout.on('data', (chunk) => (server.output += chunk));
  server.stderr.on('data', (chunk) => (server.output += chunk));
  return server;
};

const waitForHealth = async (baseUrl, server, timeoutMs = 120_000) => {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null)
      throw new Error(`strapi start exited with ${server.exitCode}:\n${server.output}`);
    try {
      const response = await fetch(`${baseUrl}/_health`);
      if (response.status === 204 || response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(
    `Strapi did not answer ${baseUrl}/_health within ${timeoutMs / 1000} s:\n${server.output}`
  );
};

const stopStrapi = (server) =>
  new Promise((resolve) => {
    if (!server || server.exitCode !== null || server.signalCode !== null) return resolve();
    const kill = (signal) => {
      try {
        process.kill(-server.pid, signal);
      } catch {
        // already gone
      }
    };
    const timer = setTimeout(() => kill('SIGKILL'), 10_000);
    server.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    kill('SIGTERM');
  });

const http =
  (baseUrl) =>
  async (method, path, { token, json, form } = {}) => {
    const headers = {};
    if (token) headers.Authorization = `Bearer ${token}`;
    let body;
    if (json !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(json);
    } else if (form) body = form;
    const response = await fetch(`${baseUrl}${path}`, { method, headers, body });
    const text = await response.text();
    let parsed;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = text;
    }
    return { status: response.status, body: parsed };
  };

/** Every check goes through HTTP, as a client of the installed app would. */
const checkApp = async (baseUrl) => {
  const call = http(baseUrl);
  const admin = await call('POST', '/admin/register-admin', {
    json: {
      firstname: 'Package',
      lastname: 'Check',
      email: 'admin@package.example',
      password: 'PackageCheck1',
    },
  });
  check(
    'the first admin registers (POST /admin/register-admin)',
    admin.status === 200 && Boolean(admin.body?.data?.token),
    `${admin.status} ${JSON.stringify(admin.body)}`
  );
  const created = await call('POST', '/admin/api-tokens', {
    token: admin.body?.data?.token,
    json: {
      name: 'package check',
      description: 'test:package',
      type: 'full-access',
      lifespan: null,
    },
  });
  const token = created.body?.data?.accessKey;
  check(
    'a full-access API token is created (POST /admin/api-tokens)',
    created.status === 201 && Boolean(token),
    `${created.status} ${JSON.stringify(created.body)}`
  );
  if (!token) return;

  const roles = await call('GET', '/api/users-permissions/roles', { token });
  const types = (roles.body?.roles ?? []).map((role) => role.type);
  check(
    `the four CRM roles exist (${CRM_ROLES.join(', ')})`,
    roles.status === 200 && CRM_ROLES.every((type) => types.includes(type)),
    `${roles.status} roles: ${types.join(', ')}`
  );

  const customer = await call('POST', '/api/crm/customers', {
    token,
    json: {
      data: {
        firstName: 'Ada',
        lastName: 'Lovelace',
        phones: [{ type: 'cell', number: '(415) 555-2671' }],
        emails: [{ address: 'ada@analytical.example' }],
      },
    },
  });
  const documentId = customer.body?.data?.documentId;
  check(
    'a customer with a phone and an email is created (POST /api/crm/customers)',
    customer.status === 201 && Boolean(documentId),
    `${customer.status} ${JSON.stringify(customer.body)}`
  );
  const read = await call(
    'GET',
    `/api/crm/customers/${documentId}?populate[0]=phones&populate[1]=emails`,
    { token }
  );
  const phones = read.body?.data?.phones ?? [];
  const emails = read.body?.data?.emails ?? [];
  check(
    "its contact points are stored by the plugin's rules (phone in E.164, primary)",
    read.status === 200 &&
      phones[0]?.number === '+14155552671' &&
      phones[0]?.isPrimary === true &&
      emails[0]?.address === 'ada@analytical.example',
    `${read.status} ${JSON.stringify(read.body)}`
  );
  const search = await call('GET', '/api/crm/customers/search?q=lovelace', { token });
  check(
    'the quick search finds it (GET /api/crm/customers/search?q=)',
    search.status === 200 && (search.body?.data ?? []).some((hit) => hit.documentId === documentId),
    `${search.status} ${JSON.stringify(search.body)}`
  );
  const bad = await call('POST', '/api/crm/customers', {
    token,
    json: { data: { firstName: 'No', lastName: 'Contact', emails: [{ address: 'not-an-email' }] } },
  });
  check(
    "a rule error is a 400 in Strapi's error shape, not a 500",
    bad.status === 400 && bad.body?.error?.status === 400,
    `${bad.status} ${JSON.stringify(bad.body)}`
  );

  const runImport = async (label, csv, rows) => {
    const form = new FormData();
    form.append('object', 'customers');
    form.append('file', new Blob([csv], { type: 'text/csv' }), 'customers.csv');
    const upload = await call('POST', '/api/crm/imports', { token, form });
    const job = upload.body?.data;
    check(
      `${label}: parsed into a ready job (POST /api/crm/imports)`,
      upload.status === 201 && job?.stage === 'ready',
      `${upload.status} ${JSON.stringify(upload.body)}`
    );
    if (job?.stage !== 'ready') return;
    const start = await call('POST', `/api/crm/imports/${job.documentId}/start`, { token });
    check(
      `${label}: starts (POST /api/crm/imports/:id/start)`,
      start.status === 202,
      `${start.status} ${JSON.stringify(start.body)}`
    );
    let current = job;
    const deadline = Date.now() + 120_000;
    while (!['done', 'failed'].includes(current?.stage) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      current = (await call('GET', `/api/crm/imports/${job.documentId}`, { token })).body?.data;
    }
    check(
      `${label}: runs to done with all ${rows} rows imported`,
      current?.stage === 'done' && current?.counts?.imported === rows,
      JSON.stringify(current)
    );
  };
  const header = 'Type,First Name,Last Name,Email';
  await runImport(
    'a small CSV import',
    [
      header,
      'individual,Grace,Hopper,grace@navy.example',
      'individual,Alan,Turing,alan@bletchley.example',
      '',
    ].join('\n'),
    2
  );
  // Past 1 MB the rows are judged in the plugin's worker thread, a separate entry of the package.
  const BULK = 20000;
  const bulk = Array.from(
    { length: BULK },
    (_, i) => `individual,Bulk${i},Rowlandson-Whitfield,bulk${i}@bulk-import.example`
  );
  await runImport(
    `a ${BULK}-row CSV import (over 1 MB: the validation thread)`,
    [header, ...bulk, ''].join('\n'),
    BULK
  );
  const imported = await call('GET', '/api/crm/customers/search?q=hopper', { token });
  check(
    'an imported customer is found by the quick search',
    imported.status === 200 && (imported.body?.data ?? []).some((hit) => hit.lastName === 'Hopper'),
    `${imported.status} ${JSON.stringify(imported.body)}`
  );
};

const main = async () => {
  const work = mkdtempSync(join(tmpdir(), 'crm-package-'));
  const appDir = join(work, 'app');
  const database = `crm_package_${process.pid}`;
  let pgAdmin;
  let server;
  let databaseCreated = false;
  try {
    log('building the plugin package');
    buildPlugin({ ifChanged: true });

    const verify = spawnSync('npm', ['run', 'verify', '--silent'], {
      cwd: pluginDir,
      encoding: 'utf8',
    });
    check(
      'strapi-plugin verify accepts the package',
      verify.status === 0,
      `${verify.stdout}${verify.stderr}`
    );

    const packed = JSON.parse(
      run('npm', ['pack', '--json', '--pack-destination', work], pluginDir).stdout
    )[0];
    const tarball = join(work, packed.filename);
    log(
      `packed ${packed.filename}: ${(statSync(tarball).size / 1024).toFixed(1)} kB (unpacked ${(packed.unpackedSize / 1024).toFixed(1)} kB, ${packed.entryCount} files)`
    );
    const outside = packed.files
      .map((file) => file.path)
      .filter((path) => !/^(dist\/|package\.json$|README|LICENSE)/i.test(path));
    check(
      'the tarball holds only dist/ and package.json',
      outside.length === 0,
      outside.join(', ')
    );

    cpSync(templateDir, appDir, { recursive: true });
    const appPackage = JSON.parse(readFileSync(join(appDir, 'package.json'), 'utf8'));
    appPackage.dependencies[PACKAGE] = `file:${tarball}`;
    writeFileSync(join(appDir, 'package.json'), `${JSON.stringify(appPackage, null, 2)}\n`);
    // Compiling better-sqlite3 from source takes minutes: this app's own build of the same version
    // is copied in instead (no other package of the app needs an install script to run).
    const hostSqlite = join(root, 'node_modules', 'better-sqlite3');
    const binding = join('build', 'Release', 'better_sqlite3.node');
    const reuseSqlite =
      existsSync(join(hostSqlite, binding)) &&
      JSON.parse(readFileSync(join(hostSqlite, 'package.json'), 'utf8')).version ===
        appPackage.dependencies['better-sqlite3'];
    log(`installing a fresh Strapi app with the tarball in ${appDir}`);
    const install = run(
      'npm',
      [
        'install',
        '--prefer-offline',
        '--no-audit',
        '--no-fund',
        '--loglevel=error',
        ...(reuseSqlite ? ['--ignore-scripts'] : []),
      ],
      appDir
    );
    if (reuseSqlite) {
      mkdirSync(join(appDir, 'node_modules', 'better-sqlite3', 'build', 'Release'), {
        recursive: true,
      });
      copyFileSync(
        join(hostSqlite, binding),
        join(appDir, 'node_modules', 'better-sqlite3', binding)
      );
    }
    log(`installed in ${install.took}${reuseSqlite ? ' (better-sqlite3 binding reused)' : ''}`);
    const installed = join(appDir, 'node_modules', PACKAGE);
    check(
      `node_modules/${PACKAGE} is the unpacked tarball, not a link`,
      !lstatSync(installed).isSymbolicLink() && readdirSync(installed).includes('dist')
    );

    // The declarations the exports point to, compiled as a TypeScript app would read them.
    cpSync(typesDir, join(appDir, 'types-check'), { recursive: true });
    const types = spawnSync(
      process.execPath,
      [require.resolve('typescript/bin/tsc'), '-p', join(appDir, 'types-check', 'tsconfig.json')],
      { cwd: appDir, encoding: 'utf8' }
    );
    check(
      "the package's type declarations compile in the app",
      types.status === 0,
      `${types.stdout}${types.stderr}`
    );

    const env = {
      ...process.env,
      ...secrets(),
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      STRAPI_TELEMETRY_DISABLED: 'true',
    };
    delete env.STRAPI_DISABLE_UPDATE_NOTIFICATION;
    for (const key of Object.keys(env)) if (key.startsWith('DATABASE_')) delete env[key];

    log('building its admin panel (strapi build)');
    const build = run(
      process.execPath,
      [join(appDir, 'node_modules', '@strapi', 'strapi', 'bin', 'strapi.js'), 'build'],
      appDir,
      env
    );
    log(`admin built in ${build.took}`);
    for (const text of ADMIN_STRINGS)
      check(
        `the admin bundle holds the CRM pages ("${text}")`,
        filesContaining(appDir, text).length > 0
      );

    const targets = [['SQLite', { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: '.tmp/data.db' }]];
    if (process.env.CRM_PACKAGE_SKIP_POSTGRES !== 'true') {
      targets.push([
        'PostgreSQL',
        {
          DATABASE_CLIENT: 'postgres',
          DATABASE_HOST: process.env.DATABASE_HOST ?? '127.0.0.1',
          DATABASE_PORT: process.env.DATABASE_PORT ?? '5432',
          DATABASE_USERNAME: process.env.DATABASE_USERNAME ?? 'postgres',
          DATABASE_PASSWORD: process.env.DATABASE_PASSWORD ?? '',
          DATABASE_NAME: database,
        },
      ]);
    }
    for (const [label, databaseEnv] of targets) {
      if (databaseEnv.DATABASE_CLIENT === 'postgres') {
        const { Client } = require(join(appDir, 'node_modules', 'pg'));
        pgAdmin = new Client({
          host: databaseEnv.DATABASE_HOST,
          port: Number(databaseEnv.DATABASE_PORT),
          user: databaseEnv.DATABASE_USERNAME,
          password: databaseEnv.DATABASE_PASSWORD,
          database: 'postgres',
        });
        await pgAdmin.connect();
        await pgAdmin.query(`CREATE DATABASE ${database}`);
        databaseCreated = true;
      }
      const port = await freePort();
      const baseUrl = `http://127.0.0.1:${port}`;
      log(`starting it on ${label} (${baseUrl})`);
      const t = Date.now();
      server = startStrapi(appDir, { ...env, ...databaseEnv, PORT: String(port) });
      await waitForHealth(baseUrl, server);
      log(`ready in ${seconds(t)}; checks on ${label}:`);
      check(`Strapi starts on ${label} with the plugin`, true);
      await checkApp(baseUrl);
      await stopStrapi(server);
      server = undefined;
    }
  } catch (error) {
    failed += 1;
    console.error(`[test:package] ${error.stack ?? error}`);
    // What the app printed says why it stopped answering (a crash, a stack trace).
    if (server?.output)
      console.error(
        `[test:package] the app's last output${server.exitCode !== null || server.signalCode !== null ? ` (it exited: ${server.exitCode ?? server.signalCode})` : ''}:\n${server.output.slice(-6000)}`
      );
  } finally {
    await stopStrapi(server);
    if (pgAdmin) {
      try {
        if (databaseCreated)
          await pgAdmin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      } catch (error) {
        console.error(`[test:package] could not drop ${database}: ${error.message}`);
        failed += 1;
      }
      await pgAdmin.end();
    }
    rmSync(work, { recursive: true, force: true });
  }
  log(`finished in ${seconds(started)}`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed > 0 ? 1 : 0;
};

if (require.main === module) main();

module.exports = { checkApp };

#!/usr/bin/env node
'use strict';

/**
 * Browser tests of the admin panel (npm run test:e2e):
 *  1. installs Debian's chromium when /usr/bin/chromium is missing,
 *  2. builds the app and its admin panel (skip with E2E_SKIP_BUILD=true when dist/ is current),
 *  3. starts `strapi start` on a fresh SQLite database under .tmp/ on a free port,
 *  4. creates a super admin with `strapi admin:create-user`,
 *  5. runs the jest project `e2e` (test/e2e/**\/*.e2e.ts) against it; extra arguments go to jest,
 *  6. stops Strapi and removes the database, whatever the outcome.
 * The tests read E2E_BASE_URL, E2E_ADMIN_EMAIL and E2E_ADMIN_PASSWORD (test/e2e/support/env.ts),
 * and E2E_GRAVATAR_PORT, where Strapi's social lookup expects its Gravatar (a fake the tests start).
 */
const { spawn, spawnSync } = require('node:child_process');
const { randomBytes } = require('node:crypto');
const { existsSync, mkdirSync, rmSync } = require('node:fs');
const { join } = require('node:path');

const { freePort } = require('./lib/free-port');

const root = join(__dirname, '..');
const CHROMIUM = '/usr/bin/chromium';
const strapiBin = join(root, 'node_modules', '.bin', 'strapi');
const jestBin = join(root, 'node_modules', '.bin', 'jest');

const log = (message) => console.log(`[e2e] ${message}`);

const run = (command, args, env) => {
  const result = spawnSync(command, args, { cwd: root, env, stdio: 'inherit' });
  if (result.status !== 0)
    throw new Error(`${command} ${args.join(' ')} exited with ${result.status ?? result.signal}`);
};

const ensureChromium = () => {
  if (existsSync(CHROMIUM)) return;
  log('installing chromium (apt-get)');
  run('apt-get', ['update'], process.env);
  run('apt-get', ['install', '-y', 'chromium'], {
    ...process.env,
    DEBIAN_FRONTEND: 'noninteractive',
  });
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is still missing after apt-get install`);
};

const waitForHealth = async (baseUrl, server, timeoutMs = 120_000) => {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`strapi start exited with ${server.exitCode}`);
    try {
      const response = await fetch(`${baseUrl}/_health`);
      if (response.status === 204 || response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`Strapi did not answer ${baseUrl}/_health within ${timeoutMs / 1000} s`);
};

const stop = (server) =>
  new Promise((resolve) => {
    if (!server || server.exitCode !== null) return resolve();
    const timer = setTimeout(() => {
      try {
        process.kill(-server.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }, 10_000);
    server.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    try {
      process.kill(-server.pid, 'SIGTERM'); // its whole process group: strapi may fork
    } catch {
      resolve();
    }
  });

const main = async () => {
  ensureChromium();

  const baseEnv = {
    ...process.env,
    STRAPI_TELEMETRY_DISABLED: 'true',
    STRAPI_DISABLE_UPDATE_NOTIFICATION: 'true',
  };
  delete baseEnv.CRM_DEMO_DATA;
  if (process.env.E2E_SKIP_BUILD !== 'true') {
    log('building the app and the admin panel (npm run build)');
    run('npm', ['run', 'build'], baseEnv);
  }

  const port = await freePort();
  // The social lookup's Gravatar is a fake one the tests start on this port (support/fake-gravatar.ts).
  let gravatarPort = await freePort();
  while (gravatarPort === port) gravatarPort = await freePort();
  const stamp = `${Date.now()}-${process.pid}`;
  mkdirSync(join(root, '.tmp'), { recursive: true });
  const database = join('.tmp', `e2e-${stamp}.db`);
  const baseUrl = `http://127.0.0.1:${port}`;
  const admin = { email: 'e2e-admin@crm.test', password: 'E2e-Admin-Password-1' };
  const env = {
    ...baseEnv,
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(port),
    LOG_LEVEL: 'error',
    DATABASE_CLIENT: 'sqlite',
    DATABASE_FILENAME: database,
    // A revealed SSN is masked again after this many seconds (one minute in production; README, Environment).
    CRM_SSN_REVEAL_SECONDS: process.env.CRM_SSN_REVEAL_SECONDS || '5',
    // Production needs the erasure list's key; an .env written before it existed has none.
    CRM_ERASURE_KEY: process.env.CRM_ERASURE_KEY || randomBytes(32).toString('base64'),
    // The suites log in more often than the admin's login rate limit allows (config/admin.ts).
    ADMIN_RATE_LIMIT: 'false',
    // The lookup is on, and reaches nothing outside the machine.
    CRM_SOCIAL_LOOKUP: 'true',
    CRM_SOCIAL_GRAVATAR_URL: `http://127.0.0.1:${gravatarPort}`,
  };

  let server;
  let status;
  try {
    log(`creating the super admin on ${database}`);
    run(
      strapiBin,
      [
        'admin:create-user',
        `--email=${admin.email}`,
        `--password=${admin.password}`,
        '--firstname=E2E',
        '--lastname=Admin',
      ],
      env
    );

    log(`starting Strapi on ${baseUrl}`);
    server = spawn(strapiBin, ['start'], {
      cwd: root,
      env,
      stdio: ['ignore', 'inherit', 'inherit'],
      detached: true,
    });
    await waitForHealth(baseUrl, server);

    log('running the browser tests');
    const jest = spawnSync(
      jestBin,
      [...process.argv.slice(2), '--runInBand', '--selectProjects', 'e2e'],
      {
        cwd: root,
        stdio: 'inherit',
        env: {
          ...baseEnv,
          E2E_BASE_URL: baseUrl,
          E2E_ADMIN_EMAIL: admin.email,
          E2E_ADMIN_PASSWORD: admin.password,
          E2E_GRAVATAR_PORT: String(gravatarPort),
        },
      }
    );
    status = jest.status ?? 1;
  } finally {
    await stop(server);
    for (const suffix of ['', '-wal', '-shm', '-journal'])
      rmSync(join(root, `${database}${suffix}`), { force: true });
    log(`stopped Strapi and removed ${database}`);
  }
  process.exit(status);
};

main().catch((error) => {
  console.error(`[e2e] ${error.message}`);
  process.exit(1);
});

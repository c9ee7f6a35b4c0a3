'use strict';

/**
 * Several Strapi nodes on one PostgreSQL database: each a `strapi start` of the compiled app
 * (`dist/`, as `npm run build:server` or the integration tests' global setup leave it; the admin
 * panel's build is not needed to answer the API) in a process of its own, on a port of its own.
 * Used by the two-node test (test/integration/nodes.test.ts) and `npm run bench:nodes`. Everything
 * a node is asked goes through HTTP.
 */

const { spawn } = require('node:child_process');
const { randomBytes } = require('node:crypto');
const { join } = require('node:path');

const { freePort } = require('../../scripts/lib/free-port');

const ROOT = join(__dirname, '..', '..');
const STRAPI_BIN = join(ROOT, 'node_modules', '.bin', 'strapi');

/** What every node shares: the secrets, the keys and the database (set per cluster). */
const sharedEnv = () => ({
  NODE_ENV: 'production',
  STRAPI_TELEMETRY_DISABLED: 'true',
  STRAPI_DISABLE_UPDATE_NOTIFICATION: 'true',
  HOST: '127.0.0.1',
  APP_KEYS: 'nodesKeyA,nodesKeyB',
  API_TOKEN_SALT: 'nodes-api-token-salt',
  ADMIN_JWT_SECRET: 'nodes-admin-jwt-secret',
  TRANSFER_TOKEN_SALT: 'nodes-transfer-token-salt',
  JWT_SECRET: 'nodes-jwt-secret',
  ENCRYPTION_KEY: 'nodes-encryption-key',
  CRM_DEMO_DATA: 'false',
  CRM_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
  CRM_ERASURE_KEY: randomBytes(32).toString('base64'),
  LOG_LEVEL: 'error',
  DATABASE_CLIENT: 'postgres',
});

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Starts one node; resolves once `/_health` answers. `output()` holds the end of what it printed
 * (shown when something fails).
 */
const startNode = async (name, env) => {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  let output = '';
  const child = spawn(STRAPI_BIN, ['start'], {
    cwd: ROOT,
    env: { ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
    // A group of its own, so that a kill reaches whatever it forks too.
    detached: true,
  });
  const keep = (chunk) => (output = (output + chunk.toString()).slice(-20_000));
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const node = {
    name,
    baseUrl,
    pid: child.pid,
    output: () => output,
    alive: () => child.exitCode === null && child.signalCode === null,
    /** Sends `signal` to the node's process group and waits until it is gone. */
    async kill(signal = 'SIGTERM') {
      if (node.alive()) {
        try {
          process.kill(-child.pid, signal);
        } catch {
          // already gone
        }
      }
      const timer = setTimeout(() => {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          // gone meanwhile
        }
      }, 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (!node.alive()) throw new Error(`node ${name} exited while starting:\n${output}`);
    if (Date.now() > deadline) {
      await node.kill('SIGKILL');
      throw new Error(`node ${name} did not answer ${baseUrl}/_health in 120 s:\n${output}`);
    }
    try {
      const response = await fetch(`${baseUrl}/_health`);
      if (response.status === 204 || response.ok) return node;
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
};

/**
 * Starts `count` nodes on the PostgreSQL database at `databaseUrl`, one after the other: the first
 * applies a schema change alone (README, Running several nodes).
 */
const startCluster = async ({ databaseUrl, databaseName, count = 2, env = {} }) => {
  const common = {
    ...process.env,
    ...sharedEnv(),
    DATABASE_URL: databaseUrl,
    DATABASE_NAME: databaseName,
    ...env,
  };
  delete common.DATABASE_FILENAME;
  const nodes = [];
  try {
    for (let i = 1; i <= count; i += 1) nodes.push(await startNode(`node ${i}`, common));
  } catch (error) {
    await Promise.all(nodes.map((node) => node.kill('SIGKILL')));
    throw error;
  }
  return { nodes, stop: () => Promise.all(nodes.map((node) => node.kill('SIGTERM'))) };
};

/** A JSON client of one node: `call(method, path, body?)` answers `{ status, body }`. */
const clientOf = (node, token) => async (method, path, body) => {
  const headers = token ? { Authorization: `Bearer ${token}` } : {};
  const init = { method, headers };
  if (body instanceof FormData) init.body = body;
  else if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  const response = await fetch(`${node.baseUrl}${path}`, init);
  const text = await response.text();
  let parsed = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    // not JSON: kept as text
  }
  return { status: response.status, body: parsed };
};

const expectStatus = (answer, status, what) => {
  if (answer.status !== status)
    throw new Error(
      `${what}: expected ${status}, got ${answer.status} ${JSON.stringify(answer.body)}`
    );
  return answer.body;
};

/**
 * Registers the first super admin through `node` and makes a full-access API token with it:
 * answers the admin's JWT and the token, which every node then accepts (both live in the database).
 */
const adminThrough = async (node) => {
  const call = clientOf(node);
  const admin = expectStatus(
    await call('POST', '/admin/register-admin', {
      email: 'nodes-admin@crm.test',
      password: 'Nodes-Admin-Password-1',
      firstname: 'Nodes',
      lastname: 'Admin',
    }),
    200,
    'registering the first admin'
  );
  const jwt = admin.data.token ?? admin.data.accessToken;
  const created = expectStatus(
    await clientOf(node, jwt)('POST', '/admin/api-tokens', {
      name: `nodes-${Date.now()}`,
      type: 'full-access',
      lifespan: null,
      description: 'several nodes',
    }),
    201,
    'creating an API token'
  );
  return { jwt, apiToken: created.data.accessKey };
};

/** The job as `node` sees it. */
const readImport = async (call, documentId) =>
  expectStatus(await call('GET', `/api/crm/imports/${documentId}`), 200, 'reading an import').data;

/** Polls until the job leaves `stages` (or `timeoutMs` passes); answers the job. */
const waitWhile = async (call, documentId, stages, timeoutMs = 120_000) => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const job = await readImport(call, documentId);
    if (!stages.includes(job.stage)) return job;
    if (Date.now() > deadline)
      throw new Error(`the import ${documentId} stayed ${job.stage} for ${timeoutMs} ms`);
    await sleep(100);
  }
};

/**
 * Uploads a contacts CSV through one client, waits for its validation, has every unmatched
 * company created: answers the job, ready to start.
 */
const uploadContacts = async (call, csv, fileName) => {
  const form = new FormData();
  form.append('object', 'contacts');
  form.append('file', new Blob([csv], { type: 'text/csv' }), fileName);
  const uploaded = expectStatus(await call('POST', '/api/crm/imports', form), 201, 'an upload');
  let job = await waitWhile(call, uploaded.data.documentId, ['validating']);
  if (job.stage === 'reference-data') {
    expectStatus(
      await call('PUT', `/api/crm/imports/${job.documentId}/reference-data`, {
        applyToAll: 'create',
      }),
      200,
      'deciding the unmatched companies'
    );
    job = await waitWhile(call, job.documentId, ['validating', 'reference-data']);
  }
  if (job.stage !== 'ready') throw new Error(`the import ${job.documentId} is ${job.stage}`);
  return job;
};

/** Starts a ready import through one client (202). */
const startImport = async (call, documentId) =>
  expectStatus(
    await call('POST', `/api/crm/imports/${documentId}/start`),
    202,
    'starting an import'
  );

/**
 * `rows` contacts, unique by e-mail (`<prefix><n>@nodes.example`), spread over `companies`
 * companies named after `prefix` (none of them exists yet).
 */
const contactsCsv = (prefix, rows, companies) => {
  const lines = ['First Name,Last Name,Email,Company'];
  for (let i = 0; i < rows; i += 1)
    lines.push(
      `${prefix},Row${i},${prefix.toLowerCase()}${i}@nodes.example,${prefix} Company ${i % companies}`
    );
  return `${lines.join('\n')}\n`;
};

module.exports = {
  adminThrough,
  clientOf,
  contactsCsv,
  expectStatus,
  readImport,
  sleep,
  startCluster,
  startImport,
  uploadContacts,
  waitWhile,
};

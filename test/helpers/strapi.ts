import { join } from 'node:path';

import type { Core } from '@strapi/strapi';
import request from 'supertest';

import { createContractChecker } from './contract';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { createDatabase, dropDatabase } = require('./databases');

const root = join(__dirname, '..', '..');

const TEST_ENV: Record<string, string> = {
  NODE_ENV: 'test',
  STRAPI_TELEMETRY_DISABLED: 'true',
  STRAPI_DISABLE_UPDATE_NOTIFICATION: 'true',
  HOST: '127.0.0.1',
  PORT: '0',
  APP_KEYS: 'testKeyA,testKeyB',
  API_TOKEN_SALT: 'test-api-token-salt',
  ADMIN_JWT_SECRET: 'test-admin-jwt-secret',
  TRANSFER_TOKEN_SALT: 'test-transfer-token-salt',
  JWT_SECRET: 'test-jwt-secret',
  ENCRYPTION_KEY: 'test-encryption-key',
  CRM_DEMO_DATA: 'false',
  CRM_ENCRYPTION_KEY: 'p0wR8VYC2b9bE7mV1Pq0m7zq3xS1l5yYb9dH0uJcQ2M=',
  CRM_ERASURE_KEY: 'test-erasure-key-of-at-least-32-characters',
  LOG_LEVEL: process.env.LOG_LEVEL || 'error',
};

export interface TestApp {
  strapi: Core.Strapi;
  /** supertest against the booted server, authenticated with a full-access API token. */
  api: () => request.Agent;
  /** supertest without credentials. */
  anonymous: () => request.Agent;
  /** `agent` with each answer of /api/crm checked against the API's OpenAPI document (`contract.ts`). */
  checking: (agent: request.Agent) => request.Agent;
  stop: () => Promise<void>;
}

/**
 * Waits (up to 10 s) until no query runs or waits for a connection: Strapi emits document events
 * after commit without awaiting them, and an import may still be running in the background. A
 * pool destroyed under them leaves a query hanging, whose timeout would fail a later test file.
 */
const settle = async (strapi: Core.Strapi) => {
  const pool = (
    strapi.db.connection as unknown as {
      client: { pool?: { numUsed(): number; numPendingAcquires(): number } };
    }
  ).client.pool;
  await strapi.plugin('crm').service('import-runner').stop();
  for (let waited = 0; pool && waited < 10_000; waited += 50) {
    if (pool.numUsed() === 0 && pool.numPendingAcquires() === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};

/** Boots the compiled app on a database of its own (see databases.js); one per test file. */
export const startApp = async (): Promise<TestApp> => {
  Object.assign(process.env, TEST_ENV);
  const database = await createDatabase();
  const { createStrapi } = await import('@strapi/strapi');
  const strapi = await createStrapi({
    appDir: root,
    distDir: join(root, 'dist'),
    autoReload: false,
    serveAdminPanel: false,
  }).load();
  await strapi.server.mount();

  const token = await strapi.service('admin::api-token').create({
    name: `tests-${Date.now()}`,
    type: 'full-access',
    lifespan: null,
    description: 'integration tests',
  });
  const http = strapi.server.httpServer;
  const description = await request(http)
    .get('/api/crm/openapi.json')
    .set('Authorization', `Bearer ${token.accessKey}`);
  if (description.status !== 200)
    throw new Error(
      `GET /api/crm/openapi.json answered ${description.status}: ${JSON.stringify(description.body)}`
    );
  const { checking } = createContractChecker(description.body);

  return {
    strapi,
    api: () => checking(request.agent(http).set('Authorization', `Bearer ${token.accessKey}`)),
    anonymous: () => checking(request.agent(http)),
    checking,
    stop: async () => {
      await settle(strapi);
      await strapi.destroy();
      await dropDatabase(database);
    },
  };
};

/**
 * The app of one test file: booted before its tests (`beforeAll`) and stopped after them
 * (`afterAll`). Read it inside tests and hooks registered after this call; before the boot, any
 * use throws.
 */
export const useTestApp = (): TestApp => {
  let started: TestApp | undefined;
  beforeAll(async () => {
    started = await startApp();
  });
  afterAll(async () => {
    await started?.stop();
  });
  const current = () => {
    if (!started)
      throw new Error('the test app is booted in beforeAll: use it inside a test or a later hook');
    return started;
  };
  return {
    get strapi() {
      return current().strapi;
    },
    api: () => current().api(),
    anonymous: () => current().anonymous(),
    checking: (agent) => current().checking(agent),
    stop: () => current().stop(),
  };
};

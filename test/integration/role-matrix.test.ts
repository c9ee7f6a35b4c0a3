import type request from 'supertest';

import {
  CRM_ROLES,
  ROUTE_CAPABILITIES,
  roleMay,
} from '../../src/plugins/crm/server/src/permissions';
import { startApp, type TestApp } from '../helpers/strapi';
import { apiToken, loginAs } from '../helpers/users';

/**
 * Every CRM route against every kind of caller, expected statuses generated from the one role
 * table. Unknown ids and empty bodies keep allowed calls from changing anything: an allowed call
 * answers anything but 401/403 (often 400 or 404), a refused one 401/403.
 */
interface Route {
  method: string;
  path: string;
  handler: string;
}

let app: TestApp;
let routes: Route[];
const callers: Record<string, () => request.Agent> = {};

beforeAll(async () => {
  app = await startApp();
  routes = (app.strapi.plugin('crm').routes as unknown as Record<string, { routes: Route[] }>)[
    'content-api'
  ].routes;
  callers.anonymous = app.anonymous;
  callers.authenticated = (await loginAs(app, 'authenticated')).agent;
  for (const role of CRM_ROLES) callers[role] = (await loginAs(app, role)).agent;
  callers['full-access token'] = await apiToken(app, 'full-access');
  callers['read-only token'] = await apiToken(app, 'read-only');
});
afterAll(async () => {
  await app.stop();
});

const handlerOf = (route: Route) => route.handler.replace(/^plugin::crm\./, '');

/** POST routes that only read (a body too rich for a query string): read-only tokens may call them. */
const READING_POSTS = new Set(['duplicate.customerCheck', 'duplicate.contactCheck']);

const expectedToPass = (caller: string, route: Route): boolean => {
  const capability = ROUTE_CAPABILITIES[handlerOf(route)];
  if (caller === 'anonymous' || caller === 'authenticated') return false;
  if (caller === 'full-access token') return true;
  if (caller === 'read-only token')
    return route.method === 'GET' || READING_POSTS.has(handlerOf(route));
  return roleMay(caller, capability);
};

const call = (agent: request.Agent, route: Route) => {
  const url = `/api/crm${route.path.replace(/:id/g, 'matrixnosuchdocument0000')}`;
  const method = route.method.toLowerCase() as 'get' | 'post' | 'put' | 'delete';
  return method === 'get' || method === 'delete' ? agent[method](url) : agent[method](url).send({});
};

describe('the role table', () => {
  it('has an entry for every CRM route, and a route for every entry', () => {
    const handlers = routes.map(handlerOf);
    expect(handlers.filter((handler) => !(handler in ROUTE_CAPABILITIES))).toEqual([]);
    expect(
      Object.keys(ROUTE_CAPABILITIES).filter((handler) => !handlers.includes(handler))
    ).toEqual([]);
  });

  it('is enforced on every route for every caller', async () => {
    const mismatches: string[] = [];
    let checked = 0;
    for (const route of routes) {
      for (const [caller, agent] of Object.entries(callers)) {
        const response = await call(agent(), route);
        const refused = response.status === 401 || response.status === 403;
        const shouldPass = expectedToPass(caller, route);
        const statusOk = shouldPass
          ? !refused && response.status < 500
          : caller === 'anonymous'
            ? refused
            : response.status === 403;
        if (!statusOk)
          mismatches.push(
            `${caller} ${route.method} ${route.path}: ${response.status}, expected ${shouldPass ? 'allowed' : 'refused'}`
          );
        checked += 1;
      }
    }
    expect(mismatches).toEqual([]);
    expect(checked).toBe(routes.length * Object.keys(callers).length);
  });

  it('answers exactly as the role table says for a few telling cells', async () => {
    const deleteCustomer = { method: 'DELETE', path: '/customers/:id', handler: 'customer.delete' };
    const createCustomer = { method: 'POST', path: '/customers', handler: 'customer.create' };
    const list = { method: 'GET', path: '/customers', handler: 'customer.find' };
    expect((await call(callers.crm_sales(), deleteCustomer)).status).toBe(403);
    expect((await call(callers.crm_manager(), deleteCustomer)).status).toBe(404);
    expect((await call(callers.crm_marketeer(), createCustomer)).status).toBe(403);
    expect((await call(callers.crm_sales(), createCustomer)).status).toBe(400);
    expect((await call(callers.crm_marketeer(), list)).status).toBe(200);
    expect((await call(callers.authenticated(), list)).status).toBe(403);
    expect([401, 403]).toContain((await call(callers.anonymous(), list)).status);
    expect((await call(callers['read-only token'](), createCustomer)).status).toBe(403);
  });
});

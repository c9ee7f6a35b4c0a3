/**
 * The plugin's REST API, served under /api/crm. `:id` is a documentId.
 * Specific paths come before `/:id` so that `search` is not read as an id. Every route is guarded
 * by the role table (`permissions.ts`); reads other than find/findOne take the permission of
 * `find` or `findOne`, so whoever may list customers may search them (read-only API tokens too).
 */
import { REQUEST_GUARD } from '../middlewares';
import { IMPORT_ROUTES } from './import-routes';

const READ_LIST = { scope: ['plugin::crm.customer.find'] };
const READ_ONE = { scope: ['plugin::crm.customer.findOne'] };

const recordRoutes = (plural: string, controller: string) => [
  { method: 'GET', path: `/${plural}`, handler: `${controller}.find` },
  { method: 'GET', path: `/${plural}/:id`, handler: `${controller}.findOne` },
  { method: 'POST', path: `/${plural}`, handler: `${controller}.create` },
  { method: 'PUT', path: `/${plural}/:id`, handler: `${controller}.update` },
  { method: 'DELETE', path: `/${plural}/:id`, handler: `${controller}.delete` },
];

const routes: { method: string; path: string; handler: string; auth?: { scope: string[] } }[] = [
  { method: 'GET', path: '/customers/search', handler: 'customer.search', auth: READ_LIST },
  { method: 'GET', path: '/customers', handler: 'customer.find' },
  { method: 'GET', path: '/customers/:id', handler: 'customer.findOne' },
  { method: 'POST', path: '/customers', handler: 'customer.create' },
  { method: 'PUT', path: '/customers/:id', handler: 'customer.update' },
  { method: 'DELETE', path: '/customers/:id', handler: 'customer.delete' },
  { method: 'PUT', path: '/customers/:id/primary', handler: 'customer.setPrimary' },
  // Any CRM reader reaches the controller, which applies the table and audits the outcome.
  { method: 'POST', path: '/customers/:id/ssn/reveal', handler: 'customer.revealSsn', auth: READ_ONE },
  { method: 'GET', path: '/customers/:id/connections', handler: 'customer.connections', auth: { scope: ['plugin::crm.connection.find'] } },
  { method: 'PUT', path: '/customers/:id/primary-contact', handler: 'customer.setPrimaryContact' },
  { method: 'GET', path: '/customers/:id/relationships', handler: 'customer.relationships', auth: { scope: ['plugin::crm.relationship.find'] } },
  { method: 'GET', path: '/customers/:id/network', handler: 'customer.network', auth: READ_ONE },
  ...recordRoutes('addresses', 'address'),
  ...recordRoutes('phones', 'phone'),
  ...recordRoutes('emails', 'email'),
  ...recordRoutes('connections', 'connection'),
  ...recordRoutes('relationships', 'relationship'),
  ...recordRoutes('contacts', 'contact'),
  { method: 'POST', path: '/contacts/:id/generate-login', handler: 'contact.generateLogin' },
  { method: 'POST', path: '/contacts/:id/convert', handler: 'contact.convert' },
  { method: 'GET', path: '/contacts/:id/activity', handler: 'contact.activity', auth: { scope: ['plugin::crm.contact.findOne'] } },
  { method: 'POST', path: '/contacts/:id/activity', handler: 'contact.comment' },
  { method: 'GET', path: '/marketing-lists', handler: 'marketing-list.find' },
  { method: 'GET', path: '/marketing-lists/:id', handler: 'marketing-list.findOne' },
  { method: 'POST', path: '/marketing-lists', handler: 'marketing-list.create' },
  { method: 'POST', path: '/marketing-lists/:id/members', handler: 'marketing-list.addMembers' },
  ...IMPORT_ROUTES.map(({ readsJob, ...route }) => ({
    ...route,
    ...(readsJob ? { auth: { scope: ['plugin::crm.import.findOne'] } } : {}),
  })),
  {
    method: 'GET',
    path: '/marketing-lists/:id/export',
    handler: 'marketing-list.export',
    auth: { scope: ['plugin::crm.marketing-list.findOne'] },
  },
];

export default {
  type: 'content-api',
  routes: routes.map(({ auth, ...route }) => ({
    ...route,
    config: { policies: ['plugin::crm.role-table'], middlewares: [REQUEST_GUARD], ...(auth ? { auth } : {}) },
  })),
};

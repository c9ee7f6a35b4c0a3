import { CONTACT_POINT_ROUTES, contactPointHandler } from '../controllers/admin-customer';
import { ROUTE_MIDDLEWARES } from '../middlewares';
import { adminAction } from '../permissions';
import { CONTACT_ROUTES, MARKETING_LIST_ROUTES } from './admin-page-routes';
import { DUPLICATE_ROUTES } from './duplicate-routes';
import { ERASURE_LIST_ROUTES, ERASURE_ROUTES } from './erasure-routes';
import { HISTORY_ROUTES } from './history-routes';
import { IMPORT_ROUTES } from './import-routes';
import { MERGE_ROUTES } from './merge-routes';
import { PERSONAL_DATA_ROUTES } from './personal-data-routes';
import { SOCIAL_PROFILE_ROUTES } from './social-profile-routes';

const requires = (...actions: string[]) => [
  'admin::isAuthenticatedAdmin',
  { name: 'admin::hasPermissions', config: { actions } },
];

const READ = adminAction('read');
const MANAGE = adminAction('manage');

/** The customer pages' routes: each runs the content API's action of the same name (admin-customer.ts). */
const CUSTOMER_ROUTES: { method: string; path: string; handler: string; action: string }[] = [
  { method: 'GET', path: '/settings', handler: 'settings', action: READ },
  { method: 'GET', path: '/customers/search', handler: 'search', action: READ },
  { method: 'POST', path: '/customers', handler: 'create', action: MANAGE },
  { method: 'GET', path: '/customers/:id', handler: 'findOne', action: READ },
  { method: 'PUT', path: '/customers/:id', handler: 'update', action: MANAGE },
  { method: 'GET', path: '/customers/:id/contacts', handler: 'contacts', action: READ },
  { method: 'PUT', path: '/customers/:id/primary', handler: 'setPrimary', action: MANAGE },
  // Admins who may read the CRM reach the controller, which checks the reveal action and audits.
  { method: 'POST', path: '/customers/:id/ssn/reveal', handler: 'revealSsn', action: READ },
  { method: 'GET', path: '/customers/:id/connections', handler: 'connections', action: READ },
  {
    method: 'PUT',
    path: '/customers/:id/primary-contact',
    handler: 'setPrimaryContact',
    action: MANAGE,
  },
  { method: 'GET', path: '/customers/:id/relationships', handler: 'relationships', action: READ },
  { method: 'GET', path: '/customers/:id/network', handler: 'network', action: READ },
  { method: 'POST', path: '/connections', handler: 'createConnection', action: MANAGE },
  { method: 'DELETE', path: '/connections/:id', handler: 'deleteConnection', action: MANAGE },
  { method: 'POST', path: '/relationships', handler: 'createRelationship', action: MANAGE },
  { method: 'DELETE', path: '/relationships/:id', handler: 'deleteRelationship', action: MANAGE },
  // A customer's addresses, phones and emails, through the same gates as REST.
  ...Object.entries(CONTACT_POINT_ROUTES).flatMap(([plural, kind]) => [
    {
      method: 'POST',
      path: `/${plural}`,
      handler: contactPointHandler('create', kind),
      action: MANAGE,
    },
    {
      method: 'PUT',
      path: `/${plural}/:id`,
      handler: contactPointHandler('update', kind),
      action: MANAGE,
    },
    {
      method: 'DELETE',
      path: `/${plural}/:id`,
      handler: contactPointHandler('delete', kind),
      action: MANAGE,
    },
  ]),
];

/** Routes of the plugin's admin pages, served under /crm and guarded by admin RBAC. */
export default {
  type: 'admin',
  routes: [
    ...CUSTOMER_ROUTES.map(({ method, path, handler, action }) => ({
      method,
      path,
      handler: `admin-customer.${handler}`,
      config: { policies: requires(action), middlewares: ROUTE_MIDDLEWARES },
    })),
    ...SOCIAL_PROFILE_ROUTES.map(({ method, path, handler }) => ({
      method,
      path,
      handler: handler.replace(/^customer\./, 'admin-customer.'),
      config: { policies: requires(MANAGE), middlewares: ROUTE_MIDDLEWARES },
    })),
    ...PERSONAL_DATA_ROUTES.map(({ method, path, handler }) => ({
      method,
      path,
      handler: `admin-${handler}`,
      config: { policies: requires(adminAction('personal-data')), middlewares: ROUTE_MIDDLEWARES },
    })),
    ...[...CONTACT_ROUTES, ...MARKETING_LIST_ROUTES].map(({ method, path, handler, action }) => ({
      method,
      path,
      handler,
      config: { policies: requires(action), middlewares: ROUTE_MIDDLEWARES },
    })),
    ...DUPLICATE_ROUTES.map(({ method, path, handler, readScope }) => ({
      method,
      path,
      handler,
      config: { policies: requires(readScope ? READ : MANAGE), middlewares: ROUTE_MIDDLEWARES },
    })),
    ...MERGE_ROUTES.map(({ method, path, handler }) => ({
      method,
      path,
      handler,
      config: { policies: requires(adminAction('merge')), middlewares: ROUTE_MIDDLEWARES },
    })),
    ...[...ERASURE_ROUTES, ...ERASURE_LIST_ROUTES].map(({ method, path, handler }) => ({
      method,
      path,
      handler,
      config: { policies: requires(adminAction('personal-data')), middlewares: ROUTE_MIDDLEWARES },
    })),
    ...IMPORT_ROUTES.map(({ method, path, handler }) => ({
      method,
      path,
      handler,
      config: { policies: requires(adminAction('import')), middlewares: ROUTE_MIDDLEWARES },
    })),
    ...HISTORY_ROUTES.map(({ method, path, handler, readScope }) => ({
      method,
      path,
      handler,
      config: { policies: requires(readScope ? READ : MANAGE), middlewares: ROUTE_MIDDLEWARES },
    })),
  ],
};

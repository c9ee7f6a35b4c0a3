import { adminAction } from '../permissions';
import { IMPORT_ROUTES } from './import-routes';

const requires = (...actions: string[]) => [
  'admin::isAuthenticatedAdmin',
  { name: 'admin::hasPermissions', config: { actions } },
];

/** Routes of the plugin's admin pages, served under /crm and guarded by admin RBAC. */
export default {
  type: 'admin',
  routes: [
    {
      method: 'GET',
      path: '/customers/search',
      handler: 'admin-customer.search',
      config: { policies: requires(adminAction('read')) },
    },
    {
      // Admins who may read the CRM reach the controller, which checks the reveal action and audits.
      method: 'POST',
      path: '/customers/:id/ssn/reveal',
      handler: 'admin-customer.revealSsn',
      config: { policies: requires(adminAction('read')) },
    },
    ...IMPORT_ROUTES.map(({ method, path, handler }) => ({
      method,
      path,
      handler,
      config: { policies: requires(adminAction('import')) },
    })),
  ],
};

import { adminAction } from '../permissions';

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
    ...[
      { method: 'POST', path: '/imports', handler: 'import.create' },
      { method: 'GET', path: '/imports/:id', handler: 'import.findOne' },
      { method: 'PUT', path: '/imports/:id/mapping', handler: 'import.setMapping' },
      { method: 'GET', path: '/imports/:id/reference-data', handler: 'import.referenceData' },
      { method: 'PUT', path: '/imports/:id/reference-data', handler: 'import.decide' },
      { method: 'POST', path: '/imports/:id/start', handler: 'import.start' },
      { method: 'GET', path: '/imports/:id/ignored', handler: 'import.ignored' },
      { method: 'POST', path: '/imports/:id/undo', handler: 'import.undo' },
    ].map((route) => ({ ...route, config: { policies: requires(adminAction('import')) } })),
  ],
};

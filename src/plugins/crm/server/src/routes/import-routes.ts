/**
 * The import API's routes, served twice with the same handlers: to the content API (/api/crm,
 * guarded by the role table) and to the admin panel's wizard (/crm, guarded by admin RBAC).
 * `readsJob` marks the reads that take the permission of reading the job itself.
 */
export const IMPORT_ROUTES: readonly { method: string; path: string; handler: string; readsJob?: boolean }[] = [
  { method: 'POST', path: '/imports', handler: 'import.create' },
  { method: 'GET', path: '/imports/:id', handler: 'import.findOne' },
  { method: 'PUT', path: '/imports/:id/mapping', handler: 'import.setMapping' },
  { method: 'GET', path: '/imports/:id/reference-data', handler: 'import.referenceData', readsJob: true },
  { method: 'PUT', path: '/imports/:id/reference-data', handler: 'import.decide' },
  { method: 'POST', path: '/imports/:id/start', handler: 'import.start' },
  { method: 'GET', path: '/imports/:id/ignored', handler: 'import.ignored', readsJob: true },
  { method: 'GET', path: '/imports/:id/log', handler: 'import.log', readsJob: true },
  { method: 'POST', path: '/imports/:id/undo', handler: 'import.undo' },
];

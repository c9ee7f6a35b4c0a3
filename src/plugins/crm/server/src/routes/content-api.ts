/**
 * The plugin's REST API, served under /api/crm (SPEC.md, "REST API"). `:id` is a documentId.
 * Specific paths come before `/:id` so that `search` is not read as an id.
 */
const contactPointRoutes = (plural: string, controller: string) => [
  { method: 'GET', path: `/${plural}`, handler: `${controller}.find` },
  { method: 'GET', path: `/${plural}/:id`, handler: `${controller}.findOne` },
  { method: 'POST', path: `/${plural}`, handler: `${controller}.create` },
  { method: 'PUT', path: `/${plural}/:id`, handler: `${controller}.update` },
  { method: 'DELETE', path: `/${plural}/:id`, handler: `${controller}.delete` },
];

export default {
  type: 'content-api',
  routes: [
    { method: 'GET', path: '/customers/search', handler: 'customer.search' },
    { method: 'GET', path: '/customers', handler: 'customer.find' },
    { method: 'GET', path: '/customers/:id', handler: 'customer.findOne' },
    { method: 'POST', path: '/customers', handler: 'customer.create' },
    { method: 'PUT', path: '/customers/:id', handler: 'customer.update' },
    { method: 'DELETE', path: '/customers/:id', handler: 'customer.delete' },
    { method: 'PUT', path: '/customers/:id/primary', handler: 'customer.setPrimary' },
    ...contactPointRoutes('addresses', 'address'),
    ...contactPointRoutes('phones', 'phone'),
    ...contactPointRoutes('emails', 'email'),
  ].map((route) => ({ ...route, config: { policies: [] } })),
};

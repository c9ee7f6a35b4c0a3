import type { Core } from '@strapi/strapi';

import {
  AUDITED_ROUTES,
  ROUTE_CAPABILITIES,
  isApiTokenStrategy,
  roleMay,
  type Capability,
} from '../permissions';

export interface PolicyContext {
  state: {
    auth?: { strategy?: { name?: string }; credentials?: { role?: { type?: string } } };
    route?: { handler?: unknown };
  };
}

const handlerOf = (route: { handler?: unknown } | undefined) =>
  typeof route?.handler === 'string' ? route.handler.replace(/^plugin::crm\./, '') : '';

/**
 * Checks every CRM route against the role table. Users-permissions already requires the route's
 * permission; this makes the table a ceiling, so a permission ticked by mistake in the admin panel
 * (say, delete for crm_sales) still cannot widen a CRM role beyond the table. API tokens are
 * governed by their own type (full access, read-only, custom) and pass here.
 */
export default (
  policyContext: PolicyContext,
  _config: unknown,
  _context: { strapi: Core.Strapi }
): boolean => {
  const auth = policyContext.state.auth;
  if (isApiTokenStrategy(auth?.strategy?.name)) return true;
  if (auth?.strategy?.name !== 'users-permissions') return false;
  const handler = handlerOf(policyContext.state.route);
  const capability: Capability | undefined = AUDITED_ROUTES.has(handler)
    ? 'read'
    : ROUTE_CAPABILITIES[handler];
  return capability !== undefined && roleMay(auth.credentials?.role?.type, capability);
};

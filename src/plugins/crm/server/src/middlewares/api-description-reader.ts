import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';

import { mayReadApiDescription } from '../permissions';
import { callerOf } from '../utils/actor';
import { errors } from '../utils/strapi-utils';

/**
 * The guard of `GET /openapi.json`, whose route has `auth: false`: a route scope must be held in
 * full, and no single permission is held by every caller who may read the description. So this
 * runs the content API's own authentication (users-permissions, API tokens) and then asks
 * `mayReadApiDescription`. Anonymous callers and other roles get 403, as on every CRM route.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) =>
  async (ctx: Context, next: Next) => {
    const route = ctx.state.route as { config?: Record<string, unknown> };
    let authenticated = false;
    // Strapi's authentication skips a route whose config says `auth: false`; it reads no other field.
    ctx.state.route = { ...route, config: { ...route.config, auth: {} } };
    try {
      await strapi.get('auth').authenticate(ctx, async () => {
        authenticated = true;
      });
    } finally {
      ctx.state.route = route;
    }
    // Refused credentials (an expired token, say): Strapi has answered 401 already.
    if (!authenticated) return undefined;
    if (!mayReadApiDescription(callerOf(ctx))) throw new errors.PolicyError();
    return next();
  };

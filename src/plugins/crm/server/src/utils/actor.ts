import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';

import { ACTOR_TYPES } from '../../../contracts';
import { isApiTokenStrategy, type Caller } from '../permissions';

export { ACTOR_TYPES };

/** Who made a request, as recorded in audit rows, activity comments and import jobs. */
export interface Actor {
  type: (typeof ACTOR_TYPES)[number];
  id: string | null;
  name: string | null;
}

export const SYSTEM_ACTOR: Actor = { type: 'system', id: null, name: 'server' };

interface ContentApiCredentials {
  id?: number;
  name?: string;
  type?: string;
  username?: string;
  role?: { id?: number; type?: string };
}

interface RequestAuth {
  strategy?: { name?: string };
  credentials?: ContentApiCredentials;
  ability?: { can?: (action: string) => boolean } | null;
}

const authOf = (ctx: Context): RequestAuth => (ctx.state?.auth ?? {}) as RequestAuth;
const isAdminStrategy = (name: unknown) => name === 'admin' || name === 'admin-token';

/** The caller of a content-API route: a users-permissions user or an API token. */
export const contentApiActor = (ctx: Context): Actor => {
  const auth = authOf(ctx);
  const credentials = auth.credentials ?? {};
  const id = credentials.id === undefined ? null : String(credentials.id);
  return isApiTokenStrategy(auth.strategy?.name)
    ? { type: 'api-token', id, name: credentials.name ?? null }
    : { type: 'user', id, name: credentials.username ?? null };
};

/** The caller of an admin route: an admin-panel user. */
export const adminActor = (ctx: Context): Actor => {
  const user = ctx.state.user as { id?: number; email?: string } | undefined;
  return {
    type: 'admin',
    id: user?.id === undefined ? null : String(user.id),
    name: user?.email ?? null,
  };
};

/** The caller of a route that is served both to the content API and to the admin panel. */
export const requestActor = (ctx: Context): Actor =>
  (ctx.state.route as { info?: { type?: string } } | undefined)?.info?.type === 'admin' ||
  isAdminStrategy(authOf(ctx).strategy?.name)
    ? adminActor(ctx)
    : contentApiActor(ctx);

/**
 * The caller as the role table judges it (see `Caller`): `ctx` is the request being served, or
 * undefined for server code (a script, a start-up task, another plugin outside any request).
 */
export const callerOf = (ctx: Context | undefined): Caller => {
  if (!ctx) return { kind: 'system' };
  const auth = authOf(ctx);
  const strategy = auth.strategy?.name;
  if (strategy === 'users-permissions')
    return { kind: 'user', role: auth.credentials?.role?.type ?? null };
  if (isApiTokenStrategy(strategy)) {
    return {
      kind: 'token',
      tokenType: auth.credentials?.type ?? null,
      can: (action) => auth.ability?.can?.(action) === true,
    };
  }
  if (isAdminStrategy(strategy) || ctx.state?.userAbility) {
    const ability = (ctx.state.userAbility ?? auth.ability) as
      { can?: (action: string) => boolean } | undefined;
    return { kind: 'admin', can: (action) => ability?.can?.(action) === true };
  }
  return { kind: 'anonymous' };
};

/** The caller of the request being served (server code outside any request is `system`). */
export const currentCaller = (strapi: Core.Strapi): Caller =>
  callerOf(strapi.requestContext.get() as Context | undefined);

/** Who the request being served acts for, or the server itself outside any request. */
export const currentActor = (strapi: Core.Strapi): Actor => {
  const ctx = strapi.requestContext.get() as Context | undefined;
  return ctx ? requestActor(ctx) : SYSTEM_ACTOR;
};

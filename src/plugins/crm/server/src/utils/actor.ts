import type { Context } from 'koa';

import { isApiTokenStrategy } from '../permissions';

/** Who made a request, as recorded in audit rows and activity comments. */
export interface Actor {
  type: 'user' | 'admin' | 'api-token';
  id: string | null;
  name: string | null;
}

interface ContentApiCredentials {
  id?: number;
  name?: string;
  type?: string;
  username?: string;
  role?: { id?: number; type?: string };
}

/** The caller of a content-API route: a users-permissions user or an API token. */
export const contentApiActor = (ctx: Context): Actor => {
  const auth = (ctx.state.auth ?? {}) as { strategy?: { name?: string }; credentials?: ContentApiCredentials };
  const credentials = auth.credentials ?? {};
  const id = credentials.id === undefined ? null : String(credentials.id);
  return isApiTokenStrategy(auth.strategy?.name)
    ? { type: 'api-token', id, name: credentials.name ?? null }
    : { type: 'user', id, name: credentials.username ?? null };
};

/** The caller of an admin route: an admin-panel user. */
export const adminActor = (ctx: Context): Actor => {
  const user = ctx.state.user as { id?: number; email?: string } | undefined;
  return { type: 'admin', id: user?.id === undefined ? null : String(user.id), name: user?.email ?? null };
};

/** The caller of a route that is served both to the content API and to the admin panel. */
export const requestActor = (ctx: Context): Actor =>
  (ctx.state.route as { info?: { type?: string } } | undefined)?.info?.type === 'admin' ? adminActor(ctx) : contentApiActor(ctx);

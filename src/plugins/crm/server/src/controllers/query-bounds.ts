import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';

import type { RequestRecords } from '../services/query-bounds';
import { getService } from '../utils/get-service';
import type { CrmContentTypeUid } from '../utils/uids';

type SanitizeQuery = (ctx: Context) => Promise<Record<string, unknown>>;
export type BoundedSanitizeQuery = (
  ctx: Context,
  records?: RequestRecords
) => Promise<Record<string, unknown>>;

/**
 * The records a request's populate is loaded for, read from the route: `:id` names one record, a
 * GET without it lists the page its query chooses, a create links nothing yet and a delete
 * answers no record. An action that chooses its records otherwise (the quick search) names them.
 */
const recordsOfRequest = (ctx: Context, query: Record<string, unknown>): RequestRecords => {
  if (ctx.method === 'DELETE') return 'none';
  if (ctx.params?.id) return { documentIds: [String(ctx.params.id)] };
  if (ctx.method === 'GET') return { page: query };
  return 'none';
};

/**
 * `sanitizeQuery` that also bounds what the caller's query may load (`services/query-bounds.ts`).
 * Every CRM controller reads its caller's query through `sanitizeQuery`, the core actions as well
 * as the customer's own writes and search, and the admin adapter's stand-in does too, so this is
 * the one place a caller's populate and pagination are bounded; the plugin's own reads are not.
 */
export const boundedSanitizeQuery = (
  strapi: Core.Strapi,
  uid: CrmContentTypeUid,
  sanitize: SanitizeQuery
): BoundedSanitizeQuery =>
  async function sanitizeQuery(this: unknown, ctx, records) {
    const query = await sanitize.call(this, ctx);
    await getService(strapi, 'query-bounds').enforce(
      uid,
      query,
      records ?? recordsOfRequest(ctx, query)
    );
    return query;
  };

type ControllerFactory = (deps: { strapi: Core.Strapi }) => unknown;

/** A core controller factory of `uid` whose `sanitizeQuery` bounds the caller's query. */
export const withQueryBounds =
  (uid: CrmContentTypeUid, factory: ControllerFactory) => (deps: { strapi: Core.Strapi }) => {
    const controller = factory(deps) as { sanitizeQuery: SanitizeQuery };
    controller.sanitizeQuery = boundedSanitizeQuery(deps.strapi, uid, controller.sanitizeQuery);
    return controller;
  };

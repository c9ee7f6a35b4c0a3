import { factories, type Core } from '@strapi/strapi';
import type { Context } from 'koa';

import { documentData } from '../utils/document-params';
import { getService } from '../utils/get-service';
import { errors } from '../utils/strapi-utils';
import { CUSTOMER_UID } from '../utils/uids';
import { networkQuery, primaryBody, primaryContactBody } from '../validation/customer';
import { parseBody, requireData } from '../validation/parse';
import { searchQuery } from '../validation/search';
import { createDuplicateWarnings, takeAllowDuplicate } from './duplicate-warnings';
import { sanitizeCustomerInput, type InputOptions } from './nested-input';
import type { BoundedSanitizeQuery } from './query-bounds';
import { socialProfileActions } from './social-profile';
import { judgeContentApiReveal } from './ssn-access';

/**
 * The core controller helpers this controller reuses (typed loosely by Strapi's factory). The admin
 * panel runs the same actions with admin sanitisers in their place (`admin-adapter.ts`).
 */
export interface CoreControllerApi {
  validateQuery(ctx: Context): Promise<void>;
  /** Sanitised and bounded (`query-bounds.ts`); `records` when the action chooses them itself. */
  sanitizeQuery: BoundedSanitizeQuery;
  validateInput(data: unknown, ctx: Context): Promise<void>;
  sanitizeInput(data: unknown, ctx: Context): Promise<Record<string, unknown>>;
  sanitizeOutput(data: unknown, ctx: Context): Promise<unknown>;
  transformResponse(data: unknown, meta?: Record<string, unknown>): unknown;
  /** Options of the nested contact points' validation; the content API's when absent. */
  nestedInputOptions?(ctx: Context): InputOptions;
}
const coreApi = (controller: unknown) => controller as CoreControllerApi;

/** Query and body of a customer write, validated and sanitised like Strapi's core controllers do. */
const readCustomerWrite = async (strapi: Core.Strapi, controller: unknown, ctx: Context) => {
  const api = coreApi(controller);
  await api.validateQuery(ctx);
  const query = await api.sanitizeQuery(ctx);
  const data = await sanitizeCustomerInput(
    strapi,
    ctx,
    requireData(ctx.request.body),
    async (record) => {
      await api.validateInput(record, ctx);
      return api.sanitizeInput(record, ctx);
    },
    api.nestedInputOptions?.(ctx)
  );
  return { api, query, data };
};

export default factories.createCoreController(CUSTOMER_UID, ({ strapi }) => ({
  async create(ctx: Context) {
    const allowDuplicate = takeAllowDuplicate(ctx);
    const { api, query, data } = await readCustomerWrite(strapi, this, ctx);
    const warnings = createDuplicateWarnings(strapi);
    await warnings.guardCreate('customer', requireData(ctx.request.body), allowDuplicate);
    const entity = await strapi
      .documents(CUSTOMER_UID)
      .create({ ...query, data: documentData(CUSTOMER_UID, data) });
    ctx.status = 201;
    return api.transformResponse(await api.sanitizeOutput(entity, ctx), {
      possibleDuplicates: await warnings.of('customer', entity?.documentId),
    });
  },

  async update(ctx: Context) {
    const { api, query, data } = await readCustomerWrite(strapi, this, ctx);
    const entity = await strapi
      .documents(CUSTOMER_UID)
      .update({ ...query, documentId: ctx.params.id, data: documentData(CUSTOMER_UID, data) });
    if (!entity) throw new errors.NotFoundError('customer not found');
    return api.transformResponse(await api.sanitizeOutput(entity, ctx), {
      possibleDuplicates: await createDuplicateWarnings(strapi).of('customer', entity.documentId),
    });
  },

  async delete(ctx: Context) {
    const { entries } = await strapi.documents(CUSTOMER_UID).delete({ documentId: ctx.params.id });
    if (!entries?.length) throw new errors.NotFoundError('customer not found');
    ctx.status = 204;
  },

  async search(ctx: Context) {
    const { q, page, pageSize } = parseBody(searchQuery, ctx.query);
    const { q: _q, page: _p, pageSize: _s, ...standard } = ctx.query;
    ctx.query = standard;
    const api = coreApi(this);
    await api.validateQuery(ctx);
    const { results, pagination } = await getService(strapi, 'customer-actions').search({
      q,
      page,
      pageSize,
      // The index chooses the page, so the caller's populate is bounded for the customers it chose.
      shapeFor: async (documentIds) =>
        (await api.sanitizeQuery(ctx, { documentIds })) as { fields?: unknown; populate?: unknown },
    });
    return api.transformResponse(await api.sanitizeOutput(results, ctx), { pagination });
  },

  async setPrimary(ctx: Context) {
    const { kind, id } = parseBody(primaryBody, ctx.request.body);
    const api = coreApi(this);
    const customer = await getService(strapi, 'customer-actions').setPrimary(
      ctx.params.id,
      kind,
      id
    );
    return api.transformResponse(await api.sanitizeOutput(customer, ctx));
  },

  async revealSsn(ctx: Context) {
    const { actor, allowed } = await judgeContentApiReveal(strapi, ctx);
    const revealed = await getService(strapi, 'ssn').reveal(ctx.params.id, actor, allowed);
    ctx.body = { data: revealed, meta: {} };
  },

  async connections(ctx: Context) {
    ctx.body = { data: await getService(strapi, 'network').connectionsOf(ctx.params.id), meta: {} };
  },

  async setPrimaryContact(ctx: Context) {
    const { customer } = parseBody(primaryContactBody, ctx.request.body);
    const api = coreApi(this);
    await getService(strapi, 'connection-gate').choosePrimaryContact(ctx.params.id, customer);
    const updated = await strapi
      .documents(CUSTOMER_UID)
      .findOne({ documentId: ctx.params.id, populate: ['primaryContact'] });
    return api.transformResponse(await api.sanitizeOutput(updated, ctx));
  },

  async relationships(ctx: Context) {
    ctx.body = {
      data: await getService(strapi, 'network').relationshipsOf(ctx.params.id),
      meta: {},
    };
  },

  async network(ctx: Context) {
    const { depth } = parseBody(networkQuery, ctx.query);
    const cap = getService(strapi, 'settings').get().networkNodeCap;
    const graph = await getService(strapi, 'network').graph(ctx.params.id, depth, cap);
    ctx.body = { data: graph, meta: { depth, nodeCap: cap } };
  },

  ...socialProfileActions(strapi),
}));

import { factories } from '@strapi/strapi';
import { errors } from '../utils/strapi-utils';
import type { Context } from 'koa';
import { z } from 'zod';

import { contentApiActor } from '../utils/actor';
import { respond } from '../utils/errors';
import { getService } from '../utils/get-service';
import { CONTACT_UID } from '../utils/uids';
import { pageParams, parseBody, requireData } from './request';

const generateLoginBody = z.object({ email: z.string({ required_error: 'email is required' }) });
const commentBody = z.object({ data: z.object({ body: z.unknown() }) });
const pageQuery = z.object(pageParams(100, 25));

/**
 * Contacts: Strapi's core controller, with lists showing active contacts only unless the caller
 * asks for inactive ones (`filters[active]` given, or `includeInactive=true`), and the actions.
 */
export default factories.createCoreController(CONTACT_UID as never, ({ strapi }) => ({
  async find(ctx: Context) {
    const { includeInactive, ...query } = ctx.query as Record<string, unknown>;
    if (includeInactive !== undefined && includeInactive !== 'true' && includeInactive !== 'false') {
      throw new errors.ValidationError('includeInactive must be true or false');
    }
    let filters = query.filters as Record<string, unknown> | undefined;
    const asksForActive = filters !== undefined && typeof filters === 'object' && 'active' in filters;
    if (filters && typeof filters === 'object' && !Array.isArray(filters)) {
      filters = await getService(strapi, 'contacts').companyFilterByLink(filters);
      query.filters = filters;
    }
    if (includeInactive !== 'true' && !asksForActive) {
      query.filters = filters ? { $and: [filters, { active: true }] } : { active: true };
    }
    ctx.query = query as Context['query'];
    return super.find(ctx);
  },

  async delete(ctx: Context) {
    const { entries } = await strapi.documents(CONTACT_UID as never).delete({ documentId: ctx.params.id } as never);
    if (!entries?.length) throw new errors.NotFoundError('contact not found');
    ctx.status = 204;
  },

  async create(ctx: Context) {
    requireData(ctx.request.body);
    return super.create(ctx);
  },

  async update(ctx: Context) {
    requireData(ctx.request.body);
    const exists = await strapi.documents(CONTACT_UID as never).findOne({ documentId: ctx.params.id, fields: ['id'] } as never);
    if (!exists) throw new errors.NotFoundError('contact not found');
    return super.update(ctx);
  },

  async generateLogin(ctx: Context) {
    const { email } = parseBody(generateLoginBody, ctx.request.body);
    await respond(ctx, 201, () => getService(strapi, 'contacts').generateLogin(ctx.params.id, email));
  },

  async convert(ctx: Context) {
    await respond(ctx, 201, () => getService(strapi, 'contacts').convert(ctx.params.id));
  },

  async activity(ctx: Context) {
    // Strapi's pagination[page] and pagination[pageSize], or page and pageSize.
    const strapiPagination = ctx.query.pagination as Record<string, unknown> | undefined;
    const given = (name: 'page' | 'pageSize') => strapiPagination?.[name] !== undefined;
    const { page, pageSize } = parseBody(
      pageQuery,
      {
        page: given('page') ? strapiPagination!.page : ctx.query.page,
        pageSize: given('pageSize') ? strapiPagination!.pageSize : ctx.query.pageSize,
      },
      ([name]) => (given(name as 'page' | 'pageSize') ? `pagination[${String(name)}]` : String(name))
    );
    const { results, pagination } = await getService(strapi, 'contacts').activity(ctx.params.id, page, pageSize);
    ctx.body = { data: results, meta: { pagination } };
  },

  async comment(ctx: Context) {
    const { data } = parseBody(commentBody, ctx.request.body);
    await respond(ctx, 201, () => getService(strapi, 'contacts').comment(ctx.params.id, data.body, contentApiActor(ctx)));
  },
}));

import { factories } from '@strapi/strapi';
import type { Context } from 'koa';

import { contentApiActor } from '../utils/actor';
import { respond } from '../utils/errors';
import { getService } from '../utils/get-service';
import { errors } from '../utils/strapi-utils';
import { CONTACT_UID, CUSTOMER_UID } from '../utils/uids';
import {
  commentBody,
  generateLoginBody,
  readActivityPage,
  readIncludeInactive,
} from '../validation/contact';
import { parseBody, requireData } from '../validation/parse';
import { createDuplicateWarnings, takeAllowDuplicate } from './duplicate-warnings';

/** A core controller's `{ data, meta }` answer with `meta.possibleDuplicates` of its record. */
const withPossibleDuplicates = async (
  response: unknown,
  find: (documentId: string | undefined) => Promise<unknown[]>
) => {
  const answer = response as { data?: { documentId?: string }; meta?: Record<string, unknown> };
  if (!answer?.data) return response;
  return {
    ...answer,
    meta: { ...(answer.meta ?? {}), possibleDuplicates: await find(answer.data.documentId) },
  };
};

/**
 * Contacts: Strapi's core controller, with lists showing active contacts only unless the caller
 * asks for inactive ones (`filters[active]` given, or `includeInactive=true`), and the actions.
 */
export default factories.createCoreController(CONTACT_UID, ({ strapi }) => ({
  async find(ctx: Context) {
    const { includeInactive, ...query } = ctx.query as Record<string, unknown>;
    const withInactive = readIncludeInactive({ includeInactive });
    let filters = query.filters as Record<string, unknown> | undefined;
    const asksForActive =
      filters !== undefined && typeof filters === 'object' && 'active' in filters;
    if (filters && typeof filters === 'object' && !Array.isArray(filters)) {
      filters = await getService(strapi, 'contact-actions').companyFilterByLink(filters);
      query.filters = filters;
    }
    if (!withInactive && !asksForActive) {
      query.filters = filters ? { $and: [filters, { active: true }] } : { active: true };
    }
    ctx.query = query as Context['query'];
    return super.find(ctx);
  },

  async delete(ctx: Context) {
    const { entries } = await strapi.documents(CONTACT_UID).delete({ documentId: ctx.params.id });
    if (!entries?.length) throw new errors.NotFoundError('contact not found');
    ctx.status = 204;
  },

  async create(ctx: Context) {
    const allowDuplicate = takeAllowDuplicate(ctx);
    const data = requireData(ctx.request.body);
    const warnings = createDuplicateWarnings(strapi);
    await warnings.guardCreate('contact', data, allowDuplicate);
    return withPossibleDuplicates(await super.create(ctx), (documentId) =>
      warnings.of('contact', documentId)
    );
  },

  async update(ctx: Context) {
    requireData(ctx.request.body);
    const exists = await strapi
      .documents(CONTACT_UID)
      .findOne({ documentId: ctx.params.id, fields: ['id'] });
    if (!exists) throw new errors.NotFoundError('contact not found');
    return withPossibleDuplicates(await super.update(ctx), (documentId) =>
      createDuplicateWarnings(strapi).of('contact', documentId)
    );
  },

  async generateLogin(ctx: Context) {
    const { email } = parseBody(generateLoginBody, ctx.request.body);
    await respond(ctx, 201, () =>
      getService(strapi, 'contact-actions').generateLogin(ctx.params.id, email)
    );
  },

  async convert(ctx: Context) {
    // Answered like any customer read: private fields (the SSN ciphertext) removed.
    await respond(ctx, 201, async () =>
      strapi.contentAPI.sanitize.output(
        await getService(strapi, 'contact-actions').convert(ctx.params.id),
        strapi.getModel(CUSTOMER_UID)
      )
    );
  },

  async activity(ctx: Context) {
    const { page, pageSize } = readActivityPage(ctx.query as Record<string, unknown>);
    const { results, pagination } = await getService(strapi, 'contact-actions').activity(
      ctx.params.id,
      page,
      pageSize
    );
    ctx.body = { data: results, meta: { pagination } };
  },

  async comment(ctx: Context) {
    const { data } = parseBody(commentBody, ctx.request.body);
    await respond(ctx, 201, () =>
      getService(strapi, 'contact-actions').comment(ctx.params.id, data.body, contentApiActor(ctx))
    );
  },
}));

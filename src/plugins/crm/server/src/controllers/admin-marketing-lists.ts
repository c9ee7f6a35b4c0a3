import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';

import { respond } from '../utils/errors';
import { getService } from '../utils/get-service';
import { MARKETING_LIST_UID } from '../utils/uids';
import { createListBody, listMembersQuery, pageQuery } from '../validation/admin-pages';
import { membersBody } from '../validation/marketing-list';
import { parseBody } from '../validation/parse';
import { runForAdmin } from './admin-adapter';

/**
 * The Marketing lists page's routes (under /crm, admin RBAC): lists with their reach, members with
 * why the export leaves them out, and the same membership changes and export as REST.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const lists = () => getService(strapi, 'admin-marketing-lists');
  const actions = () => getService(strapi, 'marketing-list-actions');

  return {
    async find(ctx: Context) {
      const { page, pageSize } = parseBody(pageQuery, ctx.query);
      const { results, pagination } = await lists().summaries(page, pageSize);
      ctx.body = { data: results, meta: { pagination } };
    },

    async findOne(ctx: Context) {
      await respond(ctx, 200, () => lists().summary(ctx.params.id));
    },

    async members(ctx: Context) {
      const query = parseBody(listMembersQuery, ctx.query);
      const { results, pagination } = await lists().members(ctx.params.id, query);
      ctx.body = { data: results, meta: { pagination } };
    },

    async create(ctx: Context) {
      const { data } = parseBody(createListBody, ctx.request.body);
      await respond(ctx, 201, () => lists().create(data));
    },

    async addMembers(ctx: Context) {
      const { contacts } = parseBody(membersBody, ctx.request.body);
      await respond(ctx, 200, async () => {
        await actions().addMembers(ctx.params.id, contacts);
        return lists().summary(ctx.params.id);
      });
    },

    async removeMembers(ctx: Context) {
      const { contacts } = parseBody(membersBody, ctx.request.body);
      await respond(ctx, 200, async () => {
        await actions().removeMembers(ctx.params.id, contacts);
        return lists().summary(ctx.params.id);
      });
    },

    export: runForAdmin(strapi, 'marketing-list', MARKETING_LIST_UID, 'export'),
  };
};

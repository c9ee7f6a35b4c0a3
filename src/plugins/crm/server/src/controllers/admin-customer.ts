import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';

import { getService } from '../utils/get-service';
import { CUSTOMER_UID } from '../utils/uids';
import { parseBody, searchQuery } from './request';
import { judgeAdminReveal } from './ssn-access';


/** The admin panel's own routes (under /crm), guarded by the plugin's admin RBAC actions. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async search(ctx: Context) {
    const { q, page, pageSize } = parseBody(searchQuery, ctx.query);
    const { results, pagination } = await getService(strapi, 'customers').search({
      q,
      page,
      pageSize,
      populate: ['phones', 'emails'],
    });
    const schema = strapi.getModel(CUSTOMER_UID);
    const data = await strapi.contentAPI.sanitize.output(results, schema, { auth: undefined } as never);
    ctx.body = { data, meta: { pagination } };
  },

  async revealSsn(ctx: Context) {
    const { actor, allowed } = judgeAdminReveal(ctx);
    ctx.body = { data: await getService(strapi, 'ssn').reveal(ctx.params.id, actor, allowed), meta: {} };
  },
});

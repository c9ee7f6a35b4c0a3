import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { z } from 'zod';

import { getService } from '../utils/get-service';
import { CUSTOMER_UID } from '../utils/uids';
import { parseBody } from './request';
import { judgeAdminReveal } from './ssn-access';

const searchQuery = z.object({
  q: z.string({ required_error: 'q is required' }).trim().min(1, 'q is required').max(200),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});

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

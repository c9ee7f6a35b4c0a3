import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';

import { getService } from '../utils/get-service';
import { readHistoryQuery } from '../validation/history';

/**
 * `GET /customers/:id/history`, `GET /contacts/:id/history` and `POST /history/:id/revert`, for
 * the content API and the admin panel alike (the writer of a revert is taken from the request).
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const list =
    (subject: 'customer' | 'contact') =>
    async (ctx: Context): Promise<void> => {
      const query = readHistoryQuery(ctx.query as Record<string, unknown>);
      const { entries, pagination } = await getService(strapi, 'history-actions').list(
        subject,
        String(ctx.params.id),
        query
      );
      ctx.status = 200;
      ctx.body = { data: entries, meta: { pagination } };
    };

  return {
    customer: list('customer'),
    contact: list('contact'),

    /** Answers the entry the revert wrote, and the entry reverted and the record written. */
    async revert(ctx: Context) {
      const { entry, record } = await getService(strapi, 'history-actions').revert(
        String(ctx.params.id)
      );
      ctx.status = 200;
      ctx.body = { data: entry, meta: { reverted: String(ctx.params.id), record } };
    },
  };
};

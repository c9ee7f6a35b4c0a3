import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';

import type { ErasableKind } from '../services/personal-data-erasure';
import { requestActor } from '../utils/actor';
import { notFound } from '../utils/errors';
import { getService } from '../utils/get-service';
import { erasureListQuery } from '../validation/erasure';
import { parseBody } from '../validation/parse';

/**
 * `POST /customers/:id/erase` and `POST /contacts/:id/erase` for the content API and the admin
 * panel alike (the caller is taken from the request), and the admin panel's erasure list.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const erase =
    (kind: ErasableKind) =>
    async (ctx: Context): Promise<void> => {
      const outcome = await getService(strapi, 'personal-data-erasure').erase(
        kind,
        String(ctx.params.id),
        requestActor(ctx)
      );
      ctx.status = 200;
      ctx.body = { data: outcome, meta: { alreadyErased: outcome.alreadyErased } };
    };

  return {
    customer: erase('customer'),
    contact: erase('contact'),

    async list(ctx: Context) {
      const { page, pageSize } = parseBody(erasureListQuery, ctx.query);
      const { entries, total } = await getService(strapi, 'erasure-list').list(page, pageSize);
      ctx.status = 200;
      ctx.body = {
        data: entries.map((entry) => ({
          ...entry,
          erasedAt: new Date(entry.erasedAt).toISOString(),
          recordDocumentId: entry.recordDocumentId ?? null,
        })),
        meta: { pagination: { page, pageSize, pageCount: Math.ceil(total / pageSize), total } },
      };
    },

    async remove(ctx: Context) {
      const removed = await getService(strapi, 'erasure-list').remove(String(ctx.params.id));
      if (!removed) throw notFound('erasure list entry');
      ctx.status = 200;
      ctx.body = {
        data: { ...removed, erasedAt: new Date(removed.erasedAt).toISOString() },
        meta: {},
      };
    },
  };
};

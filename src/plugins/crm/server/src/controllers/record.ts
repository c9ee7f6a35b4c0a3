import { factories } from '@strapi/strapi';
import type { Context } from 'koa';

import { errors } from '../utils/strapi-utils';
import type { CrmContentTypeUid } from '../utils/uids';
import { requireData } from '../validation/parse';

/** Strapi's core controller for a CRM type: one record per write, 404 for unknown ids on update and delete. */
export const createRecordController = (uid: CrmContentTypeUid, what: string) =>
  factories.createCoreController(uid, ({ strapi }) => ({
    async create(ctx: Context) {
      requireData(ctx.request.body);
      return super.create(ctx);
    },
    async update(ctx: Context) {
      requireData(ctx.request.body);
      const exists = await strapi
        .documents(uid)
        .findOne({ documentId: ctx.params.id, fields: ['id'] });
      if (!exists) throw new errors.NotFoundError(`${what} not found`);
      return super.update(ctx);
    },
    async delete(ctx: Context) {
      const { entries } = await strapi.documents(uid).delete({ documentId: ctx.params.id });
      if (!entries?.length) throw new errors.NotFoundError(`${what} not found`);
      ctx.status = 204;
    },
  }));

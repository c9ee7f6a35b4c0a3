import { factories } from '@strapi/strapi';
import type { Context } from 'koa';

import { errors } from '../utils/strapi-utils';
import { requireData } from '../validation/parse';

/** Strapi's core controller for a CRM type: one record per write, 404 for unknown ids on update and delete. */
export const createRecordController = (uid: string, what: string) =>
  factories.createCoreController(uid as never, ({ strapi }) => ({
    async create(ctx: Context) {
      requireData(ctx.request.body);
      return super.create(ctx);
    },
    async update(ctx: Context) {
      requireData(ctx.request.body);
      const exists = await strapi
        .documents(uid as never)
        .findOne({ documentId: ctx.params.id, fields: ['id'] } as never);
      if (!exists) throw new errors.NotFoundError(`${what} not found`);
      return super.update(ctx);
    },
    async delete(ctx: Context) {
      const { entries } = await strapi
        .documents(uid as never)
        .delete({ documentId: ctx.params.id } as never);
      if (!entries?.length) throw new errors.NotFoundError(`${what} not found`);
      ctx.status = 204;
    },
  }));

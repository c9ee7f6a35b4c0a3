import { factories } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';

import type { ContactPointKind } from '../domain';
import { CONTACT_POINT_UIDS } from '../utils/uids';

/** Addresses, phones and emails share one controller shape: Strapi's core one, with 404s for unknown ids. */
export const createContactPointController = (kind: ContactPointKind) => {
  const uid = CONTACT_POINT_UIDS[kind];
  return factories.createCoreController(uid as never, ({ strapi }) => ({
    async update(ctx: Context) {
      const exists = await strapi.documents(uid).findOne({ documentId: ctx.params.id, fields: ['id'] } as never);
      if (!exists) throw new errors.NotFoundError(`${kind} not found`);
      return super.update(ctx);
    },
    async delete(ctx: Context) {
      const { entries } = await strapi.documents(uid).delete({ documentId: ctx.params.id } as never);
      if (!entries?.length) throw new errors.NotFoundError(`${kind} not found`);
      ctx.status = 204;
    },
  }));
};

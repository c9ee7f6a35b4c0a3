import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';

import { MergeConflict } from '../domain/merge';
import { requestActor } from '../utils/actor';
import { getService } from '../utils/get-service';
import { CONTACT_UID, CUSTOMER_UID } from '../utils/uids';
import { contactMergeBody, customerMergeBody } from '../validation/merge';
import { parseBody } from '../validation/parse';

/** A merge refused by the records' state: Strapi's 409, its `details` saying why. */
const answeringConflicts = async (ctx: Context, work: () => Promise<void>): Promise<void> => {
  try {
    await work();
  } catch (error) {
    if (!(error instanceof MergeConflict)) throw error;
    (ctx as Context & { conflict(message: string, details?: object): void }).conflict(
      error.message,
      error.details
    );
  }
};

/**
 * `POST /customers/merge`, `POST /contacts/merge` and `POST /merges/:id/undo`, for the content API
 * and the admin panel alike (the caller is taken from the request).
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  /** The record answered as any read of it: private fields (the SSN ciphertext) removed. */
  const output = (ctx: Context, uid: typeof CUSTOMER_UID | typeof CONTACT_UID, entity: unknown) => {
    const isAdmin =
      (ctx.state.route as { info?: { type?: string } } | undefined)?.info?.type === 'admin';
    return strapi.contentAPI.sanitize.output(
      entity,
      strapi.getModel(uid),
      isAdmin ? {} : { auth: ctx.state.auth }
    );
  };

  const merge =
    (object: 'customers' | 'contacts') =>
    async (ctx: Context): Promise<void> => {
      const body =
        object === 'customers'
          ? parseBody(customerMergeBody, ctx.request.body)
          : parseBody(contactMergeBody, ctx.request.body);
      const uid = object === 'customers' ? CUSTOMER_UID : CONTACT_UID;
      const service = getService(
        strapi,
        object === 'customers' ? 'customer-merge' : 'contact-merge'
      );
      await answeringConflicts(ctx, async () => {
        const outcome = await service.merge(body.data, requestActor(ctx), {
          dryRun: body.dryRun === true,
        });
        ctx.status = 200;
        ctx.body = {
          data: await output(ctx, uid, outcome.survivor),
          meta: {
            ...(outcome.merge ? { merge: outcome.merge } : { dryRun: true }),
            moved: outcome.moved,
          },
        };
      });
    };

  return {
    customers: merge('customers'),
    contacts: merge('contacts'),

    async undo(ctx: Context) {
      await answeringConflicts(ctx, async () => {
        const { merge: view, restored } = await getService(strapi, 'merge-undo').undo(
          String(ctx.params.id),
          requestActor(ctx)
        );
        ctx.status = 200;
        ctx.body = { data: view, meta: { restored } };
      });
    },
  };
};

import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';

import { RECORD_NAME, type MergeObject } from '../services/merges/merge-support';
import { getService } from '../utils/get-service';
import { errors } from '../utils/strapi-utils';

type Action = (this: unknown, ctx: Context) => Promise<unknown>;
type ControllerFactory = (deps: { strapi: Core.Strapi }) => unknown;

/**
 * The documentIds of merged records keep answering: `GET …/:id` of a merged customer or contact
 * answers its survivor with `meta.mergedInto` (so integrations holding old ids keep working), and
 * `PUT`/`DELETE` answer 404 with `details.mergedInto` (a write must name the record it changes).
 * Wraps a record controller's `findOne`, `update` and `delete`; the redirect is read only when the
 * id names no record (`findOne`) or is a merged one (writes, one indexed lookup).
 */
export const withMergeRedirects =
  (object: MergeObject, factory: ControllerFactory) => (deps: { strapi: Core.Strapi }) => {
    const controller = factory(deps) as Record<string, Action>;
    const redirectOf = (documentId: unknown) =>
      typeof documentId === 'string' && documentId !== ''
        ? getService(deps.strapi, 'merge-support').redirectOf(object, documentId)
        : Promise.resolve(null);

    const findOne = controller.findOne;
    controller.findOne = async function (this: unknown, ctx: Context) {
      const answer = (await findOne.call(this, ctx)) as { data?: unknown } | null | undefined;
      if (answer?.data) return answer;
      const redirect = await redirectOf(ctx.params?.id);
      if (!redirect) return answer;
      ctx.params.id = redirect.survivor;
      const followed = (await findOne.call(this, ctx)) as
        { data?: unknown; meta?: Record<string, unknown> } | null | undefined;
      if (!followed?.data) return followed;
      return {
        ...followed,
        meta: { ...(followed.meta ?? {}), mergedInto: redirect.survivor, merge: redirect.merge },
      };
    };

    for (const action of ['update', 'delete'] as const) {
      const original = controller[action];
      controller[action] = async function (this: unknown, ctx: Context) {
        const redirect = await redirectOf(ctx.params?.id);
        if (redirect)
          throw new errors.NotFoundError(
            `${RECORD_NAME[object]} ${String(ctx.params.id)} was merged into ${redirect.survivor} (merge ${redirect.merge}); write to ${redirect.survivor}`,
            { mergedInto: redirect.survivor, merge: redirect.merge }
          );
        return original.call(this, ctx);
      };
    }
    return controller;
  };

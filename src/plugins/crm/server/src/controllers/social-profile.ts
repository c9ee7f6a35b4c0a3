import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';

import { socialProfileOrigin } from '../domain';
import { getService } from '../utils/get-service';
import { parseBody } from '../validation/parse';
import { socialLookupBody, socialProfileBody } from '../validation/social-profile';

type UpdateAction = (ctx: Context) => Promise<unknown>;

/**
 * The customer controller's social profile actions: looking up public profiles of the customer's
 * e-mail addresses (writes nothing), and taking chosen fields of what was found, which runs the
 * controller's own `update` so it is the same write as `PUT /customers/:id`. The admin panel runs
 * both through `runForAdmin`.
 */
export const socialProfileActions = (strapi: Core.Strapi) => ({
  async socialLookup(ctx: Context) {
    const { email } = parseBody(socialLookupBody, ctx.request.body);
    const { found, searched, unavailable } = await getService(strapi, 'social-lookup').lookup(
      ctx.params.id,
      email
    );
    ctx.body = { data: { found }, meta: { searched, unavailable } };
  },

  async takeSocialProfile(this: { update: UpdateAction }, ctx: Context) {
    const body = parseBody(socialProfileBody, ctx.request.body);
    // One transaction from reading the stored profiles to the update (which joins it).
    return strapi.db.transaction(async () => {
      const data = await getService(strapi, 'social-lookup').prepareTake(ctx.params.id, body);
      ctx.request.body = { data };
      return getService(strapi, 'history').withOrigin(socialProfileOrigin(body.source), () =>
        this.update(ctx)
      );
    });
  },
});

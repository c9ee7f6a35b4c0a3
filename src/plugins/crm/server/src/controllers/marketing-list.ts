import { factories } from '@strapi/strapi';
import type { Context } from 'koa';

import { respond } from '../utils/errors';
import { getService } from '../utils/get-service';
import { MARKETING_LIST_UID } from '../utils/uids';
import { membersBody } from '../validation/marketing-list';
import { parseBody, requireData } from '../validation/parse';

/** Marketing lists: Strapi's core controller plus adding and removing members and the CSV export. */
export default factories.createCoreController(MARKETING_LIST_UID, ({ strapi }) => ({
  async create(ctx: Context) {
    requireData(ctx.request.body);
    return super.create(ctx);
  },

  async addMembers(ctx: Context) {
    const { contacts } = parseBody(membersBody, ctx.request.body);
    await respond(ctx, 200, () =>
      getService(strapi, 'marketing-list-actions').addMembers(ctx.params.id, contacts)
    );
  },

  async removeMembers(ctx: Context) {
    const { contacts } = parseBody(membersBody, ctx.request.body);
    await respond(ctx, 200, () =>
      getService(strapi, 'marketing-list-actions').removeMembers(ctx.params.id, contacts)
    );
  },

  async export(ctx: Context) {
    const { filename, csv, exported, leftOut } = await getService(
      strapi,
      'marketing-list-actions'
    ).exportCsv(ctx.params.id);
    ctx.set('Content-Type', 'text/csv; charset=utf-8');
    ctx.set('Content-Disposition', `attachment; filename="${filename}"`);
    ctx.set('X-Exported-Count', String(exported));
    ctx.set('X-Left-Out-Count', String(leftOut));
    ctx.body = csv;
  },
}));

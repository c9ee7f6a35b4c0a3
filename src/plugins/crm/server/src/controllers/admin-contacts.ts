import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';

import { adminActor } from '../utils/actor';
import { respond } from '../utils/errors';
import { getService } from '../utils/get-service';
import { CONTACT_UID } from '../utils/uids';
import { contactExportQuery, contactsQuery } from '../validation/admin-pages';
import { commentBody } from '../validation/contact';
import { parseBody } from '../validation/parse';
import { runForAdmin } from './admin-adapter';

/**
 * The Contacts page's routes (under /crm, admin RBAC). Lists and views are the pages' own; the
 * actions (login, conversion, activity) run the content API's, so they follow the same rules, and a
 * comment is signed by the admin who wrote it.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const contacts = () => getService(strapi, 'admin-contacts');
  const contactAction = (action: string) => runForAdmin(strapi, 'contact', CONTACT_UID, action);

  return {
    async find(ctx: Context) {
      const query = parseBody(contactsQuery, ctx.query);
      const { results, pagination } = await contacts().list(query);
      ctx.body = { data: results, meta: { pagination } };
    },

    async findOne(ctx: Context) {
      await respond(ctx, 200, () => contacts().findOne(ctx.params.id));
    },

    async export(ctx: Context) {
      const { contacts: documentIds } = parseBody(contactExportQuery, ctx.query);
      const { filename, csv } = await contacts().exportCsv(documentIds);
      ctx.set('Content-Type', 'text/csv; charset=utf-8');
      ctx.set('Content-Disposition', `attachment; filename="${filename}"`);
      ctx.body = csv;
    },

    generateLogin: contactAction('generateLogin'),
    convert: contactAction('convert'),
    activity: contactAction('activity'),

    async comment(ctx: Context) {
      const { data } = parseBody(commentBody, ctx.request.body);
      await respond(ctx, 201, () =>
        getService(strapi, 'contact-actions').comment(ctx.params.id, data.body, adminActor(ctx))
      );
    },
  };
};

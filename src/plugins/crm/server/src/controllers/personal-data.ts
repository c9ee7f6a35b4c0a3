import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';

import type { PersonalDataKind } from '../services/personal-data-export';
import { requestActor } from '../utils/actor';
import { getService } from '../utils/get-service';
import { CONTACT_UID, CUSTOMER_UID } from '../utils/uids';
import { parseBody } from '../validation/parse';
import { personalDataQuery } from '../validation/personal-data';
import { runForAdmin } from './admin-adapter';

/**
 * A person's data, as JSON or (`?format=zip`) as CSV files in a zip: served to the content API
 * and, through `runForAdmin`, to the admin panel.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const exportOf = (kind: PersonalDataKind) => async (ctx: Context) => {
    const { format } = parseBody(personalDataQuery, ctx.query);
    const service = getService(strapi, 'personal-data-export');
    const data = await service.exportOf(kind, ctx.params.id, format, requestActor(ctx));
    if (format === 'zip') {
      const { filename, body } = service.zip(data);
      ctx.set('Content-Type', 'application/zip');
      ctx.set('Content-Disposition', `attachment; filename="${filename}"`);
      ctx.body = body;
      return;
    }
    ctx.body = { data, meta: {} };
  };
  return { customer: exportOf('customer'), contact: exportOf('contact') };
};

/** The same actions for the admin panel (/crm), guarded by the admin RBAC action. */
export const adminPersonalData = ({ strapi }: { strapi: Core.Strapi }) => ({
  customer: runForAdmin(strapi, 'personal-data', CUSTOMER_UID, 'customer'),
  contact: runForAdmin(strapi, 'personal-data', CONTACT_UID, 'contact'),
});

import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';

import { CONTACT_POINT_TYPES } from '../domain';
import { MAX_NETWORK_DEPTH } from '../services/network';
import { getService } from '../utils/get-service';
import { errors } from '../utils/strapi-utils';
import { CONNECTION_UID, CONTACT_POINT_UIDS, CUSTOMER_UID, RELATIONSHIP_UID } from '../utils/uids';
import { pageQuery } from '../validation/admin-pages';
import { parseBody } from '../validation/parse';
import { searchQuery } from '../validation/search';
import { runForAdmin } from './admin-adapter';
import { judgeAdminReveal } from './ssn-access';

/** What the overview page shows of a customer: its contact points and a business's primary contact. */
const SEARCH_POPULATE = ['phones', 'emails'];
const OVERVIEW_POPULATE = ['addresses', 'phones', 'emails', 'primaryContact'];

/** The kinds of contact point, by the name of their admin routes (`/crm/addresses`, …). */
export const CONTACT_POINT_ROUTES = {
  addresses: 'address',
  phones: 'phone',
  emails: 'email',
} as const;

/** `createAddress`, `updatePhone`, `deleteEmail`, …: the handler of a contact point route. */
export const contactPointHandler = (
  action: 'create' | 'update' | 'delete',
  kind: (typeof CONTACT_POINT_ROUTES)[keyof typeof CONTACT_POINT_ROUTES]
) => `${action}${kind[0].toUpperCase()}${kind.slice(1)}`;

/** Creating, changing and removing a contact point run the content API's record actions (its gates). */
const contactPointActions = (strapi: Core.Strapi) =>
  Object.fromEntries(
    Object.values(CONTACT_POINT_ROUTES).flatMap((kind) =>
      (['create', 'update', 'delete'] as const).map((action) => [
        contactPointHandler(action, kind),
        runForAdmin(strapi, kind, CONTACT_POINT_UIDS[kind], action),
      ])
    )
  );

/**
 * The admin panel's own routes (under /crm), guarded by the plugin's admin RBAC actions. Apart
 * from search and reveal, each one runs the content API's action (`admin-adapter.ts`), so a page
 * reaches exactly the rules REST does.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const customerAction = (action: string) => runForAdmin(strapi, 'customer', CUSTOMER_UID, action);
  const findCustomer = customerAction('findOne');
  const search = customerAction('search');

  return {
    /** The quick search, with the phones and emails the results table shows. */
    async search(ctx: Context) {
      const { q, page, pageSize } = parseBody(searchQuery, ctx.query);
      ctx.query = { q, page: String(page), pageSize: String(pageSize), populate: SEARCH_POPULATE };
      return search(ctx);
    },

    async revealSsn(ctx: Context) {
      const { actor, allowed } = judgeAdminReveal(ctx);
      ctx.body = {
        data: await getService(strapi, 'ssn').reveal(ctx.params.id, actor, allowed),
        meta: {},
      };
    },

    /**
     * What the pages need to know of the plugin's settings: contact point types and limits,
     * network depth, how long a revealed SSN shows, how duplicates are judged and met, and
     * whether the social profile lookup may be offered.
     */
    async settings(ctx: Context) {
      const { limits, ssnRevealSeconds, duplicateThreshold, duplicates, socialLookup } = getService(
        strapi,
        'settings'
      ).get();
      ctx.body = {
        data: {
          contactPointTypes: CONTACT_POINT_TYPES,
          limits,
          maxNetworkDepth: MAX_NETWORK_DEPTH,
          ssnRevealSeconds,
          duplicates: { threshold: duplicateThreshold, ...duplicates },
          socialLookup: { enabled: socialLookup.enabled },
        },
        meta: {},
      };
    },

    async findOne(ctx: Context) {
      ctx.query = { populate: OVERVIEW_POPULATE };
      const found = (await findCustomer(ctx)) as { data?: unknown } | undefined;
      if (!found?.data) throw new errors.NotFoundError('customer not found');
      return found;
    },

    /** A customer's own fields: the content API's update, so the same rules and gates apply. */
    update: customerAction('update'),

    /** The contacts whose company is the customer, inactive ones included. */
    async contacts(ctx: Context) {
      const { page, pageSize } = parseBody(pageQuery, ctx.query);
      const { results, pagination } = await getService(strapi, 'admin-contacts').ofCustomer(
        ctx.params.id,
        page,
        pageSize
      );
      ctx.body = { data: results, meta: { pagination } };
    },

    ...contactPointActions(strapi),
    create: customerAction('create'),
    setPrimary: customerAction('setPrimary'),
    connections: customerAction('connections'),
    setPrimaryContact: customerAction('setPrimaryContact'),
    relationships: customerAction('relationships'),
    network: customerAction('network'),
    socialLookup: customerAction('socialLookup'),
    takeSocialProfile: customerAction('takeSocialProfile'),
    createConnection: runForAdmin(strapi, 'connection', CONNECTION_UID, 'create'),
    deleteConnection: runForAdmin(strapi, 'connection', CONNECTION_UID, 'delete'),
    createRelationship: runForAdmin(strapi, 'relationship', RELATIONSHIP_UID, 'create'),
    deleteRelationship: runForAdmin(strapi, 'relationship', RELATIONSHIP_UID, 'delete'),
  };
};

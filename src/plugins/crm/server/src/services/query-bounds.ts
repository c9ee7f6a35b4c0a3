import type { Core } from '@strapi/strapi';

import {
  CONTACT_POINT_PLURALS,
  assertPagination,
  assertRelatedWithin,
  describeRelations,
  judgePopulate,
  type AttributeShape,
  type PopulateBoundsOptions,
} from '../domain';
import { hasLinkTable } from '../repositories/links';
import { toStrapiError } from '../utils/errors';
import { getService } from '../utils/get-service';
import { errors } from '../utils/strapi-utils';
import {
  CONTACT_UID,
  CUSTOMER_UID,
  MARKETING_LIST_UID,
  isContentTypeUid,
  type CrmContentTypeUid,
} from '../utils/uids';

/**
 * The records a request's populate would be loaded for: the page a list query chooses (its
 * filters, sort and pagination), records named by documentId (one record, or the page the quick
 * search chose), or none (a create: nothing is linked to a new record yet; a delete answers nothing).
 */
export type RequestRecords =
  { page: Record<string, unknown> } | { documentIds: readonly string[] } | 'none';

/** To-many relations a rule bounds: a customer's contact points, by the contact point limits. */
const BOUNDED_TO_MANY: Record<string, readonly string[]> = {
  [CUSTOMER_UID]: Object.values(CONTACT_POINT_PLURALS),
};

/** Where a caller finds, page by page, the records of a relation too large to populate. */
const PAGED_ALTERNATIVES: Record<string, string> = {
  [`${MARKETING_LIST_UID}.members`]:
    'GET /api/crm/contacts?filters[marketingLists][documentId]=<list documentId>',
  [`${CONTACT_UID}.marketingLists`]:
    'GET /api/crm/marketing-lists?filters[members][documentId]=<contact documentId>',
  [`${CONTACT_UID}.activities`]: 'GET /api/crm/contacts/<documentId>/activity',
};

/**
 * Bounds what a caller's query may load (`domain/query-bounds.ts`): Strapi's pagination numbers,
 * the depth of `populate`, and the related records of the to-many relations no rule bounds,
 * counted in their link tables for the request's records before anything is loaded. The CRM
 * controllers call it on every caller's query (`controllers/query-bounds.ts`); the plugin's own
 * reads never go through it.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const relationsOf = (uid: string) => {
    if (!isContentTypeUid(strapi, uid)) return undefined;
    const { attributes } = strapi.getModel(uid);
    return describeRelations(attributes as Record<string, AttributeShape>, BOUNDED_TO_MANY[uid]);
  };
  const options = (): PopulateBoundsOptions & { maxRelated: number } => ({
    maxRelated: getService(strapi, 'settings').get().populateMaxRelated,
    pagedAlternative: (model, attribute) => PAGED_ALTERNATIVES[`${model}.${attribute}`],
  });

  /** Row ids of the request's records. */
  const recordIds = async (
    uid: CrmContentTypeUid,
    records: Exclude<RequestRecords, 'none'>
  ): Promise<number[]> => {
    if ('documentIds' in records) {
      if (records.documentIds.length === 0) return [];
      const rows = (await strapi.db.query(uid).findMany({
        where: { documentId: { $in: [...records.documentIds] } },
        select: ['id'],
      })) as { id: number }[];
      return rows.map((row) => row.id);
    }
    // The same page the core controller's find reads (same service, same filters, sort and
    // pagination), without its populate and its count.
    const { populate: _populate, fields: _fields, ...query } = records.page;
    const pagination =
      query.pagination && typeof query.pagination === 'object' ? query.pagination : {};
    const { results } = (await strapi.service(uid).find({
      ...query,
      fields: ['documentId'],
      pagination: { ...pagination, withCount: false },
    })) as { results: { id: number }[] };
    return results.map((row) => row.id);
  };

  /** Rows of the relation's link table that hang from these records (null: it has none). */
  const countLinks = async (
    uid: string,
    attribute: string,
    ids: readonly number[]
  ): Promise<number | null> =>
    hasLinkTable(strapi, uid, attribute)
      ? getService(strapi, 'network-repository').countOfOwners(uid, attribute, ids)
      : null;

  return {
    /**
     * Throws a 400 (Strapi's ValidationError naming the parameter and the limit) when the query's
     * pagination is out of range, its populate goes too deep or nests an unbounded relation, or the
     * unbounded relations it populates would load more than `populateMaxRelated` records for
     * `records`. Only a populate of such a relation costs a query (the ids, then one count each).
     */
    async enforce(
      uid: CrmContentTypeUid,
      query: { pagination?: unknown; populate?: unknown },
      records: RequestRecords
    ): Promise<void> {
      try {
        assertPagination(query.pagination);
        if (query.populate === undefined) return;
        const bounds = options();
        const counted = judgePopulate(query.populate, uid, relationsOf, bounds);
        if (counted.length === 0 || records === 'none') return;
        const ids = await recordIds(uid, records);
        const counts = [];
        for (const { attribute } of counted) {
          const count = ids.length ? await countLinks(uid, attribute, ids) : 0;
          // A relation kept without a link table cannot be counted, so it is not loaded either.
          if (count === null)
            throw new errors.ValidationError(
              `populate of ${attribute} is refused: its size cannot be bounded`
            );
          counts.push({ attribute, count });
        }
        assertRelatedWithin(uid, counts, bounds.maxRelated, bounds);
      } catch (error) {
        throw toStrapiError(error);
      }
    },
  };
};

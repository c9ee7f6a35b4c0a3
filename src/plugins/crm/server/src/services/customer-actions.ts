import type { Core } from '@strapi/strapi';

import {
  CONTACT_POINT_PLURALS,
  SearchQueryError,
  planSearch,
  type ContactPointKind,
} from '../domain';
import { documentShape, type StoredDocument } from '../utils/document-params';
import { getService } from '../utils/get-service';
import { errors } from '../utils/strapi-utils';
import { CONTACT_POINT_UIDS, CUSTOMER_UID } from '../utils/uids';

export interface SearchQuery {
  q: string;
  page: number;
  pageSize: number;
  /** The caller's fields and populate for the page's customers, once the index has chosen them. */
  shapeFor?: (documentIds: string[]) => Promise<{ fields?: unknown; populate?: unknown }>;
}

/** Use cases behind the customer routes that are more than a record write. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /**
   * The quick search (`GET /customers/search`): the page's customers are found in the search index
   * (`searchIndex`), ranked exact number or email first, then word starts, then the rest, each by
   * customer number; then read through the document service with the caller's fields and populate
   * (`shapeFor` the page's documentIds).
   */
  async search({ q, page, pageSize, shapeFor }: SearchQuery) {
    let plan;
    try {
      plan = planSearch(q);
    } catch (error) {
      if (error instanceof SearchQueryError) throw new errors.ValidationError(error.message);
      throw error;
    }
    const hits = await getService(strapi, 'search-index').search(
      plan,
      (page - 1) * pageSize,
      pageSize
    );
    const { fields, populate } = (await shapeFor?.(hits.documentIds)) ?? {};
    const shape = documentShape(CUSTOMER_UID, {
      ...(fields ? { fields } : {}),
      ...(populate ? { populate } : {}),
    });
    const found = hits.documentIds.length
      ? ((await strapi.documents(CUSTOMER_UID).findMany({
          filters: { documentId: { $in: hits.documentIds } },
          limit: hits.documentIds.length,
          ...shape,
        })) as { documentId: string }[])
      : [];
    const byId = new Map(found.map((customer) => [customer.documentId, customer]));
    return {
      results: hits.documentIds.map((documentId) => byId.get(documentId)).filter(Boolean),
      pagination: {
        page,
        pageSize,
        pageCount: Math.ceil(hits.total / pageSize),
        total: hits.total,
        totalIsExact: hits.exact,
      },
    };
  },

  /** Makes one contact point its customer's primary of that kind (the old one is un-marked). */
  async setPrimary(
    customerDocumentId: string,
    kind: ContactPointKind,
    pointDocumentId: string
  ): Promise<StoredDocument | null> {
    const customer = await strapi.db
      .query(CUSTOMER_UID)
      .findOne({ where: { documentId: customerDocumentId } });
    if (!customer) throw new errors.NotFoundError('customer not found');
    const point = await strapi.db.query(CONTACT_POINT_UIDS[kind]).findOne({
      where: { documentId: pointDocumentId },
      populate: { customer: { select: ['id'] } },
    });
    if (!point || point.customer?.id !== customer.id) {
      throw new errors.NotFoundError(
        `${kind} ${pointDocumentId} not found among this customer's ${CONTACT_POINT_PLURALS[kind]}`
      );
    }
    await strapi
      .documents(CONTACT_POINT_UIDS[kind])
      .update({ documentId: pointDocumentId, data: { isPrimary: true } });
    return strapi.documents(CUSTOMER_UID).findOne({
      documentId: customerDocumentId,
      populate: ['addresses', 'phones', 'emails'],
    });
  },
});

import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

import {
  CONTACT_POINT_PLURALS,
  formatCustomerNumber,
  parseCustomerNumber,
  phoneDigits,
  type ContactPointKind,
} from '../domain';
import { CONTACT_POINT_UIDS, CUSTOMER_UID } from '../utils/uids';

export interface SearchQuery {
  q: string;
  page: number;
  pageSize: number;
  fields?: unknown;
  populate?: unknown;
}

const MAX_TOKENS = 5;
const MIN_PHONE_DIGITS = 3;

/** Every word must match one of the customer's names, number or emails: "ann smi" finds Ann Smith. */
const wordFilter = (word: string) => ({
  $or: [
    { firstName: { $containsi: word } },
    { lastName: { $containsi: word } },
    { middleName: { $containsi: word } },
    { businessName: { $containsi: word } },
    { customerNumber: { $containsi: word } },
    { emails: { address: { $contains: word.toLowerCase() } } },
  ],
});

/** Use cases behind the customer routes that are more than a record write. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async search({ q, page, pageSize, fields, populate }: SearchQuery) {
    const text = q.trim();
    const words = text.split(/\s+/).filter(Boolean).slice(0, MAX_TOKENS);
    const digits = phoneDigits(text);
    const anyMatch = [{ $and: words.map(wordFilter) }] as Record<string, unknown>[];
    if (digits.length >= MIN_PHONE_DIGITS) anyMatch.push({ phones: { number: { $contains: digits } } });
    const matches = { $or: anyMatch };

    // An exact customer number or email ranks first.
    const exact: Record<string, unknown>[] = [];
    const sequence = parseCustomerNumber(text);
    if (sequence) exact.push({ customerNumber: formatCustomerNumber(sequence) });
    if (text.includes('@')) exact.push({ emails: { address: text.toLowerCase() } });

    const documents = strapi.documents(CUSTOMER_UID);
    const shape = { ...(fields ? { fields } : {}), ...(populate ? { populate } : {}) };
    const exactHits = exact.length
      ? ((await documents.findMany({ filters: { $or: exact }, sort: 'customerNumber:asc', ...shape } as never)) as {
          documentId: string;
        }[])
      : [];
    const exactIds = exactHits.map((hit) => hit.documentId);
    const rest = exactIds.length ? { $and: [matches, { documentId: { $notIn: exactIds } }] } : matches;

    const offset = (page - 1) * pageSize;
    const fromExact = exactHits.slice(offset, offset + pageSize);
    const restStart = Math.max(0, offset - exactHits.length);
    const restLimit = pageSize - fromExact.length;
    const [restHits, restTotal] = await Promise.all([
      restLimit > 0
        ? documents.findMany({ filters: rest, sort: 'customerNumber:asc', start: restStart, limit: restLimit, ...shape } as never)
        : Promise.resolve([]),
      documents.count({ filters: rest } as never),
    ]);
    const total = exactHits.length + restTotal;
    return {
      results: [...fromExact, ...(restHits as unknown[])],
      pagination: { page, pageSize, pageCount: Math.ceil(total / pageSize), total },
    };
  },

  /** Makes one contact point its customer's primary of that kind (the old one is un-marked). */
  async setPrimary(customerDocumentId: string, kind: ContactPointKind, pointDocumentId: string) {
    const customer = await strapi.db.query(CUSTOMER_UID).findOne({ where: { documentId: customerDocumentId } });
    if (!customer) throw new errors.NotFoundError('customer not found');
    const point = await strapi.db.query(CONTACT_POINT_UIDS[kind]).findOne({
      where: { documentId: pointDocumentId },
      populate: { customer: { select: ['id'] } },
    });
    if (!point || point.customer?.id !== customer.id) {
      throw new errors.NotFoundError(`${kind} ${pointDocumentId} not found among this customer's ${CONTACT_POINT_PLURALS[kind]}`);
    }
    await strapi.documents(CONTACT_POINT_UIDS[kind]).update({ documentId: pointDocumentId, data: { isPrimary: true } } as never);
    return strapi.documents(CUSTOMER_UID).findOne({
      documentId: customerDocumentId,
      populate: ['addresses', 'phones', 'emails'],
    } as never);
  },
});

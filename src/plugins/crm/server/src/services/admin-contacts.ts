import type { Core } from '@strapi/strapi';

import type { ContactView, MarketingChannel } from '../../../contracts';
import {
  DomainValidationError,
  contactsCsv,
  customerLabel,
  personDisplayName,
  type LabelledCustomer,
} from '../domain';
import { getService } from '../utils/get-service';
import { errors } from '../utils/strapi-utils';
import { CONTACT_UID, CUSTOMER_UID } from '../utils/uids';

/** What a customer label is made of. */
const LABEL_FIELDS = [
  'documentId',
  'customerNumber',
  'type',
  'firstName',
  'lastName',
  'businessName',
];

const VIEW_FIELDS = [
  'id',
  'documentId',
  'firstName',
  'middleName',
  'lastName',
  'jobTitle',
  'email',
  'email2',
  'mobilePhone',
  'mobilePhone2',
  'workPhone',
  'active',
  'doNotEmail',
  'doNotCall',
  'isUser',
];

const VIEW_POPULATE = {
  company: { select: LABEL_FIELDS },
  convertedCustomer: { select: LABEL_FIELDS },
};

const ORDER = [{ lastName: 'asc' }, { firstName: 'asc' }, { id: 'asc' }];

/** Words of a query, each matched on its own; a few at most. */
const MAX_WORDS = 5;
/** Beyond this many matching companies a word is matched through Strapi's relational filter. */
const MAX_COMPANY_IDS = 1000;

export interface ContactListQuery {
  q?: string;
  company?: string;
  includeInactive?: boolean;
  page: number;
  pageSize: number;
}

interface ContactRow {
  documentId: string;
  firstName: string;
  middleName?: string | null;
  lastName: string;
  jobTitle?: string | null;
  email?: string | null;
  email2?: string | null;
  mobilePhone?: string | null;
  mobilePhone2?: string | null;
  workPhone?: string | null;
  active?: boolean | null;
  doNotEmail?: boolean | null;
  doNotCall?: boolean | null;
  isUser?: boolean | null;
  company?: LabelledCustomer | null;
  convertedCustomer?: LabelledCustomer | null;
  marketingLists?: { documentId: string; name: string; channel: MarketingChannel }[];
}

/** A stored contact as the pages show it. */
export const contactView = (row: ContactRow): ContactView => ({
  documentId: row.documentId,
  firstName: row.firstName,
  middleName: row.middleName ?? null,
  lastName: row.lastName,
  displayName: personDisplayName(row),
  jobTitle: row.jobTitle ?? null,
  email: row.email ?? null,
  email2: row.email2 ?? null,
  mobilePhone: row.mobilePhone ?? null,
  mobilePhone2: row.mobilePhone2 ?? null,
  workPhone: row.workPhone ?? null,
  active: row.active !== false,
  doNotEmail: row.doNotEmail === true,
  doNotCall: row.doNotCall === true,
  isUser: row.isUser === true,
  company: row.company ? customerLabel(row.company) : null,
  convertedCustomer: row.convertedCustomer ? customerLabel(row.convertedCustomer) : null,
  ...(row.marketingLists
    ? {
        marketingLists: row.marketingLists.map(({ documentId, name, channel }) => ({
          documentId,
          name,
          channel,
        })),
      }
    : {}),
});

/**
 * The admin pages' reads of contacts: the Contacts list (a search over names, e-mails and the
 * company), one contact with its lists, a customer's contacts, and a CSV of chosen contacts. Each
 * page is two queries plus one per relation shown, whatever its size.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const contacts = () => strapi.db.query(CONTACT_UID);
  const links = () => getService(strapi, 'network-repository');

  /** The condition one word of a search puts on a contact: a name, an e-mail or its company. */
  const wordCondition = async (word: string): Promise<Record<string, unknown>> => {
    const like = { $containsi: word };
    const own = [
      { firstName: like },
      { lastName: like },
      { middleName: like },
      { email: like },
      { email2: like },
    ];
    const companyWhere = {
      $or: [
        { businessName: like },
        { firstName: like },
        { lastName: like },
        { customerNumber: like },
      ],
    };
    const companies = (await strapi.db.query(CUSTOMER_UID).findMany({
      where: companyWhere,
      select: ['id'],
      limit: MAX_COMPANY_IDS + 1,
    })) as { id: number }[];
    if (companies.length === 0) return { $or: own };
    if (companies.length > MAX_COMPANY_IDS) return { $or: [...own, { company: companyWhere }] };
    // Through the company link table: a relational `where` would join it from every contact.
    const ids = await links().ownersLinkedTo(
      CONTACT_UID,
      'company',
      companies.map((company) => company.id)
    );
    return { $or: ids.length ? [...own, { id: { $in: ids } }] : own };
  };

  const whereOf = async (query: ContactListQuery): Promise<Record<string, unknown>> => {
    const conditions: Record<string, unknown>[] = [];
    if (!query.includeInactive) conditions.push({ active: true });
    if (query.company !== undefined) {
      const company = await strapi.db
        .query(CUSTOMER_UID)
        .findOne({ where: { documentId: query.company }, select: ['id'] });
      const ids = company ? await links().ownersLinkedTo(CONTACT_UID, 'company', [company.id]) : [];
      conditions.push({ id: { $in: ids.length ? ids : [0] } });
    }
    const words = (query.q ?? '').trim().split(/\s+/).filter(Boolean).slice(0, MAX_WORDS);
    for (const word of words) conditions.push(await wordCondition(word));
    return conditions.length ? { $and: conditions } : {};
  };

  const page = async (where: Record<string, unknown>, pageNumber: number, pageSize: number) => {
    const [rows, total] = await Promise.all([
      contacts().findMany({
        where,
        select: VIEW_FIELDS,
        populate: VIEW_POPULATE,
        orderBy: ORDER,
        offset: (pageNumber - 1) * pageSize,
        limit: pageSize,
      }),
      contacts().count({ where }),
    ]);
    return {
      results: (rows as ContactRow[]).map(contactView),
      pagination: {
        page: pageNumber,
        pageSize,
        pageCount: Math.ceil(total / pageSize),
        total,
      },
    };
  };

  return {
    /** A page of contacts, active ones only unless asked, matching every word of `q`. */
    async list(query: ContactListQuery) {
      return page(await whereOf(query), query.page, query.pageSize);
    },

    /** A customer's contacts, inactive ones included (the page marks them). */
    async ofCustomer(customerDocumentId: string, pageNumber: number, pageSize: number) {
      const customer = await strapi.db
        .query(CUSTOMER_UID)
        .findOne({ where: { documentId: customerDocumentId }, select: ['id'] });
      if (!customer) throw new errors.NotFoundError('customer not found');
      return this.list({
        company: customerDocumentId,
        includeInactive: true,
        page: pageNumber,
        pageSize,
      });
    },

    /** One contact, with its company, the customer it became, and its marketing lists. */
    async findOne(documentId: string): Promise<ContactView> {
      const row = (await contacts().findOne({
        where: { documentId },
        select: VIEW_FIELDS,
        populate: {
          ...VIEW_POPULATE,
          marketingLists: { select: ['documentId', 'name', 'channel'], orderBy: { name: 'asc' } },
        },
      })) as ContactRow | null;
      if (!row) throw new errors.NotFoundError('contact not found');
      return contactView(row);
    },

    /** The chosen contacts as CSV, by last name; naming an unknown contact is a 400. */
    async exportCsv(documentIds: string[]): Promise<{ filename: string; csv: string }> {
      const wanted = [...new Set(documentIds)];
      const rows = (await contacts().findMany({
        where: { documentId: { $in: wanted } },
        select: VIEW_FIELDS,
        populate: { company: { select: LABEL_FIELDS } },
        orderBy: ORDER,
      })) as ContactRow[];
      const found = new Set(rows.map((row) => row.documentId));
      const unknown = wanted.filter((documentId) => !found.has(documentId));
      if (unknown.length > 0) {
        throw new DomainValidationError({
          path: ['contacts'],
          rule: 'contact.export',
          message: `unknown contacts: ${unknown.join(', ')}`,
        });
      }
      return { filename: 'contacts.csv', csv: contactsCsv(rows) };
    },
  };
};

import type { Core } from '@strapi/strapi';

import type { MarketingListMember, MarketingListSummary } from '../../../contracts';
import {
  customerLabel,
  leftOutReason,
  personDisplayName,
  reachCounts,
  reachEmail,
  reachPhone,
  type LabelledCustomer,
  type MarketingChannel,
  type Reachable,
} from '../domain';
import { chunks } from '../repositories/links';
import { getService } from '../utils/get-service';
import { errors } from '../utils/strapi-utils';
import { CONTACT_POINT_UIDS, CONTACT_UID, MARKETING_LIST_UID } from '../utils/uids';

interface ListRow {
  id: number;
  documentId: string;
  name: string;
  channel: MarketingChannel;
  createdAt: string | Date;
}

/** A member as its reach is judged: the fields `leftOutReason` reads, and a postal address or not. */
interface MemberRow extends Reachable {
  id: number;
  documentId: string;
  firstName: string;
  lastName: string;
  company: (LabelledCustomer & { id: number }) | null;
}

const LIST_FIELDS = ['id', 'documentId', 'name', 'channel', 'createdAt'];
const MEMBER_FIELDS = [
  'id',
  'documentId',
  'firstName',
  'lastName',
  'active',
  'doNotEmail',
  'doNotCall',
  'email',
  'email2',
  'mobilePhone',
  'mobilePhone2',
  'workPhone',
];
const COMPANY_FIELDS = [
  'id',
  'documentId',
  'customerNumber',
  'type',
  'firstName',
  'lastName',
  'businessName',
];

const iso = (value: string | Date) =>
  value instanceof Date ? value.toISOString() : new Date(value).toISOString();

/**
 * The admin pages' marketing lists: each with how many members its export includes and each
 * channel reaches, and its members with whether the export reaches them and why not. Every count
 * and every verdict is `leftOutReason`'s, the rule the export follows; a company's postal address
 * is whether it has an address at all (the export writes its primary, or first, one).
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const links = () => getService(strapi, 'network-repository');

  /** The members of these lists, by list, judged-ready: three queries per 5000 members. */
  const membersOf = async (listIds: number[]): Promise<Map<number, MemberRow[]>> => {
    const pairs = await links().linksOfOwners(MARKETING_LIST_UID, 'members', listIds);
    const contactIds = [...new Set(pairs.map(([, contact]) => contact))];
    const contacts = new Map<number, MemberRow>();
    for (const ids of chunks(contactIds)) {
      const rows = (await strapi.db.query(CONTACT_UID).findMany({
        where: { id: { $in: ids } },
        select: MEMBER_FIELDS,
        populate: { company: { select: COMPANY_FIELDS } },
      })) as MemberRow[];
      for (const row of rows) contacts.set(row.id, row);
    }
    const companyIds = [
      ...new Set([...contacts.values()].flatMap((row) => (row.company ? [row.company.id] : []))),
    ];
    const withAddress = new Set(
      (await links().linksToTargets(CONTACT_POINT_UIDS.address, 'customer', companyIds)).map(
        ([, customer]) => customer
      )
    );
    for (const row of contacts.values()) {
      // Any non-empty text: the export's own address line is read only for those it includes.
      row.postalAddress = row.company && withAddress.has(row.company.id) ? 'yes' : null;
    }
    const byList = new Map<number, MemberRow[]>(listIds.map((id) => [id, []]));
    for (const [list, contact] of pairs) {
      const row = contacts.get(contact);
      if (row) byList.get(list)?.push(row);
    }
    return byList;
  };

  const summaryOf = (list: ListRow, members: MemberRow[]): MarketingListSummary => ({
    documentId: list.documentId,
    name: list.name,
    channel: list.channel,
    createdAt: iso(list.createdAt),
    counts: reachCounts(members, list.channel),
  });

  const findList = async (documentId: string): Promise<ListRow> => {
    const list = (await strapi.db
      .query(MARKETING_LIST_UID)
      .findOne({ where: { documentId }, select: LIST_FIELDS })) as ListRow | null;
    if (!list) throw new errors.NotFoundError('marketing list not found');
    return list;
  };

  const paginationOf = (page: number, pageSize: number, total: number) => ({
    page,
    pageSize,
    pageCount: Math.ceil(total / pageSize),
    total,
  });

  return {
    /** A page of lists, by name, each with its counts. */
    async summaries(page: number, pageSize: number) {
      const [lists, total] = await Promise.all([
        strapi.db.query(MARKETING_LIST_UID).findMany({
          select: LIST_FIELDS,
          orderBy: [{ name: 'asc' }, { id: 'asc' }],
          offset: (page - 1) * pageSize,
          limit: pageSize,
        }) as Promise<ListRow[]>,
        strapi.db.query(MARKETING_LIST_UID).count({}),
      ]);
      const members = await membersOf(lists.map((list) => list.id));
      return {
        results: lists.map((list) => summaryOf(list, members.get(list.id) ?? [])),
        pagination: paginationOf(page, pageSize, total),
      };
    },

    async summary(documentId: string): Promise<MarketingListSummary> {
      const list = await findList(documentId);
      return summaryOf(list, (await membersOf([list.id])).get(list.id) ?? []);
    },

    /**
     * A page of a list's members by name, each with whether the export reaches it; `reachable`
     * keeps only those it does (true) or leaves out (false).
     */
    async members(
      documentId: string,
      query: { page: number; pageSize: number; reachable?: boolean }
    ) {
      const list = await findList(documentId);
      const judged = ((await membersOf([list.id])).get(list.id) ?? [])
        .map((member) => ({ member, reason: leftOutReason(member, list.channel) }))
        .filter(
          ({ reason }) => query.reachable === undefined || (reason === null) === query.reachable
        )
        .sort(
          (a, b) =>
            a.member.lastName.localeCompare(b.member.lastName) ||
            a.member.firstName.localeCompare(b.member.firstName) ||
            a.member.id - b.member.id
        );
      const start = (query.page - 1) * query.pageSize;
      const results: MarketingListMember[] = judged
        .slice(start, start + query.pageSize)
        .map(({ member, reason }) => ({
          documentId: member.documentId,
          firstName: member.firstName,
          lastName: member.lastName,
          displayName: personDisplayName(member),
          company: member.company ? customerLabel(member.company) : null,
          email: reachEmail(member),
          phone: reachPhone(member),
          active: member.active !== false,
          reachable: reason === null,
          leftOutReason: reason,
        }));
      return { results, pagination: paginationOf(query.page, query.pageSize, judged.length) };
    },

    /** A new, empty list (name and channel checked by the content type). */
    async create(data: { name: string; channel: MarketingChannel }) {
      const created = (await strapi
        .documents(MARKETING_LIST_UID)
        .create({ data: { name: data.name, channel: data.channel } })) as { documentId: string };
      return this.summary(created.documentId);
    },
  };
};

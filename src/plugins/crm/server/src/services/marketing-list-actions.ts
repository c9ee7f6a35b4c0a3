import type { Core } from '@strapi/strapi';

import {
  DomainValidationError,
  csvLine,
  customerDisplayName,
  leftOutReason,
  reachEmail,
  reachPhone,
  type MarketingChannel,
} from '../domain';
import type { StoredDocument } from '../utils/document-params';
import { getService } from '../utils/get-service';
import { errors } from '../utils/strapi-utils';
import { CONTACT_UID, MARKETING_LIST_UID } from '../utils/uids';

interface Member {
  id: number;
  documentId: string;
  firstName: string;
  lastName: string;
  jobTitle: string | null;
  active: boolean;
  doNotEmail: boolean;
  doNotCall: boolean;
  email: string | null;
  email2: string | null;
  mobilePhone: string | null;
  mobilePhone2: string | null;
  workPhone: string | null;
  company: {
    type: string;
    businessName: string | null;
    firstName: string | null;
    lastName: string | null;
    addresses?: {
      line1: string;
      line2: string | null;
      city: string;
      region: string | null;
      postalCode: string | null;
      country: string | null;
      isPrimary: boolean;
    }[];
  } | null;
}

const COLUMNS: Record<MarketingChannel, string[]> = {
  email: ['firstName', 'lastName', 'email', 'company', 'jobTitle'],
  phone: ['firstName', 'lastName', 'phone', 'company', 'jobTitle'],
  mail: ['firstName', 'lastName', 'company', 'jobTitle', 'address'],
};

const postalAddress = (member: Member) => {
  const address =
    member.company?.addresses?.find((candidate) => candidate.isPrimary) ??
    member.company?.addresses?.[0];
  if (!address) return null;
  return [
    address.line1,
    address.line2,
    address.city,
    address.region,
    address.postalCode,
    address.country,
  ]
    .filter(Boolean)
    .join(', ');
};

/** Marketing lists: adding and removing contacts, and exports that respect what each contact wants. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  /** Connects or disconnects contacts, every one of which must exist (400 naming the unknown). */
  const changeMembers = async (
    listDocumentId: string,
    contactDocumentIds: string[],
    change: 'connect' | 'disconnect'
  ): Promise<StoredDocument | null> => {
    await strapi.db.transaction(async () => {
      const list = await strapi.db
        .query(MARKETING_LIST_UID)
        .findOne({ where: { documentId: listDocumentId }, select: ['id'] });
      if (!list) throw new errors.NotFoundError('marketing list not found');
      const found = async () =>
        strapi.db.query(CONTACT_UID).findMany({
          where: { documentId: { $in: contactDocumentIds } },
          select: ['id', 'documentId'],
        });
      // Locked, so that a contact cannot be deleted (an undo) between this check and its new link.
      await getService(strapi, 'customer-locks').lockRows(
        CONTACT_UID,
        (await found()).map((contact: { id: number }) => contact.id)
      );
      const known = new Set(
        (await found()).map((contact: { documentId: string }) => contact.documentId)
      );
      const unknown = contactDocumentIds.filter((documentId) => !known.has(documentId));
      if (unknown.length > 0) {
        throw new DomainValidationError({
          path: ['contacts'],
          rule: 'marketingList.members',
          message: `unknown contacts: ${unknown.join(', ')}`,
        });
      }
      await strapi.documents(MARKETING_LIST_UID).update({
        documentId: listDocumentId,
        data: { members: { [change]: contactDocumentIds.map((documentId) => ({ documentId })) } },
      });
    });
    return strapi
      .documents(MARKETING_LIST_UID)
      .findOne({ documentId: listDocumentId, populate: ['members'] });
  };

  return {
    async addMembers(
      listDocumentId: string,
      contactDocumentIds: string[]
    ): Promise<StoredDocument | null> {
      return changeMembers(listDocumentId, contactDocumentIds, 'connect');
    },

    /** Takes contacts off a list; naming one that is not a member changes nothing. */
    async removeMembers(
      listDocumentId: string,
      contactDocumentIds: string[]
    ): Promise<StoredDocument | null> {
      return changeMembers(listDocumentId, contactDocumentIds, 'disconnect');
    },

    /**
     * The list as CSV for its channel. Contacts who refused the channel, are inactive or cannot be
     * reached on it are left out; a first comment line says how many and why.
     */
    async exportCsv(listDocumentId: string) {
      const list = await strapi.db.query(MARKETING_LIST_UID).findOne({
        where: { documentId: listDocumentId },
        populate: {
          members: {
            populate: { company: { populate: ['addresses'] } },
            orderBy: { lastName: 'asc' },
          },
        },
      });
      if (!list) throw new errors.NotFoundError('marketing list not found');
      const channel = list.channel as MarketingChannel;
      const rows: string[] = [];
      const leftOut = new Map<string, number>();
      for (const member of (list.members ?? []) as Member[]) {
        const address = postalAddress(member);
        const reason = leftOutReason({ ...member, postalAddress: address }, channel);
        if (reason) {
          leftOut.set(reason, (leftOut.get(reason) ?? 0) + 1);
          continue;
        }
        const company = member.company ? customerDisplayName(member.company) : '';
        const reach = { email: reachEmail(member), phone: reachPhone(member), address };
        const values: Record<string, unknown> = { ...member, ...reach, company };
        rows.push(csvLine(COLUMNS[channel].map((column) => values[column])));
      }
      const leftOutCount = [...leftOut.values()].reduce((sum, count) => sum + count, 0);
      const why = [...leftOut.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([reason, count]) => `${reason}: ${count}`)
        .join('; ');
      const summary = `# ${list.name} (${channel}): ${rows.length} exported, ${leftOutCount} left out${why ? ` (${why})` : ''}`;
      return {
        filename: `${list.name.replace(/[^\w.-]+/g, '-').toLowerCase() || 'marketing-list'}.csv`,
        csv: [csvLine([summary]), csvLine(COLUMNS[channel]), ...rows].join('\r\n') + '\r\n',
        exported: rows.length,
        leftOut: leftOutCount,
      };
    },
  };
};

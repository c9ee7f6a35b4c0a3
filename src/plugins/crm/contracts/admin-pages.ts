/**
 * Bodies of the admin pages' contact, marketing-list and import-list routes (under /crm). Dates
 * travel as ISO strings.
 */
import type { ActorType, CustomerType, MarketingChannel } from './enums';

/** A customer as a contact, a list or a picker names it. */
export interface CustomerLabel {
  documentId: string;
  customerNumber: string;
  type: CustomerType;
  /** "Globex Corporation (C-000001)". */
  displayName: string;
}

/** A contact as the Contacts page and the content manager's side panel show it. */
export interface ContactView {
  documentId: string;
  firstName: string;
  middleName?: string | null;
  lastName: string;
  displayName: string;
  jobTitle?: string | null;
  email?: string | null;
  email2?: string | null;
  mobilePhone?: string | null;
  mobilePhone2?: string | null;
  workPhone?: string | null;
  active: boolean;
  doNotEmail: boolean;
  doNotCall: boolean;
  isUser: boolean;
  company: CustomerLabel | null;
  convertedCustomer: CustomerLabel | null;
  /** Present on a single contact's answer. */
  marketingLists?: { documentId: string; name: string; channel: MarketingChannel }[];
}

/** One entry of a contact's activity feed, newest first. */
export interface ActivityEntry {
  documentId: string;
  body: string;
  authorType: ActorType;
  authorId: string | null;
  authorName: string | null;
  createdAt: string;
}

/** Why a member is left out of its list's export, or null when the export includes it. */
export type LeftOutReason =
  | 'inactive'
  | 'does not want emails'
  | 'no email address'
  | 'does not want calls'
  | 'no phone number'
  | 'no postal address';

/** A marketing list with how many of its members each channel reaches. */
export interface MarketingListSummary {
  documentId: string;
  name: string;
  channel: MarketingChannel;
  createdAt: string;
  counts: {
    members: number;
    /** Members the list's export includes (reachable on the list's own channel). */
    exported: number;
    /** Members reachable on each channel, whatever the list's channel. */
    reachable: Record<MarketingChannel, number>;
  };
}

/** A member of a list, with whether the list's export reaches it and, if not, why. */
export interface MarketingListMember {
  documentId: string;
  firstName: string;
  lastName: string;
  displayName: string;
  company: CustomerLabel | null;
  email: string | null;
  phone: string | null;
  active: boolean;
  reachable: boolean;
  leftOutReason: LeftOutReason | null;
}

/** A past or running import, as the Imports page lists it. */
export interface ImportSummary {
  documentId: string;
  object: 'customer' | 'contact';
  fileName: string | null;
  format: string | null;
  stage: string;
  counts: Record<string, number> | null;
  ownerType: string | null;
  ownerId: string | null;
  ownerName: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  undoneAt: string | null;
}

import type { ContactPointKind } from '../contact-points';

/**
 * What undoing an import may remove: exactly the records it created, unless someone has built on
 * one since (a comment, a list membership, a login, a connection…). Such a record is kept, with
 * the reasons, so that undo never destroys work that is not the import's.
 */
export interface ContactAttachments {
  comments: number;
  marketingLists: number;
  hasLogin: boolean;
  converted: boolean;
}

export interface CustomerAttachments {
  /** Contacts whose company the customer is (none of them about to be removed by the same undo). */
  contacts: number;
  connections: number;
  relationships: number;
  /** Contact points the import did not make, by kind. */
  addedPoints: Partial<Record<ContactPointKind, number>>;
}

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

const POINT_NAMES: Record<ContactPointKind, [string, string]> = {
  address: ['address', 'addresses'],
  phone: ['phone', 'phones'],
  email: ['email', 'emails'],
};

/** Why an imported contact must stay; empty when undo may remove it. */
export function reasonsToKeepContact(contact: ContactAttachments): string[] {
  const reasons: string[] = [];
  if (contact.comments > 0)
    reasons.push(`has ${count(contact.comments, 'comment')} on its activity feed`);
  if (contact.marketingLists > 0)
    reasons.push(`is on ${count(contact.marketingLists, 'marketing list')}`);
  if (contact.hasLogin) reasons.push('has a login');
  if (contact.converted) reasons.push('was converted to a customer');
  return reasons;
}

/** Why a customer the import created must stay; empty when undo may remove it. */
export function reasonsToKeepCustomer(customer: CustomerAttachments): string[] {
  const reasons: string[] = [];
  if (customer.contacts > 0) reasons.push(`has ${count(customer.contacts, 'contact')}`);
  if (customer.connections > 0) reasons.push(`has ${count(customer.connections, 'connection')}`);
  if (customer.relationships > 0)
    reasons.push(`has ${count(customer.relationships, 'relationship')}`);
  for (const [kind, added] of Object.entries(customer.addedPoints) as [
    ContactPointKind,
    number,
  ][]) {
    if (added > 0) reasons.push(`has ${count(added, ...POINT_NAMES[kind])} added since the import`);
  }
  return reasons;
}

/** Most kept records an undo lists one by one (the count covers them all). */
export const UNDO_KEPT_LISTED = 1000;

import type { Core } from '@strapi/strapi';

import {
  DISPLAY_NAME_RULE_VERSION,
  contactStoredDisplayName,
  customerStoredDisplayName,
  type CustomerNameFields,
} from '../domain';
import { createDisplayNames } from '../repositories/display-names';
import { CUSTOMER_UID } from '../utils/uids';

type Kind = 'customer' | 'contact';

/** Rows per statement of the fill at start-up: one short transaction each. */
const FILL_RANGE = 50_000;
const STORE_KEY = 'display-names';

interface FillRecord {
  rule: number;
  filledAt: string;
}

/**
 * The stored `displayName` of customers and contacts (domain/display-name.ts). The gates write it
 * with the record (so their answer carries it); every other write path — imports, merges and
 * their undo, removals — and a company's rename reaching its contacts call `refresh` in their
 * transaction, which rewrites it set-based from the tables. At start-up `fill` writes the rows
 * that have none, or all of them when the rule changed.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const repository = createDisplayNames(strapi);
  const store = () => strapi.store({ type: 'plugin', name: 'crm' });

  return {
    /** The customer's display name from its fields (the gates, before the write). */
    ofCustomer: (fields: CustomerNameFields) => customerStoredDisplayName(fields),

    /** The contact's display name, reading its company's name fields. */
    async ofContact(
      fields: { firstName?: string | null; lastName?: string | null },
      companyId: number | null
    ): Promise<string> {
      const company = companyId
        ? ((await strapi.db.query(CUSTOMER_UID).findOne({
            where: { id: companyId },
            select: ['type', 'firstName', 'lastName', 'businessName'],
          })) as CustomerNameFields | null)
        : null;
      return contactStoredDisplayName(fields, company);
    },

    /** Rewrites the stored names of these records (a customer's contacts follow it). */
    async refresh(kind: Kind, ids: readonly number[]): Promise<void> {
      if (ids.length === 0) return;
      if (kind === 'customer') await repository.refreshCustomers(ids);
      else await repository.refreshContacts(ids);
    },

    /** Before customers are deleted: their contacts lose the company, and its name. */
    detachCompanies: (customerIds: readonly number[]) => repository.detachCompanies(customerIds),

    /**
     * Writes the missing display names (a first start, rows written around the plugin), or every
     * one when the rule changed since the last fill; by id ranges, customers first.
     */
    async fill(log: (message: string) => void = () => undefined): Promise<number> {
      const recorded = (await store().get({ key: STORE_KEY })) as FillRecord | null;
      const all = recorded?.rule !== DISPLAY_NAME_RULE_VERSION;
      let written = 0;
      for (const kind of ['customer', 'contact'] as const) {
        if (!all && !(await repository.missing(kind))) continue;
        const top = await repository.topId(kind);
        const started = Date.now();
        let done = 0;
        for (let after = 0; after < top; after += FILL_RANGE) {
          done += await repository.fillRange(kind, after, after + FILL_RANGE, !all);
        }
        written += done;
        if (done > 0)
          log(
            `[crm] ${kind} display names written: ${done} in ${((Date.now() - started) / 1000).toFixed(1)} s`
          );
      }
      if (all)
        await store().set({
          key: STORE_KEY,
          value: {
            rule: DISPLAY_NAME_RULE_VERSION,
            filledAt: new Date().toISOString(),
          } satisfies FillRecord,
        });
      return written;
    },
  };
};

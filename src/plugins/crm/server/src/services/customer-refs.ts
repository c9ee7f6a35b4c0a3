import type { Core } from '@strapi/strapi';

import { DomainValidationError, type CustomerType } from '../domain';
import { getService } from '../utils/get-service';
import { readToOneChange, whereRef } from '../utils/relations';
import { CUSTOMER_UID } from '../utils/uids';

export interface CustomerRef {
  id: number;
  documentId: string;
  type: CustomerType;
}

/** Resolves the customer a relation field of a write points to, or explains why it cannot. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** `undefined` when the field was not given, `null` when it was cleared. */
  async resolve(value: unknown, field: string): Promise<CustomerRef | null | undefined> {
    const change = readToOneChange(value);
    if (change.kind === 'unchanged') return undefined;
    if (change.kind === 'clear') return null;
    const where = whereRef(change.ref);
    const customer = where
      ? await strapi.db.query(CUSTOMER_UID).findOne({ where, select: ['id', 'documentId', 'type'] })
      : null;
    if (!customer) {
      throw new DomainValidationError({
        path: [field],
        rule: 'customer.reference',
        message: `${field}: customer ${'id' in change.ref ? change.ref.id : change.ref.documentId} does not exist`,
      });
    }
    return customer as CustomerRef;
  },

  /**
   * `resolve`, then the customer's row lock in the caller's transaction, so that it cannot be
   * deleted (an undo, a REST delete) between this check and the write that links to it.
   */
  async resolveLocked(value: unknown, field: string): Promise<CustomerRef | null | undefined> {
    const customer = await this.resolve(value, field);
    if (!customer) return customer;
    await getService(strapi, 'customer-locks').lock([customer.id]);
    if (!(await this.byId(customer.id))) {
      throw new DomainValidationError({
        path: [field],
        rule: 'customer.reference',
        message: `${field}: customer ${customer.documentId} does not exist`,
      });
    }
    return customer;
  },

  async require(value: unknown, field: string, message: string): Promise<CustomerRef> {
    const customer = await this.resolve(value, field);
    if (!customer)
      throw new DomainValidationError({ path: [field], rule: 'customer.reference', message });
    return customer;
  },

  byId: async (id: number) =>
    (await strapi.db
      .query(CUSTOMER_UID)
      .findOne({ where: { id }, select: ['id', 'documentId', 'type'] })) as CustomerRef | null,
});

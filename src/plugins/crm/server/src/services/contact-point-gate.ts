import type { Core } from '@strapi/strapi';

import {
  DomainValidationError,
  assertNoIssues,
  checkContactPointSet,
  choosePrimary,
  primaryUpdates,
  validateAddress,
  validateEmail,
  validatePhone,
  type ContactPointKind,
  type CustomerType,
} from '../domain';
import { getService } from '../utils/get-service';
import { pick } from '../utils/pick';
import { readToOneChange, whereRef, type RelationRef } from '../utils/relations';
import { CONTACT_POINT_UIDS, CUSTOMER_UID } from '../utils/uids';

export interface StoredPoint {
  id: number;
  documentId: string;
  type: string;
  isPrimary: boolean;
  createdAt: string | Date | null;
}

interface OwnerRow {
  id: number;
  documentId: string;
  type: CustomerType;
}

interface PointWithOwner extends StoredPoint {
  [field: string]: unknown;
  customer: OwnerRow | null;
}

type Next = () => Promise<unknown>;
type Params = { documentId?: string; data?: Record<string, unknown> };

const FIELDS: Record<ContactPointKind, readonly string[]> = {
  address: ['type', 'line1', 'line2', 'city', 'region', 'postalCode', 'country'],
  phone: ['type', 'number'],
  email: ['type', 'address'],
};

const mustBelong = (kind: ContactPointKind) =>
  new DomainValidationError({
    path: ['customer'],
    rule: 'contactPoint.customer',
    message: `${kind === 'address' ? 'an' : 'a'} ${kind} must belong to a customer`,
  });

/**
 * The single write path for addresses, phones and emails: every create, update and delete of a
 * contact point, wherever it comes from, passes through here inside a transaction that holds its
 * customer's lock, so the limits and the one-primary rule hold under concurrency.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const settings = () => getService(strapi, 'settings').get();
  const locks = () => getService(strapi, 'customer-locks');
  const searchIndex = () => getService(strapi, 'search-index');

  /** An e-mail or phone number of an erased person may not come back. */
  const assertNotErased = async (kind: ContactPointKind, fields: Record<string, unknown>) => {
    if (kind === 'address') return;
    const field = kind === 'email' ? 'address' : 'number';
    await getService(strapi, 'erasure-list').assertNotErased([
      { field, kind, value: fields[field] },
    ]);
  };

  const validateFields = (kind: ContactPointKind, input: Record<string, unknown>) => {
    switch (kind) {
      case 'address':
        return validateAddress(input);
      case 'phone':
        return validatePhone(input, { defaultCountry: settings().defaultCountry });
      case 'email':
        return validateEmail(input);
    }
  };

  const findCustomer = async (ref: RelationRef): Promise<OwnerRow> => {
    const where = whereRef(ref);
    const customer = where
      ? await strapi.db.query(CUSTOMER_UID).findOne({ where, select: ['id', 'documentId', 'type'] })
      : null;
    if (!customer) {
      throw new DomainValidationError({
        path: ['customer'],
        rule: 'contactPoint.customer',
        message: `customer ${'id' in ref ? ref.id : ref.documentId} does not exist`,
      });
    }
    return customer as OwnerRow;
  };

  const findPoint = async (
    kind: ContactPointKind,
    documentId: string
  ): Promise<PointWithOwner | null> =>
    (await strapi.db.query(CONTACT_POINT_UIDS[kind]).findOne({
      where: { documentId },
      populate: { customer: { select: ['id', 'documentId', 'type'] } },
    })) as PointWithOwner | null;

  const loadPoints = async (kind: ContactPointKind, customerId: number): Promise<StoredPoint[]> => {
    const ids = await getService(strapi, 'network-repository').ownersLinkedTo(
      CONTACT_POINT_UIDS[kind],
      'customer',
      [customerId]
    );
    if (ids.length === 0) return [];
    return (await strapi.db.query(CONTACT_POINT_UIDS[kind]).findMany({
      where: { id: { $in: ids } },
      select: ['id', 'documentId', 'type', 'isPrimary', 'createdAt'],
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    })) as StoredPoint[];
  };

  /** Applies the one-primary rule to a customer's points of one kind; returns the primary's id. */
  const settlePrimary = async (
    kind: ContactPointKind,
    customerId: number,
    preferredId: number | null
  ) => {
    const points = await loadPoints(kind, customerId);
    for (const update of primaryUpdates(points, preferredId)) {
      await strapi.db
        .query(CONTACT_POINT_UIDS[kind])
        .update({ where: { id: update.id }, data: { isPrimary: update.isPrimary } });
    }
    return choosePrimary(points, preferredId);
  };

  const checkSet = (
    customer: OwnerRow,
    kind: ContactPointKind,
    points: readonly { type: string }[]
  ) => assertNoIssues(checkContactPointSet(customer.type, kind, points, settings().limits));

  const withPrimaryFlag = (entry: unknown, primaryId: number | null) =>
    entry && typeof entry === 'object'
      ? { ...entry, isPrimary: (entry as { id?: number }).id === primaryId }
      : entry;

  return {
    loadPoints,
    settlePrimary,

    async create(kind: ContactPointKind, params: Params, next: Next) {
      const data = params.data ?? {};
      const change = readToOneChange(data.customer);
      if (change.kind !== 'set') throw mustBelong(kind);
      const customer = await findCustomer(change.ref);
      await locks().lock([customer.id]);

      const fields = validateFields(kind, data);
      await assertNotErased(kind, fields as unknown as Record<string, unknown>);
      const existing = await loadPoints(kind, customer.id);
      checkSet(customer, kind, [...existing, { type: fields.type }]);

      params.data = {
        ...data,
        ...fields,
        isPrimary: false,
        customer: { connect: [{ documentId: customer.documentId }] },
      };
      const created = (await next()) as { id: number };
      const primaryId = await settlePrimary(
        kind,
        customer.id,
        data.isPrimary === true ? created.id : null
      );
      await searchIndex().refresh([customer.id]);
      return withPrimaryFlag(created, primaryId);
    },

    async update(kind: ContactPointKind, params: Params, next: Next) {
      const documentId = params.documentId;
      const before = documentId ? await findPoint(kind, documentId) : null;
      if (!before) return next(); // Strapi answers "not found"

      const data = params.data ?? {};
      const change = readToOneChange(data.customer);
      if (change.kind === 'clear') throw mustBelong(kind);
      const target = change.kind === 'set' ? await findCustomer(change.ref) : before.customer;
      if (!target) throw mustBelong(kind);
      await locks().lock([target.id, ...(before.customer ? [before.customer.id] : [])]);

      // Re-read under the lock: a concurrent writer may have changed the point meanwhile.
      const current = (await findPoint(kind, documentId!))!;
      const previousOwner = current.customer;
      const moved = previousOwner?.id !== target.id;
      const fields = validateFields(kind, {
        ...pick(current, FIELDS[kind]),
        ...pick(data, FIELDS[kind]),
      });
      const value = kind === 'email' ? 'address' : 'number';
      if (
        kind !== 'address' &&
        (fields as unknown as Record<string, unknown>)[value] !== current[value]
      )
        await assertNotErased(kind, fields as unknown as Record<string, unknown>);
      const siblings = (await loadPoints(kind, target.id)).filter(
        (point) => point.id !== current.id
      );
      checkSet(target, kind, [...siblings, { type: fields.type }]);

      let preferredId: number | null = null;
      if (data.isPrimary === true) preferredId = current.id;
      else if (data.isPrimary === false && current.isPrimary && !moved) {
        if (siblings.length === 0) {
          throw new DomainValidationError({
            path: ['isPrimary'],
            rule: 'contactPoint.primary',
            message: `the only ${kind} of a customer is its primary; add another ${kind} and make that one primary instead`,
          });
        }
        preferredId = choosePrimary(siblings.map((point) => ({ ...point, isPrimary: false })));
      }

      const { isPrimary: _requested, ...rest } = data;
      params.data = {
        ...rest,
        ...fields,
        ...(moved
          ? { isPrimary: false, customer: { connect: [{ documentId: target.documentId }] } }
          : {}),
      };
      const updated = await next();
      if (moved && previousOwner) await settlePrimary(kind, previousOwner.id, null);
      const primaryId = await settlePrimary(kind, target.id, preferredId);
      await searchIndex().refresh([target.id, ...(previousOwner ? [previousOwner.id] : [])]);
      return withPrimaryFlag(updated, primaryId);
    },

    async delete(kind: ContactPointKind, params: Params, next: Next) {
      const before = params.documentId ? await findPoint(kind, params.documentId) : null;
      if (before?.customer) await locks().lock([before.customer.id]);
      const result = await next();
      // Deleting the primary promotes the oldest remaining point.
      if (before?.customer) {
        await settlePrimary(kind, before.customer.id, null);
        await searchIndex().refresh([before.customer.id]);
      }
      return result;
    },
  };
};

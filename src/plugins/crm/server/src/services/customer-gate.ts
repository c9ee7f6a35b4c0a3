import type { Core } from '@strapi/strapi';

import {
  assertEligiblePrimaryContact,
  validateConnection,
  CONTACT_POINT_KINDS,
  CONTACT_POINT_PLURALS,
  CUSTOMER_FIELD_NAMES,
  DomainValidationError,
  assertNoIssues,
  checkContactPointSet,
  validateCustomer,
  validateSocialFields,
  type ContactPointKind,
  type CustomerType,
} from '../domain';
import { documentData, documentShape } from '../utils/document-params';
import { prefixValidationError } from '../utils/errors';
import { getService } from '../utils/get-service';
import { pick } from '../utils/pick';
import { isNoOpRelationChange, isPlainObject } from '../utils/relations';
import { CONTACT_POINT_UIDS, CUSTOMER_UID } from '../utils/uids';

type Next = () => Promise<unknown>;
type Params = {
  documentId?: string;
  data?: Record<string, unknown>;
  fields?: unknown;
  populate?: unknown;
};
type NestedItem = Record<string, unknown>;
type NestedPoints = Partial<Record<ContactPointKind, NestedItem[]>>;

interface CustomerRow {
  id: number;
  documentId: string;
  customerNumber: string;
  type: CustomerType;
  ssn?: string | null;
  [field: string]: unknown;
}

const article = (kind: ContactPointKind) => (kind === 'address' ? 'an' : 'a');

/**
 * Pulls nested contact points (`addresses: [{ line1, city }]`) out of a customer's data. Strapi's own
 * relation syntax for them is refused: a contact point cannot exist without its customer, so
 * connecting or disconnecting it from the customer's side would orphan or steal one.
 */
const takeNestedPoints = (data: Record<string, unknown>, creating: boolean): NestedPoints => {
  const nested: NestedPoints = {};
  for (const kind of CONTACT_POINT_KINDS) {
    const plural = CONTACT_POINT_PLURALS[kind];
    const value = data[plural];
    if (value === undefined) continue;
    delete data[plural];
    if (isNoOpRelationChange(value)) continue;
    if (Array.isArray(value) && value.every(isPlainObject)) {
      value.forEach((item, index) => {
        if (creating && (item.documentId !== undefined || item.id !== undefined)) {
          throw new DomainValidationError({
            path: [plural, index, 'documentId'],
            rule: 'customer.nested',
            message: `${plural}[${index}]: a new customer's ${plural} are given as new records, without documentId`,
          });
        }
      });
      nested[kind] = value.map((item) => ({ ...item }));
      continue;
    }
    throw new DomainValidationError({
      path: [plural],
      rule: 'customer.nested',
      message: `${plural} are given as a list of objects (e.g. [{ "type": "..." }]); to move or detach ${article(kind)} ${kind}, change its own customer field`,
    });
  }
  return nested;
};

/**
 * The single write path for customers: required fields and enums through the domain, the
 * read-only customer number, nested contact points saved with the customer in one transaction
 * (each through the contact point gate), and contact points deleted with their customer.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const gate = () => getService(strapi, 'contact-point-gate');
  const locks = () => getService(strapi, 'customer-locks');
  const searchIndex = () => getService(strapi, 'search-index');
  const displayNames = () => getService(strapi, 'display-names');

  const findCustomer = async (documentId: string) =>
    (await strapi.db.query(CUSTOMER_UID).findOne({ where: { documentId } })) as CustomerRow | null;

  const refetch = (documentId: string, params: Params) =>
    strapi.documents(CUSTOMER_UID).findOne({
      documentId,
      ...documentShape(CUSTOMER_UID, {
        ...(params.fields ? { fields: params.fields } : {}),
        ...(params.populate ? { populate: params.populate } : {}),
      }),
    });

  const createNested = async (
    customer: { documentId: string },
    kind: ContactPointKind,
    items: NestedItem[],
    offset = 0
  ) => {
    for (const [index, item] of items.entries()) {
      const { documentId: _d, id: _i, customer: _c, ...fields } = item;
      try {
        await strapi.documents(CONTACT_POINT_UIDS[kind]).create({
          data: documentData(CONTACT_POINT_UIDS[kind], {
            ...fields,
            customer: customer.documentId,
          }),
        });
      } catch (error) {
        throw prefixValidationError(error, [CONTACT_POINT_PLURALS[kind], offset + index]);
      }
    }
  };

  /** Nested points on update replace the customer's points of that kind, like a form would. */
  const replaceNested = async (
    customer: CustomerRow,
    kind: ContactPointKind,
    items: NestedItem[]
  ) => {
    const plural = CONTACT_POINT_PLURALS[kind];
    const uid = CONTACT_POINT_UIDS[kind];
    const existing = await gate().loadPoints(kind, customer.id);
    const existingIds = new Set(existing.map((point) => point.documentId));
    const kept = new Set<string>();
    items.forEach((item, index) => {
      if (item.documentId === undefined) return;
      if (typeof item.documentId !== 'string' || !existingIds.has(item.documentId)) {
        throw new DomainValidationError({
          path: [plural, index, 'documentId'],
          rule: 'customer.nested',
          message: `${plural}[${index}]: ${kind} ${String(item.documentId)} does not belong to this customer`,
        });
      }
      kept.add(item.documentId);
    });

    for (const point of existing) {
      if (!kept.has(point.documentId))
        await strapi.documents(uid).delete({ documentId: point.documentId });
    }
    for (const [index, item] of items.entries()) {
      if (typeof item.documentId !== 'string') continue;
      const { documentId, id: _i, customer: _c, ...fields } = item;
      if (Object.keys(fields).length === 0) continue;
      try {
        await strapi.documents(uid).update({ documentId, data: fields });
      } catch (error) {
        throw prefixValidationError(error, [plural, index]);
      }
    }
    const fresh = items
      .map((item, index) => ({ item, index }))
      .filter(({ item }) => item.documentId === undefined);
    for (const { item, index } of fresh) await createNested(customer, kind, [item], index);
  };

  /** A primary contact set on the customer itself (the content manager) must be a connected individual. */
  const checkPrimaryContactChange = async (
    current: CustomerRow,
    type: CustomerType,
    data: Record<string, unknown>
  ) => {
    const target = await getService(strapi, 'customer-refs').resolve(
      data.primaryContact,
      'primaryContact'
    );
    delete data.primaryContact;
    if (target === undefined) return;
    const candidates = await getService(strapi, 'connection-gate').candidatesOf(current.id);
    if (target === null) {
      if (type === 'business' && candidates.length > 0) {
        throw new DomainValidationError({
          path: ['primaryContact'],
          rule: 'connection.primaryContact',
          message:
            'a business with connections always has a primary contact; choose another one instead',
        });
      }
      return;
    }
    assertEligiblePrimaryContact({ type }, target.id, candidates);
    data.primaryContact = { connect: [{ documentId: target.documentId }] };
  };

  /** A customer that changes type must still satisfy the rules of each of its connections. */
  const checkConnectionsAfterTypeChange = async (customerId: number, type: CustomerType) => {
    const network = getService(strapi, 'network-repository');
    const connections = await network.connectionsOf([customerId]);
    const summaries = await network.summaries(
      connections.flatMap((row) => [row.customerId, row.connectedId])
    );
    for (const row of connections) {
      const side = (id: number) => ({
        id,
        type: id === customerId ? type : summaries.get(id)!.type,
      });
      validateConnection(side(row.customerId), side(row.connectedId), {
        relationshipType: row.relationshipType,
        title: row.title,
      });
    }
    if (type === 'business')
      await getService(strapi, 'connection-gate').settlePrimaryContact(customerId);
    else
      await strapi.db
        .query(CUSTOMER_UID)
        .update({ where: { id: customerId }, data: { primaryContact: null } });
  };

  return {
    async create(params: Params, next: Next) {
      const data = { ...(params.data ?? {}) };
      delete data.displayName; // the CRM's, from the name and number
      const nested = takeNestedPoints(data, true);
      if (
        (await getService(strapi, 'customer-refs').resolve(
          data.primaryContact,
          'primaryContact'
        )) != null
      ) {
        throw new DomainValidationError({
          path: ['primaryContact'],
          rule: 'connection.primaryContact',
          message:
            'a new customer has no connections yet: connect an individual, who then becomes the primary contact',
        });
      }
      delete data.primaryContact;
      // An erased person's e-mail or phone may not come back with a new customer.
      await getService(strapi, 'erasure-list').assertNotErased([
        ...(nested.email ?? []).map((item, index) => ({
          field: `emails[${index}].address`,
          kind: 'email' as const,
          value: item.address,
        })),
        ...(nested.phone ?? []).map((item, index) => ({
          field: `phones[${index}].number`,
          kind: 'phone' as const,
          value: item.number,
        })),
      ]);
      getService(strapi, 'ssn').protectInput(data);
      const fields = validateCustomer(data);
      const social = validateSocialFields(data);
      await getService(strapi, 'external-ids').assertFree(CUSTOMER_UID, fields.externalId);
      const customerNumber = await getService(strapi, 'customer-numbers').next();
      params.data = {
        ...data,
        ...fields,
        ...social,
        customerNumber,
        displayName: displayNames().ofCustomer({ ...fields, customerNumber }),
      };

      const created = (await next()) as { id: number; documentId: string };
      const kinds = Object.keys(nested) as ContactPointKind[];
      for (const kind of kinds) await createNested(created, kind, nested[kind]!);
      await searchIndex().refresh([created.id]);
      return kinds.length > 0 ? refetch(created.documentId, params) : created;
    },

    async update(params: Params, next: Next) {
      const before = params.documentId ? await findCustomer(params.documentId) : null;
      if (!before) return next(); // Strapi answers "not found"
      await locks().lock([before.id]);
      const current = (await findCustomer(before.documentId))!;

      const data = { ...(params.data ?? {}) };
      delete data.displayName; // the CRM's, from the name and number
      const nested = takeNestedPoints(data, false);
      if (data.customerNumber !== undefined && data.customerNumber !== current.customerNumber) {
        throw new DomainValidationError({
          path: ['customerNumber'],
          rule: 'customer.number.readOnly',
          message: 'customerNumber is assigned by the CRM and cannot be changed',
        });
      }
      delete data.customerNumber;
      getService(strapi, 'ssn').protectInput(data, current);
      const fields = validateCustomer({
        ...pick(current, CUSTOMER_FIELD_NAMES),
        ...pick(data, CUSTOMER_FIELD_NAMES),
      });
      const social = validateSocialFields(data);
      if ('externalId' in data)
        await getService(strapi, 'external-ids').assertFree(
          CUSTOMER_UID,
          fields.externalId,
          current.id
        );
      params.data = {
        ...data,
        ...pick(fields, Object.keys(data)),
        ...social,
        displayName: displayNames().ofCustomer({
          ...fields,
          customerNumber: current.customerNumber,
        }),
      };

      await checkPrimaryContactChange(current, fields.type, data);

      const updated = await next();
      const kinds = Object.keys(nested) as ContactPointKind[];
      for (const kind of kinds) await replaceNested(current, kind, nested[kind]!);
      if (fields.type !== current.type)
        await checkConnectionsAfterTypeChange(current.id, fields.type);

      // A business turned individual (or the reverse) must fit the limits of its new type.
      if (fields.type !== current.type) {
        const limits = getService(strapi, 'settings').get().limits;
        for (const kind of CONTACT_POINT_KINDS) {
          const points = await gate().loadPoints(kind, current.id);
          assertNoIssues(checkContactPointSet(fields.type, kind, points, limits));
        }
      }
      await searchIndex().refresh([current.id]);
      return kinds.length > 0 ? refetch(current.documentId, params) : updated;
    },

    /** A customer goes with its contact points, connections and relationships; its children become roots. */
    async delete(params: Params, next: Next) {
      const customer = params.documentId ? await findCustomer(params.documentId) : null;
      if (!customer) return next();
      const removal = getService(strapi, 'record-removal');
      const others = await removal.detachCustomers([customer.id]);
      const result = await next();
      await removal.afterCustomersDeleted([customer.id], others);
      return result;
    },
  };
};

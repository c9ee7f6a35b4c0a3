import type { Core } from '@strapi/strapi';

import {
  DomainValidationError,
  assertEligiblePrimaryContact,
  choosePrimaryContact,
  samePair,
  validateConnection,
  type ContactCandidate,
} from '../domain';
import { getService } from '../utils/get-service';
import { errors } from '../utils/strapi-utils';
import { CONNECTION_UID, CUSTOMER_UID } from '../utils/uids';

type Next = () => Promise<unknown>;
type Params = { documentId?: string; data?: Record<string, unknown> };

const fixedSides = () =>
  new DomainValidationError({
    path: ['customer'],
    rule: 'connection.sides',
    message:
      "a connection's customers cannot be changed; remove it and connect the right customers",
  });

/**
 * The single write path for connections: the pair rules, one connection per pair, and
 * a business's primary contact, all under the row locks of both customers.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const repository = () => getService(strapi, 'network-repository');
  const refs = () => getService(strapi, 'customer-refs');
  const locks = () => getService(strapi, 'customer-locks');

  const candidatesOf = async (businessId: number): Promise<ContactCandidate[]> =>
    (await repository().connectionsOf([businessId])).map((row) => ({
      customerId: row.customerId === businessId ? row.connectedId : row.customerId,
      connectedAt: row.createdAt,
      connectionId: row.id,
    }));

  const primaryContactOf = async (businessId: number) =>
    (await repository().summaries([businessId])).get(businessId)?.primaryContactId ?? null;

  const setPrimaryContactRow = (businessId: number, contactId: number | null) =>
    strapi.db
      .query(CUSTOMER_UID)
      .update({ where: { id: businessId }, data: { primaryContact: contactId } });

  /** Keeps exactly one primary contact on a business that has connections, and none otherwise. */
  const settlePrimaryContact = async (businessId: number) => {
    const business = await refs().byId(businessId);
    if (business?.type !== 'business') return;
    const current = await primaryContactOf(businessId);
    const chosen = choosePrimaryContact(await candidatesOf(businessId), current);
    if (chosen !== current) await setPrimaryContactRow(businessId, chosen);
  };

  return {
    settlePrimaryContact,
    candidatesOf,

    async create(params: Params, next: Next) {
      const data = params.data ?? {};
      const customer = await refs().require(
        data.customer,
        'customer',
        'a connection needs a customer'
      );
      const connected = await refs().require(
        data.connectedCustomer,
        'connectedCustomer',
        'a connection needs a connectedCustomer'
      );
      await locks().lock([customer.id, connected.id]);
      const fields = validateConnection(customer, connected, data);
      const existing = await repository().connectionsOf([customer.id]);
      if (
        existing.some((row) =>
          samePair([row.customerId, row.connectedId], [customer.id, connected.id])
        )
      ) {
        throw new DomainValidationError({
          path: ['connectedCustomer'],
          rule: 'connection.duplicate',
          message: 'these two customers are already connected',
        });
      }
      params.data = {
        ...data,
        ...fields,
        customer: { connect: [{ documentId: customer.documentId }] },
        connectedCustomer: { connect: [{ documentId: connected.documentId }] },
      };
      const created = await next();
      for (const side of [customer, connected])
        if (side.type === 'business') await settlePrimaryContact(side.id);
      return created;
    },

    async update(params: Params, next: Next) {
      const current = params.documentId
        ? await strapi.db.query(CONNECTION_UID).findOne({
            where: { documentId: params.documentId },
            populate: {
              customer: { select: ['id', 'documentId', 'type'] },
              connectedCustomer: { select: ['id', 'documentId', 'type'] },
            },
          })
        : null;
      if (!current) return next();
      const data = params.data ?? {};
      for (const field of ['customer', 'connectedCustomer'] as const) {
        const target = await refs().resolve(data[field], field);
        if (target === null || (target && target.id !== current[field]?.id)) throw fixedSides();
        delete data[field];
      }
      await locks().lock([current.customer.id, current.connectedCustomer.id]);
      const fields = validateConnection(current.customer, current.connectedCustomer, {
        relationshipType: current.relationshipType,
        title: current.title,
        ...data,
      });
      params.data = { ...data, ...fields };
      return next();
    },

    async delete(params: Params, next: Next) {
      const current = params.documentId
        ? await strapi.db.query(CONNECTION_UID).findOne({
            where: { documentId: params.documentId },
            populate: { customer: { select: ['id'] }, connectedCustomer: { select: ['id'] } },
          })
        : null;
      const sides = [current?.customer?.id, current?.connectedCustomer?.id].filter(
        (id): id is number => typeof id === 'number'
      );
      await locks().lock(sides);
      const result = await next();
      // Removing the primary contact's connection promotes the oldest remaining one (or none).
      for (const side of sides) await settlePrimaryContact(side);
      return result;
    },

    /** PUT /customers/:id/primary-contact: another connected individual becomes the primary contact. */
    async choosePrimaryContact(businessDocumentId: string, contact: unknown) {
      const history = getService(strapi, 'history');
      return strapi.db.transaction(async () => {
        const session = history.currentSession() ?? history.session();
        const business = await strapi.db.query(CUSTOMER_UID).findOne({
          where: { documentId: businessDocumentId },
          select: ['id', 'documentId', 'type'],
        });
        if (!business) throw new errors.NotFoundError('customer not found');
        const individual = await refs().require(
          contact,
          'customer',
          'customer is required: the documentId of a connected individual'
        );
        await locks().lock([business.id, individual.id]);
        await session.watch(CUSTOMER_UID, [business.id]);
        assertEligiblePrimaryContact(business, individual.id, await candidatesOf(business.id));
        await setPrimaryContactRow(business.id, individual.id);
        if (session !== history.currentSession()) await session.flush();
        return business;
      });
    },
  };
};

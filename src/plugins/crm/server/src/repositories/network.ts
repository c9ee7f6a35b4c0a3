import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';

import type { CustomerType, LooseType, RelationshipKind } from '../domain';
import { CONNECTION_UID, CUSTOMER_UID, RELATIONSHIP_UID } from '../utils/uids';
import { withKnex as withKnexOf } from '../utils/with-knex';
import { chunks, createLinkRepository, linkOf, type Link } from './links';

export interface ConnectionRow {
  id: number;
  documentId: string;
  relationshipType: string;
  title: string | null;
  createdAt: string | null;
  customerId: number;
  connectedId: number;
}

export interface RelationshipRow {
  id: number;
  documentId: string;
  kind: RelationshipKind;
  type: LooseType | null;
  createdAt: string | null;
  /** parent (hierarchical) or the customer that made the link (loose) */
  firstId: number;
  /** child (hierarchical) or the linked customer (loose) */
  secondId: number;
}

/** A row as the pair query answers it: ids as the driver gives them, the timestamp in its raw form. */
type RawPair<Row> = Omit<Row, 'createdAt'> & {
  createdAt: unknown;
  firstId: unknown;
  secondId: unknown;
};

export interface CustomerSummary {
  id: number;
  documentId: string;
  customerNumber: string;
  type: CustomerType;
  firstName: string | null;
  lastName: string | null;
  businessName: string | null;
  primaryContactId?: number | null;
}

/**
 * The few queries the document service cannot do fast: connections and relationships of many
 * customers at once (one statement per call, whatever the number of customers), ancestors through
 * a recursive CTE, and summaries of many customers. They run in the caller's transaction if any.
 */
/**
 * A datetime column as Strapi answers it, ISO 8601: SQLite keeps milliseconds since 1970,
 * PostgreSQL hands a Date.
 */
const isoTimestamp = (value: unknown): string | null => {
  if (value === null || value === undefined) return null;
  const date =
    value instanceof Date
      ? value
      : new Date(typeof value === 'string' && !/^\d+$/.test(value) ? value : Number(value));
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
};

export const createNetworkRepository = (strapi: Core.Strapi) => {
  const link = (uid: string, attribute: string): Link => linkOf(strapi, uid, attribute);
  const table = (uid: string) => strapi.db.metadata.get(uid).tableName;

  const withKnex = <T>(work: (knex: Knex) => Promise<T>) => withKnexOf(strapi, work);

  const pairQuery = (
    knex: Knex,
    uid: string,
    first: Link,
    second: Link,
    columns: string[],
    side: 'a' | 'b',
    ids: number[]
  ) =>
    knex
      .select([...columns, `a.${first.target} as firstId`, `b.${second.target} as secondId`])
      .from(`${table(uid)} as r`)
      .join(`${first.table} as a`, `a.${first.owner}`, 'r.id')
      .join(`${second.table} as b`, `b.${second.owner}`, 'r.id')
      .whereIn(`${side}.${side === 'a' ? first.target : second.target}`, ids);

  const connectionColumns = [
    'r.id',
    'r.document_id as documentId',
    'r.relationship_type as relationshipType',
    'r.title',
    'r.created_at as createdAt',
  ];
  const relationshipColumns = [
    'r.id',
    'r.document_id as documentId',
    'r.kind',
    'r.type',
    'r.created_at as createdAt',
  ];

  return {
    ...createLinkRepository(strapi),

    /** Connections with either side among `customerIds`. */
    async connectionsOf(customerIds: readonly number[]): Promise<ConnectionRow[]> {
      if (customerIds.length === 0) return [];
      const customer = link(CONNECTION_UID, 'customer');
      const connected = link(CONNECTION_UID, 'connectedCustomer');
      return withKnex(async (knex) => {
        const rows: ConnectionRow[] = [];
        for (const ids of chunks(customerIds)) {
          const found = await pairQuery(
            knex,
            CONNECTION_UID,
            customer,
            connected,
            connectionColumns,
            'a',
            ids
          ).union(
            pairQuery(knex, CONNECTION_UID, customer, connected, connectionColumns, 'b', ids)
          );
          rows.push(
            ...found.map((row: RawPair<ConnectionRow>) => ({
              ...row,
              createdAt: isoTimestamp(row.createdAt),
              customerId: Number(row.firstId),
              connectedId: Number(row.secondId),
            }))
          );
        }
        return dedupe(rows);
      });
    },

    /** Hierarchical and loose relationships with any side among `customerIds`. */
    async relationshipsOf(customerIds: readonly number[]): Promise<RelationshipRow[]> {
      if (customerIds.length === 0) return [];
      const parent = link(RELATIONSHIP_UID, 'parent');
      const child = link(RELATIONSHIP_UID, 'child');
      const customer = link(RELATIONSHIP_UID, 'customer');
      const linked = link(RELATIONSHIP_UID, 'linkedCustomer');
      return withKnex(async (knex) => {
        const rows: RelationshipRow[] = [];
        for (const ids of chunks(customerIds)) {
          const found = await pairQuery(
            knex,
            RELATIONSHIP_UID,
            parent,
            child,
            relationshipColumns,
            'a',
            ids
          )
            .union(pairQuery(knex, RELATIONSHIP_UID, parent, child, relationshipColumns, 'b', ids))
            .union(
              pairQuery(knex, RELATIONSHIP_UID, customer, linked, relationshipColumns, 'a', ids)
            )
            .union(
              pairQuery(knex, RELATIONSHIP_UID, customer, linked, relationshipColumns, 'b', ids)
            );
          rows.push(
            ...found.map((row: RawPair<RelationshipRow>) => ({
              ...row,
              createdAt: isoTimestamp(row.createdAt),
              firstId: Number(row.firstId),
              secondId: Number(row.secondId),
            }))
          );
        }
        return dedupe(rows);
      });
    },

    /** The parent of a customer, if any. */
    async parentOf(childId: number): Promise<number | null> {
      const parent = link(RELATIONSHIP_UID, 'parent');
      const child = link(RELATIONSHIP_UID, 'child');
      return withKnex(async (knex) => {
        const row = await knex
          .select(`p.${parent.target} as parentId`)
          .from(`${child.table} as c`)
          .join(`${parent.table} as p`, `p.${parent.owner}`, `c.${child.owner}`)
          .where(`c.${child.target}`, childId)
          .first();
        return row ? Number(row.parentId) : null;
      });
    },

    /** Every ancestor of a customer (parent, grandparent, …), in one recursive query. */
    async ancestorsOf(customerId: number): Promise<Set<number>> {
      const parent = link(RELATIONSHIP_UID, 'parent');
      const child = link(RELATIONSHIP_UID, 'child');
      return withKnex(async (knex) => {
        const result = await knex.raw(
          `WITH RECURSIVE up(id) AS (
             SELECT p.${parent.target} FROM ${child.table} c JOIN ${parent.table} p ON p.${parent.owner} = c.${child.owner}
             WHERE c.${child.target} = ?
             UNION
             SELECT p.${parent.target} FROM up
             JOIN ${child.table} c ON c.${child.target} = up.id
             JOIN ${parent.table} p ON p.${parent.owner} = c.${child.owner}
           )
           SELECT id FROM up`,
          [customerId]
        );
        const rows: { id: number }[] = Array.isArray(result) ? result : result.rows;
        return new Set(rows.map((row) => Number(row.id)));
      });
    },

    /** Whether `customer` already has a loose link of `type` to `linked`. */
    async looseLinkExists(
      customerId: number,
      linkedId: number,
      type: LooseType,
      exceptId?: number
    ): Promise<boolean> {
      const customer = link(RELATIONSHIP_UID, 'customer');
      const linked = link(RELATIONSHIP_UID, 'linkedCustomer');
      return withKnex(async (knex) => {
        const query = knex
          .first('r.id')
          .from(`${table(RELATIONSHIP_UID)} as r`)
          .join(`${customer.table} as a`, `a.${customer.owner}`, 'r.id')
          .join(`${linked.table} as b`, `b.${linked.owner}`, 'r.id')
          .where({
            [`a.${customer.target}`]: customerId,
            [`b.${linked.target}`]: linkedId,
            'r.type': type,
          });
        if (exceptId !== undefined) query.whereNot('r.id', exceptId);
        return Boolean(await query);
      });
    },

    /** Number, type and names of many customers, with each business's primary contact. */
    async summaries(customerIds: readonly number[]): Promise<Map<number, CustomerSummary>> {
      const primary = link(CUSTOMER_UID, 'primaryContact');
      const result = new Map<number, CustomerSummary>();
      if (customerIds.length === 0) return result;
      return withKnex(async (knex) => {
        for (const ids of chunks([...new Set(customerIds)])) {
          const rows = await knex
            .select(
              'c.id',
              'c.document_id as documentId',
              'c.customer_number as customerNumber',
              'c.type',
              'c.first_name as firstName',
              'c.last_name as lastName',
              'c.business_name as businessName',
              `p.${primary.target} as primaryContactId`
            )
            .from(`${table(CUSTOMER_UID)} as c`)
            .leftJoin(`${primary.table} as p`, `p.${primary.owner}`, 'c.id')
            .whereIn('c.id', ids);
          for (const row of rows) {
            result.set(Number(row.id), {
              ...row,
              id: Number(row.id),
              primaryContactId:
                row.primaryContactId === null || row.primaryContactId === undefined
                  ? null
                  : Number(row.primaryContactId),
            });
          }
        }
        return result;
      });
    },
  };
};

const dedupe = <T extends { id: number }>(rows: T[]): T[] => {
  const seen = new Map<number, T>();
  for (const row of rows) seen.set(Number(row.id), { ...row, id: Number(row.id) });
  return [...seen.values()].sort((a, b) => a.id - b.id);
};

/** Registered as the plugin's `networkRepository` service: gates, listings and the network share one instance. */
export default ({ strapi }: { strapi: Core.Strapi }) => createNetworkRepository(strapi);

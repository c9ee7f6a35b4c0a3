import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';

import { withKnex } from '../utils/with-knex';

/** Where Strapi keeps a relation: its link table, the owner and target columns, the order column. */
export interface Link {
  table: string;
  owner: string;
  target: string;
  order?: string;
  /** a fixed condition of the link table's rows (a polymorphic relation's field) */
  on?: Record<string, unknown>;
}

/** Reads a relation's link table from Strapi's metadata (every relation has one, even to-one). */
export const linkOf = (strapi: Core.Strapi, uid: string, attribute: string): Link => {
  const { joinTable } = strapi.db.metadata.get(uid).attributes[attribute] as {
    joinTable: {
      name: string;
      joinColumn: { name: string };
      inverseJoinColumn: { name: string };
      orderColumnName?: string;
      on?: Record<string, unknown>;
    };
  };
  return {
    table: joinTable.name,
    owner: joinTable.joinColumn.name,
    target: joinTable.inverseJoinColumn.name,
    order: joinTable.orderColumnName,
    on: joinTable.on,
  };
};

/** Whether `attribute` of `uid` is kept in a link table. */
export const hasLinkTable = (strapi: Core.Strapi, uid: string, attribute: string): boolean =>
  Boolean(
    (
      strapi.db.metadata.get(uid).attributes[attribute] as
        { joinTable?: { joinColumn?: unknown } } | undefined
    )?.joinTable?.joinColumn
  );

// SQLite accepts at most 32766 bound values per statement; stay far below it.
const CHUNK = 5000;
export const chunks = <T>(items: readonly T[]) =>
  Array.from({ length: Math.ceil(items.length / CHUNK) }, (_, i) =>
    items.slice(i * CHUNK, (i + 1) * CHUNK)
  );

/**
 * Reads of link tables, which Strapi's relational `where` answers by scanning the owner table on
 * SQLite. They run in the caller's transaction if any.
 */
export const createLinkRepository = (strapi: Core.Strapi) => {
  const run = <T>(work: (knex: Knex) => Promise<T>) => withKnex(strapi, work);

  /** `[owner id, target id]` of the links whose `side` is among `ids` (and, if given, whose other side is among `others`). */
  const linksWhere = async (
    uid: string,
    attribute: string,
    side: 'owner' | 'target',
    ids: readonly number[],
    others?: readonly number[]
  ): Promise<[number, number][]> => {
    if (ids.length === 0 || others?.length === 0) return [];
    const relation = linkOf(strapi, uid, attribute);
    const otherSide = side === 'owner' ? relation.target : relation.owner;
    return run(async (knex) => {
      const pairs: [number, number][] = [];
      for (const chunk of chunks(ids)) {
        const query = knex(relation.table)
          .select(relation.owner, relation.target)
          .whereIn(relation[side], chunk);
        if (others) query.whereIn(otherSide, others as number[]);
        for (const row of await query)
          pairs.push([Number(row[relation.owner]), Number(row[relation.target])]);
      }
      return pairs;
    });
  };

  return {
    /** Where a relation is kept: its link table, owner and target columns, order column. */
    link: (uid: string, attribute: string) => linkOf(strapi, uid, attribute),

    linksWhere,

    /** Ids of the records whose `attribute` points at one of `targetIds`. */
    async ownersLinkedTo(
      uid: string,
      attribute: string,
      targetIds: readonly number[]
    ): Promise<number[]> {
      if (targetIds.length === 0) return [];
      const relation = linkOf(strapi, uid, attribute);
      return run(async (knex) => {
        const ids: number[] = [];
        for (const chunk of chunks(targetIds)) {
          ids.push(
            ...(
              await knex(relation.table).whereIn(relation.target, chunk).pluck(relation.owner)
            ).map(Number)
          );
        }
        return ids;
      });
    },

    /** `[owner id, target id]` of the links of `attribute` whose target is among `targetIds`. */
    linksToTargets: (uid: string, attribute: string, targetIds: readonly number[]) =>
      linksWhere(uid, attribute, 'target', targetIds),

    /** `[owner id, target id]` of the links of `attribute` whose owner is among `ownerIds`. */
    linksOfOwners: (uid: string, attribute: string, ownerIds: readonly number[]) =>
      linksWhere(uid, attribute, 'owner', ownerIds),

    /** How many links of `attribute` hang from these owners. */
    async countOfOwners(
      uid: string,
      attribute: string,
      ownerIds: readonly number[]
    ): Promise<number> {
      const relation = linkOf(strapi, uid, attribute);
      return run(async (knex) => {
        let total = 0;
        for (const chunk of chunks(ownerIds)) {
          const [row] = await knex(relation.table)
            .whereIn(relation.owner, chunk)
            .where(relation.on ?? {})
            .count({ n: '*' });
          total += Number((row as { n: number | string }).n);
        }
        return total;
      });
    },
  };
};

import type { Core } from '@strapi/strapi';

/** Where Strapi keeps a relation: its link table, the owner and target columns, the order column. */
export interface Link {
  table: string;
  owner: string;
  target: string;
  order?: string;
}

/** Reads a relation's link table from Strapi's metadata (every relation has one, even to-one). */
export const linkOf = (strapi: Core.Strapi, uid: string, attribute: string): Link => {
  const { joinTable } = strapi.db.metadata.get(uid).attributes[attribute] as unknown as {
    joinTable: { name: string; joinColumn: { name: string }; inverseJoinColumn: { name: string }; orderColumnName?: string };
  };
  return {
    table: joinTable.name,
    owner: joinTable.joinColumn.name,
    target: joinTable.inverseJoinColumn.name,
    order: joinTable.orderColumnName,
  };
};

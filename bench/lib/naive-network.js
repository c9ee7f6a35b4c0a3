'use strict';

/**
 * The network walked the straightforward way, for comparison only: breadth first, and for every
 * customer reached its own queries — its connections, its relationships, and its summary. It
 * follows the same rules as the plugin's `network.graph` (depth, node cap, which edges are kept),
 * so both return the same graph and only the query shape differs: statements per node here, a
 * fixed few per level there.
 *
 * Two ways of issuing the per-node queries:
 * - `queryEngine`: through `strapi.db.query(...).findMany/findOne`, as plugin code naturally would.
 *   This is the naive traversal of the benchmark's main table.
 * - `perNodeSql`: hand-written knex lookups, one indexed statement per side and per node. Same
 *   walk, fewer and cheaper statements; it separates the cost of "one query per node" from the
 *   cost of the query engine's SQL (see `edgesViaQueryEngine`).
 */

const { linkOf, tableOf } = require('./boot');

const CUSTOMER_UID = 'plugin::crm.customer';
const CONNECTION_UID = 'plugin::crm.connection';
const RELATIONSHIP_UID = 'plugin::crm.relationship';

const idOnly = { select: ['id'] };

/**
 * The relation pairs an edge can hang from, each queried from either end: a connection's two
 * customers, a hierarchy's parent and child, a loose link's customer and linked customer.
 */
const PAIRS = [
  {
    uid: CONNECTION_UID,
    first: 'customer',
    second: 'connectedCustomer',
    select: ['id', 'documentId', 'relationshipType'],
  },
  { uid: RELATIONSHIP_UID, first: 'parent', second: 'child', select: ['id', 'documentId', 'kind'] },
  {
    uid: RELATIONSHIP_UID,
    first: 'customer',
    second: 'linkedCustomer',
    select: ['id', 'documentId', 'kind', 'type'],
  },
];

/**
 * One customer's edges as `{ id, source, target }` (document id of the edge, customer ids): one
 * findMany per side of each relation pair (six in all), each populating the other end.
 *
 * One query per side rather than a single `$or` over both: Strapi turns `$or` across two relations
 * into LEFT JOINs of both link tables filtered after the join, which no index serves, so every call
 * scans all connections. Even a single side is written as `t0 LEFT JOIN link t1 LEFT JOIN customers
 * t2 WHERE t2.id = ?`; PostgreSQL turns that into an index lookup, SQLite scans the owning table
 * (all 130k connections) for each of them. That is what plugin code going through the query engine
 * gets, so it stays in the measurement; `perNodeSql` shows the same walk without it.
 */
const edgesViaQueryEngine = async (app, id) => {
  const edges = [];
  for (const { uid, first, second, select } of PAIRS) {
    const fromFirst = await app.db
      .query(uid)
      .findMany({ where: { [first]: { id } }, select, populate: { [second]: idOnly } });
    for (const row of fromFirst)
      if (row[second]) edges.push({ id: row.documentId, source: id, target: row[second].id });
    const fromSecond = await app.db
      .query(uid)
      .findMany({ where: { [second]: { id } }, select, populate: { [first]: idOnly } });
    for (const row of fromSecond)
      if (row[first]) edges.push({ id: row.documentId, source: row[first].id, target: id });
  }
  return edges;
};

const queryEngine = (app) => ({
  rootId: async (documentId) =>
    (await app.db.query(CUSTOMER_UID).findOne({ where: { documentId }, select: ['id'] }))?.id,
  edgesOf: (id) => edgesViaQueryEngine(app, id),
  // One summary fetch per node: what a detail-by-detail implementation does to label the graph.
  documentIdOf: async (id) =>
    (
      await app.db.query(CUSTOMER_UID).findOne({
        where: { id },
        select: [
          'id',
          'documentId',
          'customerNumber',
          'type',
          'firstName',
          'lastName',
          'businessName',
        ],
        populate: { primaryContact: idOnly },
      })
    ).documentId,
});

const perNodeSql = (app) => {
  const knex = app.db.connection;
  const pairs = PAIRS.map(({ uid, first, second }) => ({
    table: tableOf(app, uid),
    first: linkOf(app, uid, first),
    second: linkOf(app, uid, second),
  }));
  const primary = linkOf(app, CUSTOMER_UID, 'primaryContact');
  const customers = tableOf(app, CUSTOMER_UID);

  // From the link table of `from` (indexed on the customer column) to the row, then to the other end.
  const side = (pair, from, to, id) =>
    knex
      .select('r.document_id as documentId', `o.${to.target} as other`)
      .from(`${from.table} as s`)
      .join(`${pair.table} as r`, 'r.id', `s.${from.owner}`)
      .join(`${to.table} as o`, `o.${to.owner}`, 'r.id')
      .where(`s.${from.target}`, id);

  return {
    rootId: async (documentId) =>
      (await knex(customers).first('id').where({ document_id: documentId }))?.id,
    edgesOf: async (id) => {
      const edges = [];
      for (const pair of pairs) {
        for (const row of await side(pair, pair.first, pair.second, id))
          edges.push({ id: row.documentId, source: id, target: Number(row.other) });
        for (const row of await side(pair, pair.second, pair.first, id))
          edges.push({ id: row.documentId, source: Number(row.other), target: id });
      }
      return edges;
    },
    documentIdOf: async (id) =>
      (
        await knex
          .first(
            'c.document_id',
            'c.customer_number',
            'c.type',
            'c.first_name',
            'c.last_name',
            'c.business_name',
            `p.${primary.target} as primaryContactId`
          )
          .from(`${customers} as c`)
          .leftJoin(`${primary.table} as p`, `p.${primary.owner}`, 'c.id')
          .where('c.id', id)
      ).document_id,
  };
};

/**
 * The breadth-first walk, given how to find the root, one node's edges and one node's label.
 * Returns `{ nodes, edges, truncated }` with nodes and edges as document ids, like `network.graph`.
 */
const walk = async (strategy, rootDocumentId, depth, cap) => {
  const root = await strategy.rootId(rootDocumentId);
  if (root === undefined) throw new Error(`customer ${rootDocumentId} not found`);
  const depthOf = new Map([[Number(root), 0]]);
  const edges = new Map();
  let frontier = [Number(root)];
  let truncated = false;

  for (let level = 1; level <= depth && frontier.length > 0 && !truncated; level += 1) {
    const next = [];
    for (const id of frontier) {
      for (const edge of await strategy.edgesOf(id)) {
        for (const end of [edge.source, edge.target]) {
          if (depthOf.has(end)) continue;
          if (depthOf.size >= cap) {
            truncated = true;
            continue;
          }
          depthOf.set(end, level);
          next.push(end);
        }
        if (depthOf.has(edge.source) && depthOf.has(edge.target)) edges.set(edge.id, edge);
      }
    }
    frontier = next;
  }

  const documentIds = new Map();
  for (const id of depthOf.keys()) documentIds.set(id, await strategy.documentIdOf(id));
  return {
    nodes: [...depthOf.entries()].map(([id, level]) => ({ id: documentIds.get(id), depth: level })),
    edges: [...edges.entries()].map(([id, edge]) => ({
      id,
      source: documentIds.get(edge.source),
      target: documentIds.get(edge.target),
    })),
    truncated,
  };
};

/** `{ queryEngine, perNodeSql }`: each `(rootDocumentId, depth, cap) => graph`. */
const naiveTraversals = (app) => {
  const engine = queryEngine(app);
  const sql = perNodeSql(app);
  return {
    queryEngine: (rootDocumentId, depth, cap) => walk(engine, rootDocumentId, depth, cap),
    perNodeSql: (rootDocumentId, depth, cap) => walk(sql, rootDocumentId, depth, cap),
  };
};

module.exports = { naiveTraversals };

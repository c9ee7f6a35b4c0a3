'use strict';

/**
 * Generates a customer network of a given size and writes it straight into the tables Strapi made
 * (knex, batched, one transaction): going through the document service would take longer than the
 * benchmark itself at 100k customers, and nothing measured here depends on how rows got in.
 *
 * The shape, from a seeded generator so every run (and both databases) gets the same data:
 * - customers 1..N; every tenth one is a business, the rest individuals;
 * - random connections, individual–individual or individual–business (never two businesses, and
 *   `employee` whenever a business is involved), about 2.5 per individual on average;
 * - a forest of hierarchical links among businesses (parent id < child id, one parent per child:
 *   no cycles by construction) and some loose links of every type between any customers;
 * - each business's first employee as its primary contact (the summaries join it);
 * - one measured root, customer 1 (an individual), with exactly 50 connections (40 individuals,
 *   10 businesses) and nothing else; random links never pick it, so its count stays exact. Its
 *   neighbours keep their own random links, so depth 2 reaches a few hundred customers.
 */

const { linkOf, tableOf } = require('./boot');
const { generator } = require('./random');

const CUSTOMER_UID = 'plugin::crm.customer';
const CONNECTION_UID = 'plugin::crm.connection';
const RELATIONSHIP_UID = 'plugin::crm.relationship';
const SEQUENCE_UID = 'plugin::crm.sequence';

const ROOT_ID = 1;
const ROOT_CONNECTIONS = { individuals: 40, businesses: 10 };

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';
/** Strapi's document ids are 24 lowercase alphanumerics; random ones index like the real thing. */
const documentIdFrom = (random) =>
  Array.from({ length: 24 }, () => ALPHABET[random.int(ALPHABET.length)]).join('');

const FIRST_NAMES = [
  'Ada',
  'Ben',
  'Cleo',
  'Dan',
  'Eva',
  'Finn',
  'Gia',
  'Hugo',
  'Ines',
  'Jon',
  'Kira',
  'Liam',
  'Mia',
  'Noah',
  'Omar',
  'Pia',
];
const LAST_NAMES = [
  'Andersen',
  'Baker',
  'Costa',
  'Dubois',
  'Evans',
  'Fischer',
  'Garcia',
  'Hansen',
  'Ito',
  'Jensen',
  'Kowalski',
  'Lopez',
  'Meyer',
  'Novak',
  'Olsen',
  'Petrov',
];
const BUSINESS_SUFFIXES = ['Ltd', 'GmbH', 'Inc', 'AS', 'SARL', 'Group', 'Holding', 'Partners'];
const TITLES = ['Manager', 'Engineer', 'Director', 'Analyst', 'Clerk', 'Consultant'];
const PERSONAL_TYPES = ['friend', 'relative', 'other'];
const LOOSE_TYPES = ['other', 'investor', 'subsidiary'];

const isBusiness = (id) => id % 10 === 0;

/** The whole data set as plain arrays (ids assigned here, so link rows need no read-back). */
const generate = ({ customers: total, seed = 20240501 }) => {
  const random = generator(seed);
  const businesses = [];
  const individuals = [];
  for (let id = 1; id <= total; id += 1) (isBusiness(id) ? businesses : individuals).push(id);
  // Random links never touch the root, so its 50 connections are exactly 50.
  const others = individuals.filter((id) => id !== ROOT_ID);

  const customers = [];
  for (let id = 1; id <= total; id += 1) {
    const business = isBusiness(id);
    const last = random.pick(LAST_NAMES);
    customers.push({
      id,
      documentId: documentIdFrom(random),
      // Same format as the app's formatCustomerNumber ('C-' + at least 6 digits).
      customerNumber: `C-${String(id).padStart(6, '0')}`,
      type: business ? 'business' : 'individual',
      firstName: business ? null : random.pick(FIRST_NAMES),
      lastName: business ? null : last,
      businessName: business ? `${last} ${random.pick(BUSINESS_SUFFIXES)} ${id}` : null,
    });
  }

  const connections = [];
  const pairs = new Set();
  const connect = (a, b, type) => {
    const key = a < b ? `${a}:${b}` : `${b}:${a}`;
    if (a === b || pairs.has(key)) return false;
    pairs.add(key);
    const withBusiness = isBusiness(a) || isBusiness(b);
    // Either side may be the business: the network query unions both directions, so both get used.
    const [customer, connected] = random.next() < 0.5 ? [a, b] : [b, a];
    connections.push({
      id: connections.length + 1,
      documentId: documentIdFrom(random),
      relationshipType: withBusiness ? 'employee' : type || random.pick(PERSONAL_TYPES),
      title: withBusiness ? random.pick(TITLES) : null,
      customer,
      connected,
    });
    return true;
  };

  const pickDistinct = (pool, count) => {
    const chosen = new Set();
    while (chosen.size < count) chosen.add(random.pick(pool));
    return [...chosen];
  };
  // The root's connections first, so they are the lowest ids (easy to spot in the database).
  for (const id of pickDistinct(others, ROOT_CONNECTIONS.individuals)) connect(ROOT_ID, id);
  for (const id of pickDistinct(businesses, ROOT_CONNECTIONS.businesses))
    connect(ROOT_ID, id, 'employee');

  // Each connection has one or two individual ends (30% go to a business); 1.3 connections per
  // customer give individuals about 2.5 connections each and businesses about 4.
  const target = Math.round(total * 1.3);
  while (connections.length < target) {
    const a = random.pick(others);
    const b = random.next() < 0.3 ? random.pick(businesses) : random.pick(others);
    connect(a, b);
  }

  const relationships = [];
  const relate = (kind, type, first, second) =>
    relationships.push({
      id: relationships.length + 1,
      documentId: documentIdFrom(random),
      kind,
      type,
      first,
      second,
    });

  // Hierarchy: about 30% of businesses get a parent among the businesses before them.
  for (let index = 1; index < businesses.length; index += 1) {
    if (random.next() < 0.3)
      relate('hierarchical', null, businesses[random.int(index)], businesses[index]);
  }
  // Loose links: 5 per 100 customers, any pair of non-root customers, never the same pair and type twice.
  const candidates = [...others, ...businesses];
  const loose = new Set();
  const looseTarget = Math.round(total * 0.05);
  while (loose.size < looseTarget) {
    const a = random.pick(candidates);
    const b = random.pick(candidates);
    const type = random.pick(LOOSE_TYPES);
    const key = `${a}:${b}:${type}`;
    if (a === b || loose.has(key)) continue;
    loose.add(key);
    relate('loose', type, a, b);
  }

  // A business's first employee is its primary contact, as the app would usually have it.
  const primaryContacts = new Map();
  for (const connection of connections) {
    const business = isBusiness(connection.customer)
      ? connection.customer
      : isBusiness(connection.connected)
        ? connection.connected
        : null;
    if (business === null || primaryContacts.has(business)) continue;
    primaryContacts.set(
      business,
      business === connection.customer ? connection.connected : connection.customer
    );
  }

  return { customers, connections, relationships, primaryContacts, root: customers[ROOT_ID - 1] };
};

/**
 * Rows per INSERT. SQLite refuses statements with more than 32,766 bound values, and knex writes a
 * multi-row insert there as a compound SELECT, which SQLite caps at 500 terms. PostgreSQL takes up
 * to 65,535 values in a plain VALUES list, so bigger batches (fewer round trips) are fine there.
 */
const batchSize = (sqlite, columns) =>
  sqlite
    ? Math.max(1, Math.min(500, Math.floor(8000 / columns)))
    : Math.max(1, Math.min(5000, Math.floor(30000 / columns)));

const insertAll = async (trx, sqlite, table, rows) => {
  if (rows.length === 0) return;
  const size = batchSize(sqlite, Object.keys(rows[0]).length);
  for (let start = 0; start < rows.length; start += size)
    await trx(table).insert(rows.slice(start, start + size));
};

/** Link rows for a to-one relation; order columns, when Strapi made any, get 1 (one target each). */
const linkRows = (link, pairs) =>
  pairs.map(([owner, target]) => {
    const row = { [link.owner]: owner, [link.target]: target };
    for (const column of link.orderColumns) row[column] = 1;
    return row;
  });

/**
 * Fails loudly when a NOT NULL column without a default is not filled here: the schema may have
 * grown a required column since this was written, and silently inserting bad rows would make the
 * numbers meaningless.
 */
const assertFills = async (knex, table, row) => {
  const info = await knex(table).columnInfo();
  const missing = Object.entries(info)
    .filter(
      ([column, about]) =>
        !about.nullable && about.defaultValue === null && !(column in row) && column !== 'id'
    )
    .map(([column]) => column);
  if (missing.length > 0)
    throw new Error(
      `${table}: NOT NULL columns the generator does not fill: ${missing.join(', ')}`
    );
};

/**
 * Writes `data` into the app's database. Ids are given explicitly (fresh database, so no clash);
 * PostgreSQL's id sequences are moved past them afterwards so the app could go on creating rows.
 */
const load = async (app, data) => {
  const knex = app.db.connection;
  const client = app.db.dialect.client;
  const sqlite = client === 'sqlite';
  // better-sqlite3 binds neither Date nor boolean; Strapi itself stores them as epoch ms and 0/1 there.
  const now = sqlite ? Date.now() : new Date();
  const no = sqlite ? 0 : false;
  const stamps = { created_at: now, updated_at: now, published_at: now };

  const customerTable = tableOf(app, CUSTOMER_UID);
  const connectionTable = tableOf(app, CONNECTION_UID);
  const relationshipTable = tableOf(app, RELATIONSHIP_UID);

  const customerRows = data.customers.map((c) => ({
    id: c.id,
    document_id: c.documentId,
    customer_number: c.customerNumber,
    type: c.type,
    first_name: c.firstName,
    last_name: c.lastName,
    business_name: c.businessName,
    no_email: no,
    no_mail: no,
    no_phone_calls: no,
    status: 'active',
    ...stamps,
  }));
  const connectionRows = data.connections.map((c) => ({
    id: c.id,
    document_id: c.documentId,
    relationship_type: c.relationshipType,
    title: c.title,
    ...stamps,
  }));
  const relationshipRows = data.relationships.map((r) => ({
    id: r.id,
    document_id: r.documentId,
    kind: r.kind,
    type: r.type,
    ...stamps,
  }));

  await assertFills(knex, customerTable, customerRows[0]);
  await assertFills(knex, connectionTable, connectionRows[0]);
  await assertFills(knex, relationshipTable, relationshipRows[0]);

  const hierarchical = data.relationships.filter((r) => r.kind === 'hierarchical');
  const loose = data.relationships.filter((r) => r.kind === 'loose');

  await knex.transaction(async (trx) => {
    await insertAll(trx, sqlite, customerTable, customerRows);
    await insertAll(trx, sqlite, connectionTable, connectionRows);
    await insertAll(trx, sqlite, relationshipTable, relationshipRows);
    const links = [
      [linkOf(app, CONNECTION_UID, 'customer'), data.connections.map((c) => [c.id, c.customer])],
      [
        linkOf(app, CONNECTION_UID, 'connectedCustomer'),
        data.connections.map((c) => [c.id, c.connected]),
      ],
      [linkOf(app, RELATIONSHIP_UID, 'parent'), hierarchical.map((r) => [r.id, r.first])],
      [linkOf(app, RELATIONSHIP_UID, 'child'), hierarchical.map((r) => [r.id, r.second])],
      [linkOf(app, RELATIONSHIP_UID, 'customer'), loose.map((r) => [r.id, r.first])],
      [linkOf(app, RELATIONSHIP_UID, 'linkedCustomer'), loose.map((r) => [r.id, r.second])],
      [linkOf(app, CUSTOMER_UID, 'primaryContact'), [...data.primaryContacts.entries()]],
    ];
    for (const [link, pairs] of links)
      await insertAll(trx, sqlite, link.table, linkRows(link, pairs));
    // The app's customer-number counter continues after the generated numbers.
    await trx(tableOf(app, SEQUENCE_UID))
      .where({ name: 'customer' })
      .update({ value: data.customers.length });
  });

  if (!sqlite) {
    for (const table of [customerTable, connectionTable, relationshipTable]) {
      await knex.raw(`SELECT setval(pg_get_serial_sequence(?, 'id'), (SELECT MAX(id) FROM ??))`, [
        table,
        table,
      ]);
    }
    // Autovacuum would gather statistics on its own within a minute of such a load; do it now so
    // the planner sees the real table sizes from the first timed call.
    await knex.raw('ANALYZE');
  }
};

module.exports = { generate, load, ROOT_ID, ROOT_CONNECTIONS };

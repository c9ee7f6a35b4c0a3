'use strict';

/**
 * The benchmark's reference: the host app's plain collection types `api::reference-customer` and
 * its addresses, phones and emails (src/api/reference-*), with the CRM customer's fields and
 * relations and none of the CRM's middlewares, policies or rules. `bench:search` loads
 * `GET /api/reference-customers/:id?populate=*` beside the CRM's route, on the same rows: they are
 * copied here, in SQL, from the seeded CRM tables (same ids and documentIds, same link rows), once
 * per seeded database.
 */

const boot = require('./boot');

const KINDS = ['address', 'phone', 'email'];
const CRM = (kind) => `plugin::crm.${kind}`;
const REFERENCE = (kind) => `api::reference-${kind}.reference-${kind}`;

/**
 * Columns the two tables share (every column of the reference is one of the CRM's). One after the
 * other: `knex` is a transaction here, one connection, which runs one statement at a time.
 */
const sharedColumns = async (knex, from, to) => {
  const source = await knex(from).columnInfo();
  const target = await knex(to).columnInfo();
  return Object.keys(target).filter((column) => column in source);
};

const copyTable = async (knex, from, to) => {
  const columns = await sharedColumns(knex, from, to);
  const list = columns.map((column) => `"${column}"`).join(', ');
  await knex.raw(`INSERT INTO "${to}" (${list}) SELECT ${list} FROM "${from}"`);
};

/** The link rows of `attribute`, column by column in Strapi's layout of each side. */
const copyLinks = async (knex, app, uid, referenceUid, attribute) => {
  const from = boot.linkOf(app, uid, attribute);
  const to = boot.linkOf(app, referenceUid, attribute);
  const pairs = [
    [from.owner, to.owner],
    [from.target, to.target],
    ...from.orderColumns.map((column, i) => [column, to.orderColumns[i]]),
  ].filter(([, target]) => target);
  await knex.raw(
    `INSERT INTO "${to.table}" (${pairs.map(([, t]) => `"${t}"`).join(', ')}) ` +
      `SELECT ${pairs.map(([f]) => `"${f}"`).join(', ')} FROM "${from.table}"`
  );
};

/** PostgreSQL: rows inserted with their ids leave the sequence behind; later inserts need it ahead. */
const advanceSequence = async (knex, table) =>
  knex.raw(
    `SELECT setval(pg_get_serial_sequence(?, 'id'), COALESCE((SELECT max(id) FROM "${table}"), 1))`,
    [table]
  );

/**
 * Makes the reference tables hold a copy of the seeded customers and their contact points; left as
 * they are when they already hold as many customers. Returns the seconds it took (0 when reused).
 */
const ensureReferenceRows = async (app) => {
  const knex = app.db.connection;
  const customers = boot.tableOf(app, CRM('customer'));
  const references = boot.tableOf(app, REFERENCE('customer'));
  const [{ n: wanted }] = await knex(customers).count({ n: '*' });
  const [{ n: held }] = await knex(references).count({ n: '*' });
  if (Number(held) === Number(wanted)) return 0;
  const started = Date.now();
  await knex.transaction(async (trx) => {
    const all = ['customer', ...KINDS];
    // Links first: their foreign keys point at the rows.
    for (const kind of KINDS) await trx(boot.linkOf(app, REFERENCE(kind), 'customer').table).del();
    await trx(boot.linkOf(app, REFERENCE('customer'), 'primaryContact').table).del();
    for (const kind of all) await trx(boot.tableOf(app, REFERENCE(kind))).del();
    for (const kind of all)
      await copyTable(trx, boot.tableOf(app, CRM(kind)), boot.tableOf(app, REFERENCE(kind)));
    for (const kind of KINDS) await copyLinks(trx, app, CRM(kind), REFERENCE(kind), 'customer');
    await copyLinks(trx, app, CRM('customer'), REFERENCE('customer'), 'primaryContact');
    if (app.db.dialect.client === 'postgres')
      for (const kind of all) await advanceSequence(trx, boot.tableOf(app, REFERENCE(kind)));
  });
  // The planner's statistics, as the seed leaves them for the CRM's tables: without them
  // PostgreSQL reads the fresh tables by sequential scans.
  const tables = [
    ...['customer', ...KINDS].map((kind) => boot.tableOf(app, REFERENCE(kind))),
    ...KINDS.map((kind) => boot.linkOf(app, REFERENCE(kind), 'customer').table),
    boot.linkOf(app, REFERENCE('customer'), 'primaryContact').table,
  ];
  for (const table of tables) await knex.raw(`ANALYZE "${table}"`);
  return (Date.now() - started) / 1000;
};

/**
 * Lets `role` read the reference through its REST API: `findOne` of the customer and `find` of each
 * type (Strapi populates a relation only for a caller who may `find` its target).
 */
const grantReferenceReads = async (app, role) => {
  const permissions = app.db.query('plugin::users-permissions.permission');
  const actions = [
    `${REFERENCE('customer')}.findOne`,
    ...['customer', ...KINDS].map((kind) => `${REFERENCE(kind)}.find`),
  ];
  for (const action of actions) {
    const held = await permissions.findOne({ where: { action, role: { id: role.id } } });
    if (!held) await permissions.create({ data: { action, role: role.id } });
  }
};

module.exports = { ensureReferenceRows, grantReferenceReads, REFERENCE };
